// How the app is shown on this iPad (language, theme, text size): read before the first render,
// applied to <html> (lang, data-theme, data-text-size), and the language's catalogue loaded.
import { type Signal, signal } from '@preact/signals';
import { DEFAULT_DISPLAY, type Display } from '../../domain/settings/display.ts';
import { enGB, loadMessages, type Messages } from '../../domain/words/index.ts';
import { getDisplay, type SettingsStore, saveDisplay } from '../../store/settings/settings.ts';

export type DisplayControl = {
  display: Signal<Display>;
  messages: Signal<Messages>;
  /** Stores and applies `next` (loading its language first, so words never flash half-changed). */
  save(next: Display): Promise<{ ok: true } | { ok: false; reason: 'displayNotSaved' }>;
};

export async function startDisplay(store: SettingsStore, root: HTMLElement): Promise<DisplayControl> {
  const stored = await getDisplay(store).catch(() => DEFAULT_DISPLAY); // unreadable: the defaults
  const display = signal(stored);
  // The language's words not loaded (a chunk missing offline): English until the next start.
  const messages = signal<Messages>(await loadMessages(stored.language).catch(() => enGB));
  apply(root, display.value, messages.value);
  followSystemText(root);
  return {
    display,
    messages,
    async save(next) {
      try {
        const words = await loadMessages(next.language);
        await saveDisplay(store, next);
        display.value = next;
        messages.value = words;
        apply(root, next, words);
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

function apply(root: HTMLElement, display: Display, messages: Messages): void {
  root.lang = messages.format.language;
  root.dataset.theme = display.theme;
  root.dataset.textSize = String(display.textSize);
}
