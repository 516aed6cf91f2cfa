// How this iPad is shown (language, theme, text size): read before the first render, applied to
// <html> (lang, data-theme, data-text-size), and the language's words loaded — the Lock screen's part
// first (in the first download for English), the whole catalogue behind the Lock screen (loadAll).
import { computed, type ReadonlySignal, type Signal, signal } from '@preact/signals';
import type { Display } from '../../domain/settings/display.ts';
import {
  enGBLock,
  type Language,
  type LockMessages,
  loadLockMessages,
  loadMessages,
  type Messages,
} from '../../domain/words/index.ts';
import { type HintStorage, type SettingsStore, saveDisplay } from '../../store/settings/deviceStore.ts';

export type DisplayControl = {
  display: Signal<Display>;
  /** The words on screen: the Lock screen's until loadAll, then the whole catalogue. */
  words: ReadonlySignal<LockMessages | Messages>;
  /** The whole catalogue (loaded once, behind the Lock screen); it follows the language after that. */
  loadAll(): Promise<ReadonlySignal<Messages>>;
  /** Stores and applies `next` (loading its language first, so words never flash half-changed). */
  save(next: Display): Promise<{ ok: true } | { ok: false; reason: 'displayNotSaved' }>;
};

/** The display once the whole catalogue has loaded: what Settings and the screens behind the lock use. */
export type LoadedDisplay = DisplayControl & { messages: ReadonlySignal<Messages> };

// The language's words not loaded (a chunk missing offline): English until the next start.
const lockWordsOf = (language: Language) => loadLockMessages(language).catch(() => enGBLock);
// The same for the whole catalogue (a chunk missing offline): English's.
const wordsOf = (language: Language) => loadMessages(language).catch(() => loadMessages('en-GB'));

/**
 * `stored`: the display choices as read for the first screen (deviceStore's readFirstScreen, or its
 * copy); `hint`: where that copy is kept, updated with each save.
 */
export async function startDisplay(
  store: SettingsStore,
  root: HTMLElement,
  stored: Display,
  hint: HintStorage | null = null,
): Promise<DisplayControl> {
  const display = signal(stored);
  const lockWords = signal<LockMessages>(await lockWordsOf(stored.language));
  const whole = signal<Messages | null>(null);
  const words = computed(() => whole.value ?? lockWords.value);
  apply(root, display.value, lockWords.value);
  followSystemText(root);
  let loading: Promise<ReadonlySignal<Messages>> | null = null;
  return {
    display,
    words,
    loadAll() {
      loading ??= (async () => {
        const language = display.value.language;
        let all = await wordsOf(language);
        // Another language chosen on the Lock screen while these loaded: its words instead.
        if (display.value.language !== language) all = await wordsOf(display.value.language);
        whole.value = all;
        // Read only once loaded, when `whole` is set for good.
        return computed(() => whole.value as Messages);
      })();
      return loading;
    },
    async save(next) {
      try {
        const lockNext = await loadLockMessages(next.language);
        await saveDisplay(store, next, hint);
        // The whole catalogue too once it is in use (checked last: it may have arrived meanwhile;
        // still loading, loadAll sees the new language and loads that one).
        const allNext = whole.value === null ? null : await loadMessages(next.language);
        display.value = next;
        lockWords.value = lockNext;
        if (allNext !== null) whole.value = allNext;
        apply(root, next, lockNext);
        return { ok: true };
      } catch {
        // Not stored (a full disk) or its words not loaded (offline): the screen says so.
        return { ok: false, reason: 'displayNotSaved' };
      }
    },
  };
}

/**
 * The iPad's own text size (Settings, Accessibility, Larger Text) reaches a web page only through the
 * `-apple-system-body` font: measured here and given to the stylesheet as --system-text, which the
 * "Text size" setting then scales. Elsewhere the stylesheet's 18 px stays.
 */
export function followSystemText(root: HTMLElement): () => void {
  if (typeof CSS === 'undefined' || !CSS.supports('font', '-apple-system-body')) return () => {};
  const measure = () => {
    const probe = document.createElement('span');
    probe.style.font = '-apple-system-body';
    probe.hidden = true;
    document.body.append(probe);
    const size = getComputedStyle(probe).fontSize;
    probe.remove();
    if (size.endsWith('px')) root.style.setProperty('--system-text', size);
  };
  measure();
  // Larger Text may be changed in the Settings app while this one waits in the background.
  const handleVisible = () => document.visibilityState === 'visible' && measure();
  document.addEventListener('visibilitychange', handleVisible);
  return () => document.removeEventListener('visibilitychange', handleVisible);
}

function apply(root: HTMLElement, display: Display, messages: LockMessages): void {
  root.lang = messages.format.language;
  root.dataset.theme = display.theme;
  root.dataset.textSize = String(display.textSize);
}
