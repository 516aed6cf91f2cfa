// The relay's admin page: sign in with the admin token (kept in this tab's sessionStorage only),
// then enrol iPads (a one-time code, its QR code and link, which leave the page once used or
// expired), the fleet (the lead's names, what each iPad last said it holds and a warning row where
// the relay found a risk — devices.js —, riskiest first as the relay sorts it, searchable, revoking
// after a confirmation naming the device), importing a sealed file (imports.js), recent deliveries and
// the directory's state, all from /admin/api. Text goes into the page with textContent only:
// nothing is parsed as HTML.
import { COLUMNS, cell, deviceRows, when } from './devices.js';
import { setUpImport } from './imports.js';

const TOKEN = 'relay-admin-token';
const CHECK_CODE_EVERY_MS = 5000;
const $ = (id) => document.getElementById(id);

const lifetime = (minutes) =>
  minutes === 60 ? 'an hour' : minutes % 60 === 0 ? `${minutes / 60} hours` : `${minutes} minutes`;

let devices = [];
let shownEnrolment = null;
let codeTimer = 0;

class SignedOut extends Error {}

async function api(path, init = {}) {
  const res = await fetch(`/admin/api${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${sessionStorage.getItem(TOKEN)}`, 'Content-Type': 'application/json' },
  });
  if (res.status === 401) {
    signOut('The admin token was not accepted. Check it and sign in again.');
    throw new SignedOut();
  }
  if (!res.ok && res.status !== 409)
    throw new Error(`The relay answered ${res.status}. Try again, or check its log.`);
  return res.json();
}

function problem(messages) {
  const box = $('problem');
  const list = $('problem-list');
  list.replaceChildren(
    ...messages.map((message) => {
      const item = document.createElement('li');
      item.textContent = message;
      return item;
    }),
  );
  box.hidden = messages.length === 0;
  if (messages.length > 0) box.focus();
}

function announce(message) {
  $('announce').textContent = message;
}

const SORTS = {
  risk: (a, b) => devices.indexOf(a) - devices.indexOf(b), // the relay's order (relay/fleet.ts)
  seen: (a, b) => (b.lastSeenAt ?? '').localeCompare(a.lastSeenAt ?? '') || a.name.localeCompare(b.name),
  name: (a, b) => a.name.localeCompare(b.name, 'en-GB', { numeric: true, sensitivity: 'base' }),
  enrolled: (a, b) => b.enrolledAt.localeCompare(a.enrolledAt),
};

function showDevices() {
  const query = $('device-search').value.trim().toLowerCase();
  const shown = devices
    .filter((d) => !query || `${d.name} ${d.description ?? ''}`.toLowerCase().includes(query))
    .sort(SORTS[$('device-sort').value] ?? SORTS.risk);
  const body = $('devices');
  body.replaceChildren();
  for (const device of shown) {
    body.append(...deviceRows(device, () => confirmRevoke(device)));
  }
  if (shown.length === 0) {
    cell(
      body.insertRow(),
      devices.length === 0 ? 'No iPad is enrolled yet.' : 'No device matches the search.',
    ).colSpan = COLUMNS;
  }
  const connected = devices.filter((d) => !d.revokedAt).length;
  const atRisk = devices.filter((d) => d.warnings?.length).length;
  $('device-count').textContent =
    `${connected} connected, ${devices.length - connected} revoked` +
    (atRisk ? `, ${atRisk} with a warning` : '') +
    (shown.length === devices.length ? '' : ` — showing ${shown.length}`);
}

function showDeliveries(deliveries) {
  const names = new Map(devices.map((d) => [d.deviceId, d.name]));
  const body = $('deliveries');
  body.replaceChildren();
  for (const delivery of deliveries) {
    const row = document.createElement('tr');
    cell(row, when(delivery.at));
    cell(row, names.get(delivery.deviceId) ?? delivery.deviceId);
    cell(row, delivery.idempotencyKey, 'mono');
    cell(row, delivery.status, 'number');
    cell(row, delivery.careOpinionId ?? '—', 'mono');
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

/** A shown code leaves the page once it is used or has expired. */
async function checkCode() {
  if (!shownEnrolment) return;
  const expired = Date.parse(shownEnrolment.expiresAt) <= Date.now();
  const open = expired ? [] : await api('/enrolments');
  if (open.some((enrolment) => enrolment.id === shownEnrolment.id)) return;
  const name = shownEnrolment.name;
  hideCode();
  announce(expired ? `The code for ${name} has expired.` : `The code for ${name} was used.`);
  if (!expired) await load();
}

function hideCode() {
  shownEnrolment = null;
  clearInterval(codeTimer);
  $('enrolment').hidden = true;
}

async function load() {
  try {
    const [list, deliveries, status] = await Promise.all([
      api('/devices'),
      api('/deliveries?take=50'),
      api('/status'),
    ]);
    devices = list;
    showDevices();
    showDeliveries(deliveries);
    showStatus(status);
    problem([]);
    await checkCode();
  } catch (error) {
    if (!(error instanceof SignedOut)) problem([error.message]);
  }
}

function confirmRevoke(device) {
  const dialog = $('confirm-revoke');
  $('confirm-title').textContent = `Revoke ${device.name}?`;
  $('confirm-yes').textContent = `Revoke ${device.name}`;
  dialog.returnValue = '';
  dialog.onclose = async () => {
    if (dialog.returnValue !== 'revoke') return;
    try {
      await api(`/devices/${encodeURIComponent(device.deviceId)}/revoke`, { method: 'POST' });
      announce(`${device.name} was revoked.`);
      await load();
    } catch (error) {
      if (!(error instanceof SignedOut)) problem([error.message]);
    }
  };
  dialog.showModal();
}

async function enrol(event) {
  event.preventDefault();
  const name = $('device-name').value.trim();
  if (!name) {
    problem(['Enter a name for the iPad, so you can tell it apart in the list']);
    return;
  }
  try {
    const enrolment = await api('/enrolments', { method: 'POST', body: JSON.stringify({ name }) });
    problem([]);
    $('device-name').value = '';
    shownEnrolment = { id: enrolment.id, name, expiresAt: enrolment.expiresAt };
    $('enrolment-name').textContent = name;
    $('enrolment-code').textContent = enrolment.code;
    $('enrolment-lifetime').textContent = lifetime(enrolment.minutes);
    $('enrolment-expires').textContent = new Date(enrolment.expiresAt).toLocaleTimeString('en-GB', {
      timeStyle: 'short',
    });
    $('enrolment-expires').dateTime = enrolment.expiresAt;
    const qr = $('enrolment-qr');
    const link = $('enrolment-link');
    qr.hidden = !enrolment.link;
    link.hidden = !enrolment.link;
    $('enrolment-how').textContent = enrolment.link
      ? 'Scan the QR code with the iPad’s camera, or in the app open Settings, “Connect to a relay”, and type the code.'
      : 'In the app open Settings, “Connect to a relay”, and type this relay’s address and the code. (Set RELAY_PUBLIC_URL to show a QR code.)';
    if (enrolment.link) {
      qr.src = enrolment.qr;
      link.href = enrolment.link;
    }
    $('enrolment').hidden = false;
    clearInterval(codeTimer);
    codeTimer = setInterval(() => void checkCode().catch(() => {}), CHECK_CODE_EVERY_MS);
  } catch (error) {
    if (!(error instanceof SignedOut)) problem([error.message]);
  }
}

async function refreshDirectory() {
  try {
    const answer = await api('/directory/refresh', { method: 'POST', body: '{}' });
    if (answer.error === 'refreshing') problem(['A directory refresh is already running.']);
    else announce('The directory refresh has started.');
    await load();
  } catch (error) {
    if (!(error instanceof SignedOut)) problem([error.message]);
  }
}

function signOut(message = '') {
  sessionStorage.removeItem(TOKEN);
  hideCode();
  $('console').hidden = true;
  $('session-actions').hidden = true;
  $('sign-in').hidden = false;
  problem(message ? [message] : []);
}

function signIn(event) {
  event.preventDefault();
  const token = $('admin-token').value;
  if (!token) {
    problem(['Enter the admin token']);
    return;
  }
  sessionStorage.setItem(TOKEN, token);
  $('admin-token').value = '';
  start();
}

function start() {
  if (!sessionStorage.getItem(TOKEN)) return signOut();
  $('sign-in').hidden = true;
  $('console').hidden = false;
  $('session-actions').hidden = false;
  void load();
}

$('sign-in-form').addEventListener('submit', signIn);
$('sign-out').addEventListener('click', () => signOut());
$('reload').addEventListener('click', () => void load());
$('enrol-form').addEventListener('submit', (event) => void enrol(event));
$('refresh-directory').addEventListener('click', () => void refreshDirectory());
$('device-search').addEventListener('input', showDevices);
$('device-sort').addEventListener('change', showDevices);
setUpImport({ token: () => sessionStorage.getItem(TOKEN), signOut, problem, announce, reload: load });
start();
