// The admin page's device table (the fleet): one row per device — what it last said it holds, as
// the relay lists it (relay/fleet.ts decides the warnings and the order) — and a warning row under
// it for each warning, in words. Text goes in with textContent only.

/** The device table's columns (index.html). */
export const COLUMNS = 11;

export const when = (iso) =>
  iso ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }) : 'Never';

export function cell(row, text, className) {
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

/** A device's row, then a warning row for each warning the relay gave it. */
export function deviceRows(device, onRevoke) {
  const rows = [];
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
    button.addEventListener('click', onRevoke);
    action.append(button);
  }
  if (device.warnings?.length) row.className = 'at-risk';
  rows.push(row);
  for (const warning of device.warnings ?? []) {
    const warningRow = document.createElement('tr');
    warningRow.className = 'warning-row';
    const text = cell(warningRow, '');
    text.colSpan = COLUMNS;
    const label = document.createElement('strong');
    label.className = 'tag warning';
    label.textContent = 'Warning';
    text.append(label, ` ${WARNINGS[warning]?.(device) ?? warning}`);
    rows.push(warningRow);
  }
  return rows;
}
