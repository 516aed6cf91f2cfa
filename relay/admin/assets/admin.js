// The relay's admin page: sign in with the admin token (kept in this tab's sessionStorage only),
// then devices, enrolment codes with their QR code, recent deliveries and the directory's state,
// all from /admin/api. Text goes into the page with textContent only: nothing is parsed as HTML.
const TOKEN = 'relay-admin-token';
const $ = (id) => document.getElementById(id);

const when = (iso) => (iso ? new Date(iso).toLocaleString('en-GB') : '—');

async function api(path, init = {}) {
  const res = await fetch(`/admin/api${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${sessionStorage.getItem(TOKEN)}`, 'Content-Type': 'application/json' },
  });
  if (res.status === 401) {
    signOut('The admin token was not accepted.');
    throw new Error('signed out');
  }
  if (!res.ok && res.status !== 409) throw new Error(`The relay answered ${res.status}.`);
  return res.json();
}

function cell(row, text, className) {
  const td = document.createElement('td');
  td.textContent = String(text);
  if (className) td.className = className;
  row.append(td);
  return td;
}

function showDevices(devices) {
  const body = $('devices');
  body.replaceChildren();
  for (const device of devices) {
    const row = document.createElement('tr');
    cell(row, device.name);
    cell(row, when(device.enrolledAt));
    cell(row, when(device.lastSeenAt));
    cell(row, device.sent);
    cell(row, device.revokedAt ? `Revoked ${when(device.revokedAt)}` : 'Connected');
    const action = cell(row, '');
    if (!device.revokedAt) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = 'Revoke';
      button.setAttribute('aria-label', `Revoke ${device.name}`);
      button.addEventListener('click', () => revoke(device.deviceId));
      action.append(button);
    }
    body.append(row);
  }
  if (devices.length === 0) cell(body.insertRow(), 'No iPad is enrolled yet.').colSpan = 6;
}

function showDeliveries(deliveries, devices) {
  const names = new Map(devices.map((d) => [d.deviceId, d.name]));
  const body = $('deliveries');
  body.replaceChildren();
  for (const delivery of deliveries) {
    const row = document.createElement('tr');
    cell(row, when(delivery.at));
    cell(row, names.get(delivery.deviceId) ?? delivery.deviceId);
    cell(row, delivery.idempotencyKey, 'key');
    cell(row, delivery.status);
    cell(row, delivery.careOpinionId ?? '—', 'key');
    body.append(row);
  }
  if (deliveries.length === 0)
    cell(body.insertRow(), 'No story has been sent through this relay yet.').colSpan = 5;
}

function showStatus(status) {
  const facts = [
    [
      'Care Opinion key',
      {
        accepted: 'Accepted',
        refused: 'Not accepted — check CARE_OPINION_KEY',
        unreachable: 'Care Opinion could not be reached',
      }[status.upstream.key],
    ],
    ['Care Opinion address', status.upstream.base],
    ['Services in the directory', status.directory.count.toLocaleString('en-GB')],
    [
      'Directory updated',
      status.directory.updatedAt
        ? `${when(status.directory.updatedAt)} (${status.directory.ageHours} hours ago)`
        : 'Never',
    ],
    [
      'Directory refresh',
      status.directory.refreshing
        ? 'Running now'
        : status.directory.lastError
          ? `Last one failed: ${status.directory.lastError}`
          : 'Idle',
    ],
    ['Database', status.database === 'postgres' ? 'Postgres' : 'SQLite'],
  ];
  const list = $('status');
  list.replaceChildren();
  for (const [term, value] of facts) {
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    dd.textContent = value;
    list.append(dt, dd);
  }
}

async function load() {
  try {
    const [devices, deliveries, status] = await Promise.all([
      api('/devices'),
      api('/deliveries?take=50'),
      api('/status'),
    ]);
    showDevices(devices);
    showDeliveries(deliveries, devices);
    showStatus(status);
    $('problem').textContent = '';
  } catch (error) {
    if (error.message !== 'signed out') $('problem').textContent = error.message;
  }
}

async function revoke(deviceId) {
  await api(`/devices/${encodeURIComponent(deviceId)}/revoke`, { method: 'POST' });
  await load();
}

async function enrol(event) {
  event.preventDefault();
  const name = $('device-name').value.trim();
  const enrolment = await api('/enrolments', { method: 'POST', body: JSON.stringify(name ? { name } : {}) });
  $('enrolment-code').textContent = enrolment.code;
  $('enrolment-expires').textContent = when(enrolment.expiresAt);
  $('enrolment-expires').dateTime = enrolment.expiresAt;
  const qr = $('enrolment-qr');
  const link = $('enrolment-link');
  qr.hidden = !enrolment.link;
  link.hidden = !enrolment.link;
  $('enrolment-how').textContent = enrolment.link
    ? 'Scan the QR code with the iPad’s camera, or in the app open Settings, “Connect to a relay”, and type the code.'
    : 'In the app open Settings, “Connect to a relay”, and type this relay’s address and the code. (Set RELAY_APP_URL to show a QR code.)';
  if (enrolment.link) {
    qr.src = enrolment.qr;
    link.href = enrolment.link;
  }
  $('enrolment').hidden = false;
}

async function refreshDirectory() {
  const answer = await api('/directory/refresh', { method: 'POST', body: '{}' });
  $('problem').textContent = answer.error === 'refreshing' ? 'A directory refresh is already running.' : '';
  await load();
}

function signOut(message = '') {
  sessionStorage.removeItem(TOKEN);
  $('console').hidden = true;
  $('sign-in').hidden = false;
  $('sign-in-error').textContent = message;
}

function signIn(event) {
  event.preventDefault();
  sessionStorage.setItem(TOKEN, $('admin-token').value);
  $('admin-token').value = '';
  start();
}

function start() {
  if (!sessionStorage.getItem(TOKEN)) return signOut();
  $('sign-in').hidden = true;
  $('console').hidden = false;
  void load();
}

$('sign-in-form').addEventListener('submit', signIn);
$('sign-out').addEventListener('click', () => signOut());
$('reload').addEventListener('click', () => void load());
$('enrol-form').addEventListener('submit', (event) => void enrol(event));
$('refresh-directory').addEventListener('click', () => void refreshDirectory());
start();
