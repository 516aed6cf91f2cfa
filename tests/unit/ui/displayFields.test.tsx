// Settings' "Theme" and "Text size" fields, and the "(required)"/"(optional)" marks, in each language.
import { signal } from '@preact/signals';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DISPLAY } from '../../../src/domain/settings/display.ts';
import { enGB } from '../../../src/domain/words/en-GB/index.ts';
import { loadMessages, type Messages } from '../../../src/domain/words/index.ts';
import { AppContext, type AppContextValue } from '../../../src/ui/actions.ts';
import { DisplayFields } from '../../../src/ui/settings/DisplayFields.tsx';
import { NeedMark } from '../../../src/ui/shared/NeedMark.tsx';
import { TextContext } from '../../../src/ui/shared/text.ts';

function render(t: Messages): string {
  // Only what DisplayFields reads: the display preference and the settings port's saveDisplay.
  const app = {
    state: { display: signal({ ...DEFAULT_DISPLAY, theme: 'dark', textSize: 150 }) },
    ports: { settings: { saveDisplay: async () => ({ ok: true }) }, errors: {} },
  } as unknown as AppContextValue;
  return renderToString(
    <AppContext.Provider value={app}>
      <TextContext.Provider value={t}>
        <DisplayFields />
        <NeedMark need="required" />
        <NeedMark need="optional" />
      </TextContext.Provider>
    </AppContext.Provider>,
  );
}

describe('display fields', () => {
  it('offer Theme (following the system, light, dark) and Text size (100–200%), showing the saved ones', () => {
    const html = render(enGB);
    for (const words of [
      '>Theme<',
      '>Text size<',
      'Following the system',
      '>Light<',
      '>Dark<',
      '(required)',
      '(optional)',
    ])
      expect(html).toContain(words);
    const options = [...html.matchAll(/<option([^>]*)>([^<]*)</g)].map(([, attrs, words]) => ({
      words,
      selected: attrs?.includes('selected') ?? false,
    }));
    expect(options.map((o) => o.words)).toEqual([
      'Following the system',
      'Light',
      'Dark',
      '100%',
      '125%',
      '150%',
      '200%',
    ]);
    expect(options.filter((o) => o.selected).map((o) => o.words)).toEqual(['Dark', '150%']);
  });

  it('speak Welsh when Cymraeg is chosen', async () => {
    const html = render(await loadMessages('cy'));
    for (const words of ['Thema', 'Maint y testun', 'Tywyll', '(gofynnol)', '(dewisol)'])
      expect(html).toContain(words);
    for (const words of ['>Theme<', '>Text size<', '(required)']) expect(html).not.toContain(words);
  });
});
