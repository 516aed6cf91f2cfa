// "Import a sealed file" on the admin page: sends the file the lead chose to /admin/api/imports as
// it is (application/octet-stream), asks before importing a revoked or unknown iPad's file, and
// lists each story's outcome by its number in the file — the relay never answers with content.
// Text goes into the page with textContent only.
const $ = (id) => document.getElementById(id);

/** A refused story's reason (relay/admin/imports.ts), in words. */
const REASONS = {
  'idempotency-key-invalid': 'not sent: its Idempotency-Key is not a UUID (the file was not made by the app)',
  'story-invalid':
    'not sent: the story is incomplete or has no consent (checked as for a story an iPad sends)',
  'story-too-large': 'not sent: it is larger than 1 MiB',

  'key-reused': 'not sent: its Idempotency-Key belongs to another story',
  'in-flight': 'not sent yet: it is being sent right now — import the file again in a minute',
  'device-revoked': 'not sent: the iPad was revoked during the import — import the file again',
  'upstream-key-refused':
    'not sent: Care Opinion did not accept the relay’s key — check CARE_OPINION_KEY, then import the file again',
  'upstream-busy': 'not sent yet: Care Opinion was busy — import the file again later',
  'upstream-unavailable': 'not sent yet: Care Opinion could not be reached — import the file again later',
  'upstream-refused': 'not sent: Care Opinion refused it',
};

/** Why a file was refused as a whole (nothing imported), in words. */
const FILE_PROBLEMS = {
  'not-a-sealed-file':
    'This is not a sealed file of stories. Choose the file the iPad exported (its name ends in .sealed).',
  'another-relay':
    'This file was sealed for another relay, not this one. Import it on the relay the iPad is enrolled with.',
  'does-not-open':
    'This file does not open: it was changed or damaged after it was sealed. Export it again from the iPad.',
  'contents-invalid': 'This file opened but does not hold stories from the app. Nothing was imported.',
  'export-key-unavailable':
    'This relay cannot open sealed files: its export key was sealed under another RELAY_HASH_SECRET. Restore that secret, or set RELAY_EXPORT_KEY.',
  'body-too-large':
    'The file is larger than 10 MiB, more than any export of stories. Choose the file the iPad exported.',
  'send-octet-stream': 'The file could not be sent. Reload the page and try again.',
};

const stories = (n) => `${n} ${n === 1 ? 'story' : 'stories'}`;

function outcomeWords(o) {
  if (o.outcome === 'sent') return 'sent to Care Opinion';
  if (o.outcome === 'already-there') return 'already there — not sent again';
  const words = REASONS[o.reason] ?? `not sent (${o.reason})`;
  return o.status ? `${words} (${o.status})` : words;
}

export function setUpImport({ token, signOut, problem, announce, reload }) {
  let pending = null; // { file, confirm } while the lead is asked about a revoked or unknown iPad

  function showResult(answer) {
    const summary = $('import-summary');
    summary.textContent =
      `${stories(answer.stories)} in the file: ${answer.sent} sent, ` +
      `${answer.alreadyThere} already there, ${answer.refused} not sent`;
    $('import-outcomes').replaceChildren(
      ...answer.outcomes.map((o) => {
        const item = document.createElement('li');
        item.textContent = `Story ${o.number}: ${outcomeWords(o)}`;
        if (o.outcome === 'refused') item.className = 'refused';
        return item;
      }),
    );
    $('import-result').hidden = false;
    $('import-result-title').focus();
    announce(
      `Import finished: ${answer.sent} sent, ${answer.alreadyThere} already there, ${answer.refused} not sent.`,
    );
  }

  function ask(answer, file) {
    pending = { file, confirm: answer.confirm };
    $('import-confirm-text').textContent =
      answer.error === 'device-revoked'
        ? `The ${stories(answer.stories)} in this file come from an iPad that was revoked. Import them anyway?`
        : `The ${stories(answer.stories)} in this file come from an iPad this relay does not know (id ${answer.deviceId}). Import them anyway?`;
    $('import-confirm').hidden = false;
    $('import-anyway').focus();
  }

  async function send(file, confirm) {
    $('import-confirm').hidden = true;
    $('import-result').hidden = true;
    problem([]);
    announce(`Importing ${file.name}: each story waits its turn for Care Opinion…`);
    const query = confirm ? `?confirm=${encodeURIComponent(confirm)}` : '';
    const res = await fetch(`/admin/api/imports${query}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token()}`, 'Content-Type': 'application/octet-stream' },
      body: file,
    });
    if (res.status === 401) return signOut('The admin token was not accepted. Check it and sign in again.');
    const answer = await res.json().catch(() => ({}));
    if (res.status === 409 && answer.confirm) return ask(answer, file);
    if (!res.ok) {
      problem([
        FILE_PROBLEMS[answer.error] ?? `The relay answered ${res.status}. Try again, or check its log.`,
      ]);
      announce('');
      return;
    }
    showResult(answer);
    await reload();
  }

  const run = (file, confirm) =>
    send(file, confirm).catch(() => problem(['The relay could not be reached. Try again.']));

  $('import-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const file = $('import-file').files?.[0];
    if (!file) return problem(['Choose the sealed file to import']);
    void run(file, null);
  });
  $('import-anyway').addEventListener('click', () => {
    if (pending) void run(pending.file, pending.confirm);
    pending = null;
  });
  $('import-cancel').addEventListener('click', () => {
    pending = null;
    $('import-confirm').hidden = true;
    announce('Nothing was imported.');
  });
}
