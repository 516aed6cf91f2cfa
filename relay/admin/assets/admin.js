// The relay's admin page: sign in with the admin token (kept in this tab's sessionStorage only),
// then enrol iPads (a one-time code, its QR code and link, which leave the page once used or
// expired), the fleet (the lead's names, what each iPad last said it holds, a warning row where
// the relay found a risk, riskiest first as the relay sorts it, searchable, revoking after a
// confirmation naming the device), importing a sealed file (imports.js), recent deliveries and
// the directory's state, all from /admin/api. Text goes into the page with textContent only:
// nothing is parsed as HTML.
import { setUpImport } from './imports.js';

const TOKEN = 'relay-admin-token';
const CHECK_CODE_EVERY_MS = 5000;
const $ = (id) => document.getElementById(id);

const when = (iso) =>
  iso ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }) : 'Never';
const lifetime = (minutes) =>
  minutes === 60 ? 'an hour' : minutes % 60 === 0 ? `${minutes / 60} hours` : `${minutes} minutes`;

let devices = [];
/** The device table's columns (index.html). */
const COLUMNS = 11;
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

function cell(row, text, className) {
  const td = document.createElement('td');
  td.textContent = String(text);
  if (className) td.className = className;
  row.append(td);
  return td;
}

const count = (n, one, many) => `${n} ${n === 1 ? one : many}`;
const orDash = (value) => (value === null || value === undefined ? '—' : value);
/** A shorter time for the fleet's columns: "28 Nov, 16:30". */
const day = (iso) =>
  new Date(iso).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
const size = (bytes) =>
  bytes >= 1e9
    ? `${(bytes / 1e9).toFixed(1)} GB`
    : bytes >= 1e6
      ? `${Math.round(bytes / 1e6)} MB`
      : `${Math.ceil(bytes / 1e3)} kB`;

/** The relay's warning codes (relay/fleet.ts), in words. */
const WARNINGS = {
  'stories-waiting-over-3-days': (d) =>
    `${count(d.waiting, 'story', 'stories')} waiting since ${when(d.oldestWaitingAt)} — more than 3 days. Bring the iPad online, or export its unsent stories and import the file below.`,
  'not-seen-for-7-days': (d) =>
    `Not seen since ${when(d.lastSeenAt ?? d.enrolledAt)} — more than 7 days. Find the iPad and connect it to wifi: it may hold stories.`,
};

function storage(device) {
  if (!device.storage) return '—';
  const kept = device.storage.persisted ? 'Persistent' : 'Not persistent';
  return `${kept}, ${size(device.storage.usedBytes)}`;
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
    const row = document.createElement('tr');
    const name = cell(row, device.name);
    if (device.description && device.description !== device.name) {
      const description = document.createElement('span');
      description.className = 'description';
      description.textContent = `Calls itself “${device.description}”`;
      name.append(description);
    }
    const enrolled = document.createElement('span');
    enrolled.className = 'description';
    enrolled.textContent = `Enrolled ${when(device.enrolledAt)}`;
    name.append(enrolled);
    cell(row, device.lastSeenAt ? day(device.lastSeenAt) : 'Never');
    cell(row, orDash(device.waiting), 'number');
    cell(row, orDash(device.needsAttention), 'number');
    cell(row, orDash(device.readyToPost), 'number');
    cell(row, device.oldestWaitingAt ? day(device.oldestWaitingAt) : '—');
    cell(row, orDash(device.appVersion));
    cell(row, storage(device));
    cell(row, device.sent, 'number');
    const state = cell(row, '');
    const tag = document.createElement('span');
    tag.className = device.revokedAt ? 'tag revoked' : 'tag ok';
    tag.textContent = device.revokedAt ? `Revoked ${when(device.revokedAt)}` : 'Connected';
    state.append(tag);
    const action = cell(row, '');
    if (!device.revokedAt) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'button secondary';
      button.textContent = 'Revoke';
      button.setAttribute('aria-label', `Revoke ${device.name}`);
      button.addEventListener('click', () => confirmRevoke(device));
      action.append(button);
    }
    if (device.warnings?.length) row.className = 'at-risk';
    body.append(row);
    for (const warning of device.warnings ?? []) {
      const warningRow = document.createElement('tr');
      warningRow.className = 'warning-row';
      const text = cell(warningRow, '');
      text.colSpan = COLUMNS;
      const label = document.createElement('strong');
      label.className = 'tag warning';
      label.textContent = 'Warning';
      text.append(label, ` ${WARNINGS[warning]?.(device) ?? warning}`);
      body.append(warningRow);
    }
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
