// The posting desk on the admin page (issue 27), bundled by esbuild into /admin/desk.js
// (deskBundle.ts). It sets up the desk key in this browser (Argon2id from hash-wasm, which compiles
// WebAssembly: the page's CSP allows 'wasm-unsafe-eval' for it and nothing more), opens the desk
// with the passphrase once per visit, and shows one story at a time the way the iPad's hand-off
// screen does, for posting by keyboard. Every word of a story is set with textContent, never as
// HTML; the passphrase is never kept, the opened key and stories only in this page's memory, and
// they are cleared when the page has been hidden for a few minutes (hideGuard.ts).
import { argon2id } from 'hash-wasm';
import { type Argon2, makeDeskKey, passphraseProblem } from '../../../src/domain/desk/index.ts';
import { exampleStoryAddress, tellYourStoryPage } from '../../../src/domain/regions/regions.ts';
import { handOffFields } from '../../../src/domain/words/handOffWords.ts';
import { deskApi, RelayProblem, SignedOut } from './deskApi.ts';
import { DeskSession, type DeskView, type PostProblem } from './deskSession.ts';
import { t, deskWords as w } from './deskWords.ts';
import { HIDDEN_CLEAR_MS, hideGuard } from './hideGuard.ts';

/**
 * Argon2id from hash-wasm, 32 bytes, as the iPad's vault runs it (src/store/vault/argon2.ts): its own
 * copy, since the relay's code may import only src/domain (tests/unit/architecture/imports.test.ts).
 */
const argon2: Argon2 = (password, salt, kdf) =>
  argon2id({
    password,
    salt,
    memorySize: kdf.memoryKiB,
    iterations: kdf.iterations,
    parallelism: kdf.parallelism,
    hashLength: 32,
    outputType: 'binary',
  });

type Child = Node | string | null | false | undefined;
/** An element with properties and children; strings become text nodes (never HTML). */
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string | boolean | number>> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === false) continue;
    if (name === 'class') node.className = String(value);
    else if (name === 'text') node.textContent = String(value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  node.append(...children.filter((c): c is Node | string => c !== null && c !== false && c !== undefined));
  return node;
}

const when = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short' });

const root = document.getElementById('desk') as HTMLElement;
const session = new DeskSession(deskApi, crypto, argon2);
/** The hidden-page delay: shorter only, for tests (sessionStorage `desk-hidden-clear-ms`). */
const delayMs = Math.min(
  Number(sessionStorage.getItem('desk-hidden-clear-ms')) || HIDDEN_CLEAR_MS,
  HIDDEN_CLEAR_MS,
);
// Timed whatever the desk's state (it may open while hidden, the passphrase typed just before).
const guard = hideGuard(
  () => {
    if (session.isOpen) lock(w.lockedAfterHidden(delayMs));
  },
  { delayMs },
);

// The admin page's one live region (#announce) says what the desk did; progress lines are polite too.
const announce = document.getElementById('announce') as HTMLElement;
const problem = el('div', { class: 'error-summary', role: 'alert', tabindex: '-1', hidden: true });
const body = el('div', { id: 'desk-body' });
root.replaceChildren(
  el('h2', { id: 'desk-title', text: w.title }),
  el('p', { text: w.intro }),
  problem,
  body,
);

function showProblem(message: string | null, focus = true): void {
  problem.replaceChildren(
    ...(message
      ? [el('h3', { class: 'error-summary-title', text: 'There is a problem' }), el('p', { text: message })]
      : []),
  );
  problem.hidden = message === null;
  if (message && focus) problem.focus();
}

/** A failed call: signed out, the relay's answer or no connection, worded. */
function failed(error: unknown): void {
  if (error instanceof SignedOut) {
    // admin.js signs out with its own message when its calls are refused; the desk closes and says so.
    session.close();
    body.replaceChildren();
    showProblem(w.signedOut);
    return;
  }
  // fetch() fails with a TypeError when the relay cannot be reached; anything else is this page's.
  showProblem(
    error instanceof RelayProblem
      ? w.relayAnswered(error.status)
      : error instanceof TypeError
        ? w.offline
        : w.pageFailed(error instanceof Error ? error.name : 'Error'),
  );
}

/** A text field GOV.UK-style: label, hint, its error (shown with `setError`). */
function field(id: string, label: string, hint: string | null, input: HTMLInputElement) {
  const error = el('p', { class: 'field-message', id: `${id}-error`, hidden: true });
  input.id = id;
  const describe = (withError: boolean) =>
    [hint ? `${id}-hint` : '', withError ? `${id}-error` : ''].filter(Boolean).join(' ');
  const d = describe(false);
  if (d) input.setAttribute('aria-describedby', d);
  const box = el(
    'div',
    { class: 'field' },
    el('label', { for: id, text: label }),
    hint && el('p', { class: 'hint', id: `${id}-hint`, text: hint }),
    error,
    input,
  );
  return {
    box,
    setError(message: string | null) {
      error.textContent = message ?? '';
      error.hidden = message === null;
      box.classList.toggle('field-error', message !== null);
      if (message) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
      const described = describe(message !== null);
      if (described) input.setAttribute('aria-describedby', described);
    },
  };
}

const password = (autocomplete: string) =>
  el('input', { type: 'password', autocomplete, spellcheck: 'false' }) as HTMLInputElement;

/** No desk key yet: set one up. `replace` after the lead confirmed what happens to waiting stories. */
function setUpForm(replace: boolean): HTMLFormElement {
  const first = password('new-password');
  const again = password('new-password');
  const one = field(
    replace ? 'desk-replace-passphrase' : 'desk-new-passphrase',
    w.passphrase,
    w.passphraseHint,
    first,
  );
  const two = field(replace ? 'desk-replace-again' : 'desk-new-again', w.passphraseAgain, null, again);
  const progress = el('p', { 'aria-live': 'polite' });
  const button = el(
    'button',
    { type: 'submit', class: replace ? 'button warning' : 'button' },
    replace ? w.replaceConfirm : w.setUp,
  );
  const form = el('form', { novalidate: true }, one.box, two.box, progress, button);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      const wrong = passphraseProblem(first.value, again.value);
      one.setError(wrong === 'too-short' ? w.passphraseProblem['too-short'] : null);
      two.setError(wrong === 'not-the-same' ? w.passphraseProblem['not-the-same'] : null);
      if (wrong) {
        if (wrong === 'not-the-same') again.value = '';
        (wrong === 'too-short' ? first : again).focus();
        return;
      }
      button.disabled = true;
      progress.textContent = w.making;
      try {
        const made = await makeDeskKey(crypto, argon2, first.value);
        first.value = '';
        again.value = '';
        const answer = await deskApi.setKey(made, replace);
        progress.textContent = '';
        if (answer === 'exists') return void (await start());
        showProblem(null);
        await start();
        announce.textContent = replace ? w.replaced(answer.waitingOnOldKey) : w.made;
        (document.getElementById('desk-unlock-passphrase') as HTMLInputElement | null)?.focus();
      } catch (error) {
        progress.textContent = '';
        failed(error);
      } finally {
        button.disabled = false;
      }
    })();
  });
  return form;
}

function renderNoDesk(): void {
  body.replaceChildren(
    el('p', { text: w.noDesk }),
    el('h3', { text: w.setUpTitle }),
    el('p', { class: 'hint', text: w.setUpIntro }),
    setUpForm(false),
  );
}

function renderLocked(
  message: string | null,
  counts: { waiting: number; overdue: number; onThisKey: number },
): void {
  const input = password('current-password');
  const pass = field('desk-unlock-passphrase', w.passphrase, null, input);
  const progress = el('p', { 'aria-live': 'polite' });
  const button = el('button', { type: 'submit', class: 'button' }, w.unlock);
  const form = el('form', { novalidate: true, id: 'desk-unlock' }, pass.box, progress, button);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      button.disabled = true;
      progress.textContent = w.opening;
      try {
        const opened = await session.unlock(input.value);
        input.value = '';
        progress.textContent = '';
        if (!opened.ok) {
          if (opened.problem === 'no-desk') return void (await start());
          pass.setError(w.unlockProblem[opened.problem]);
          input.focus();
          return;
        }
        showProblem(null);
        renderOpen(opened.view, true);
      } catch (error) {
        progress.textContent = '';
        failed(error);
      } finally {
        button.disabled = false;
      }
    })();
  });
  const replace = el(
    'details',
    { class: 'desk-replace' },
    el('summary', { text: w.replaceTitle }),
    el('p', { class: 'notice', text: w.replaceWarning(counts.onThisKey) }),
    el('p', { class: 'hint', text: w.setUpIntro }),
    setUpForm(true),
  );
  body.replaceChildren(
    message ? el('p', { class: 'notice', text: message }) : '',
    el('p', { id: 'desk-count', text: w.waitingCount(counts.waiting, counts.overdue) }),
    el('h3', { text: w.unlockTitle }),
    form,
    replace,
  );
}

function renderOpen(view: DeskView, focus: boolean, notice: string | null = null): void {
  if (view.kind !== 'open') return void lock(null);
  const closeButton = el('button', { type: 'button', class: 'button secondary' }, w.close);
  closeButton.addEventListener('click', () => {
    lock(null);
    announce.textContent = w.closed;
  });
  const parts: Child[] = [
    notice && el('p', { class: 'notice', text: notice }),
    el('p', { id: 'desk-count', text: w.waitingCount(view.waiting, view.overdue) }),
  ];
  let heading: HTMLElement | null = null;
  if (view.current) {
    const shown = storyView(view.current);
    heading = shown.heading;
    parts.push(shown.article);
  } else {
    heading = el('h3', { tabindex: '-1', text: w.allPosted });
    parts.push(heading);
  }
  if (view.setAside.length > 0) {
    parts.push(
      el('h3', { text: w.notOpened }),
      el(
        'ul',
        {},
        ...view.setAside.map((s) =>
          el('li', {
            text: `${w.from(s.waiting.device.name, when(s.waiting.receivedAt))} ${w.notOpenedProblem[s.problem]}`,
          }),
        ),
      ),
    );
  }
  parts.push(el('p', {}, closeButton));
  body.replaceChildren(...parts.filter((p): p is Node => p instanceof Node));
  if (focus) heading.focus();
}

function storyView(current: NonNullable<Extract<DeskView, { kind: 'open' }>['current']>) {
  const { story, waiting } = current;
  const queued = story.body;
  const heading = el('h3', {
    id: 'desk-story-title',
    tabindex: '-1',
    text: w.storyHeading(current.position, current.total, queued.title),
  });
  const copyProblem = el('p', { class: 'field-message', role: 'alert', hidden: true });
  // Each service's place as the iPad's directory words it, sealed with the story; where the iPad did
  // not know it (an older app, a typed service), its Care Opinion code is shown beside the name.
  const codes = queued.healthservices.map((service) => service.nacs);
  const places = (story.places ?? []).map((place) => place ?? undefined);
  const fields = handOffFields(queued, t, places).map((f) => {
    const code = f.key.startsWith('service-') ? codes[Number(f.key.slice('service-'.length))] : undefined;
    const tick = el('span', { class: 'tag ok', hidden: true, text: t.handoff.copied });
    const button = el('button', { type: 'button', class: 'button secondary' }, t.handoff.copy(f.label));
    button.addEventListener('click', () => {
      navigator.clipboard.writeText(f.value).then(
        () => {
          copiedSomething = true;
          tick.hidden = false;
          announce.textContent = t.handoff.copiedField(f.label);
          copyProblem.hidden = true;
        },
        () => {
          copyProblem.textContent = t.handoff.notCopied;
          copyProblem.hidden = false;
        },
      );
    });
    return el(
      'li',
      { class: 'desk-field' },
      el('h4', { text: f.label }),
      el('p', { class: 'desk-value', dir: 'auto', text: f.value }),
      el(
        'div',
        { class: 'desk-copy' },
        button,
        f.place && el('span', { class: 'hint', dir: 'auto', text: f.place }),
        !f.place && code && el('span', { class: 'hint', text: w.serviceCode(code) }),
        tick,
      ),
    );
  });
  const address = el('input', {
    type: 'text',
    inputmode: 'url',
    autocomplete: 'off',
    spellcheck: 'false',
    dir: 'auto',
  }) as HTMLInputElement;
  const region = session.region ?? 'uk';
  const addressField = field(
    'desk-address',
    t.handoff.addressLabel,
    t.handoff.addressHint(exampleStoryAddress(region, 'en-GB')),
    address,
  );
  const postButton = el('button', { type: 'submit', class: 'button' }, t.handoff.posted);
  const form = el('form', { novalidate: true, class: 'desk-posted' }, addressField.box, postButton);
  address.addEventListener('input', () => addressField.setError(null));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (postButton.disabled) return;
    postButton.disabled = true;
    void (async () => {
      try {
        const done = await session.post(address.value);
        if (done.ok) {
          clearClipboard(); // nothing of the story left on it
          const left = done.view.kind === 'open' ? done.view.waiting : 0;
          renderOpen(done.view, true);
          announce.textContent = w.posted(done.receipt.storyNumber, left);
          return;
        }
        const gone = postProblem(done.problem);
        if (gone) return renderOpen(done.view, true, gone);
        addressField.setError(t.handoff.address[done.problem as keyof typeof t.handoff.address]);
        address.focus();
      } catch (error) {
        failed(error);
      } finally {
        postButton.disabled = false;
      }
    })();
  });
  const article = el(
    'article',
    { class: 'desk-story', 'aria-labelledby': 'desk-story-title' },
    heading,
    el(
      'p',
      { class: 'hint' },
      w.from(waiting.device.name, when(waiting.receivedAt)),
      waiting.overdue && ' ',
      waiting.overdue && el('strong', { class: 'tag warning', text: w.overdue }),
    ),
    el('p', { text: t.handoff.intro }),
    queued.author.email === null && el('p', { class: 'notice', text: t.handoff.noEmailReminder }),
    el(
      'p',
      {},
      el('a', {
        class: 'button',
        href: tellYourStoryPage(region, 'en-GB'),
        target: '_blank',
        rel: 'noopener noreferrer',
        text: t.handoff.openCareOpinion,
      }),
    ),
    // Two columns on a wide screen: the fields, and beside them the address (it stays in view).
    el(
      'div',
      { class: 'desk-columns' },
      el('div', {}, el('ol', { class: 'desk-fields' }, ...fields), copyProblem),
      form,
    ),
  );
  return { article, heading };
}

/** A story gone from the desk meanwhile: its words; null for an address refused. */
function postProblem(problem: PostProblem): string | null {
  return problem === 'already-posted' || problem === 'withdrawn' || problem === 'unknown-story'
    ? w.postProblem[problem]
    : null;
}

/** Whether a field is on the clipboard: closing the desk overwrites it (best effort, as after posting). */
let copiedSomething = false;
function clearClipboard(): void {
  if (!copiedSomething) return;
  navigator.clipboard.writeText('').then(
    () => {
      copiedSomething = false;
    },
    () => undefined, // not allowed now (the page is not focused): the next post or close tries again
  );
}

/** Forgets the key and the stories, and clears them from the page. */
function lock(message: string | null): void {
  const wasOpen = session.isOpen;
  session.close();
  clearClipboard();
  body.replaceChildren();
  if (message !== null || wasOpen) void start(message);
}

async function start(message: string | null = null): Promise<void> {
  try {
    const key = await deskApi.key();
    if (!key) return renderNoDesk();
    const waiting = await deskApi.waiting();
    renderLocked(message, {
      waiting: waiting.length,
      overdue: waiting.filter((story) => story.overdue).length,
      onThisKey: waiting.filter((story) => story.kid === key.kid).length,
    });
  } catch (error) {
    failed(error);
  }
}

document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') guard.hidden();
  else guard.shown();
});

// The banner's "Refresh" also asks the relay again for what waits at the desk.
document.getElementById('reload')?.addEventListener('click', () => {
  if (!session.isOpen) return void start();
  session.refresh().then(
    (view) => renderOpen(view, false),
    (error: unknown) => failed(error),
  );
});

// Signed in or out on the admin page (admin.js shows or hides #console): the desk follows.
const consoleBox = document.getElementById('console') as HTMLElement;
let signedIn = false;
const follow = () => {
  const now = !consoleBox.hidden;
  if (now === signedIn) return;
  signedIn = now;
  showProblem(null, false);
  if (now) void start();
  else {
    session.close();
    clearClipboard();
    body.replaceChildren();
    showProblem(null, false);
  }
};
new MutationObserver(follow).observe(consoleBox, { attributes: true, attributeFilter: ['hidden'] });
follow();
