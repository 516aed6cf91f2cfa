// The display control: the Lock screen's words first, the whole catalogue behind it, and a language
// chosen on the Lock screen before the catalogue has loaded is the one that loads.
import { describe, expect, it } from 'vitest';
import { startDisplay } from '../../../src/app/settings/display.ts';
import { DEFAULT_DISPLAY } from '../../../src/domain/settings/display.ts';
import { openSettingsStore, readFirstScreen } from '../../../src/store/settings/deviceStore.ts';

let n = 0;
/** What startDisplay writes on <html>: lang and two data attributes. */
const fakeRoot = () => ({ lang: '', dataset: {} as DOMStringMap }) as unknown as HTMLElement;

describe('display control', () => {
  it('gives the Lock screen its words in the stored language, then the whole catalogue', async () => {
    const root = fakeRoot();
    const display = await startDisplay(openSettingsStore(`display-${++n}`), root, {
      ...DEFAULT_DISPLAY,
      language: 'cy',
    });
    expect(root.lang).toBe('cy');
    expect(display.words.value.format.language).toBe('cy');
    expect('home' in display.words.value).toBe(false); // the lock's part only
    const messages = await display.loadAll();
    expect(messages.value.format.language).toBe('cy');
    expect(display.words.value).toBe(messages.value);
  });

  it('loads the language chosen on the Lock screen while the catalogue was loading', async () => {
    const store = openSettingsStore(`display-${++n}`);
    const display = await startDisplay(store, fakeRoot(), DEFAULT_DISPLAY);
    const loading = display.loadAll(); // English asked for…
    expect(await display.save({ ...DEFAULT_DISPLAY, language: 'cy' })).toEqual({ ok: true });
    const messages = await loading; // …Cymraeg chosen before it arrived
    expect(messages.value.format.language).toBe('cy');
    expect(display.words.value.format.language).toBe('cy');
    expect((await readFirstScreen(store)).display.language).toBe('cy');
    // And back, now that the whole catalogue is in use.
    await display.save(DEFAULT_DISPLAY);
    expect(messages.value.format.language).toBe('en-GB');
    expect(display.words.value.format.language).toBe('en-GB');
  });
});
