// Issue 24, item 2 and item 10's focus theme, on the Story step as rendered: a draft stored before
// the guide's order opens with its text in the right fields (no migration: the stored shape is the
// same, `body` was and is the narrative), and the story's focus theme is the session's by default,
// with "No focus theme" a choice of its own.
import { signal } from '@preact/signals';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { startSession } from '../../../src/domain/session/session.ts';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings/settings.ts';
import { type Draft, newDraft, readDraft } from '../../../src/domain/story/story.ts';
import { enGB } from '../../../src/domain/words/en-GB/index.ts';
import { AppContext, type AppContextValue } from '../../../src/ui/actions.ts';
import { TextContext } from '../../../src/ui/shared/text.ts';
import { StoryStep } from '../../../src/ui/story/steps/StoryStep.tsx';

function appWithTheme(theme: string): AppContextValue {
  const started = startSession({ name: 'Sam', role: '', services: [], theme }, Date.UTC(2026, 11, 1, 9));
  if (!started.ok) throw new Error('no session');
  return {
    state: { settings: signal(DEFAULT_SETTINGS), stories: signal([]), session: signal(started.session) },
    ports: { story: {}, send: {}, directory: {}, errors: {} },
  } as unknown as AppContextValue;
}

function render(draft: Draft, theme = ''): string {
  return renderToString(
    <AppContext.Provider value={appWithTheme(theme)}>
      <TextContext.Provider value={enGB}>
        <StoryStep draft={draft} onChange={() => {}} />
      </TextContext.Provider>
    </AppContext.Provider>,
  );
}

/** The value of the field whose label starts with `label` (a textarea's text or an input's value). */
function fieldValue(html: string, label: string): string | undefined {
  const id = new RegExp(`<label for="([^"]+)">${label}`).exec(html)?.[1];
  if (id === undefined) return undefined;
  const area = new RegExp(`<textarea id="${id}"[^>]*>([^<]*)</textarea>`).exec(html);
  return area ? area[1] : new RegExp(`<input id="${id}"[^>]*value="([^"]*)"`).exec(html)?.[1];
}

/** The radio buttons of the focus theme, each as [its words, checked]. */
function themeChoices(html: string): [string, boolean][] {
  return [
    ...html.matchAll(/<input type="radio" name="focus-theme"( checked)?\/><span dir="auto">([^<]*)</g),
  ].map((m) => [m[2] ?? '', m[1] !== undefined]);
}

describe('a draft stored before the guide’s order', () => {
  it('opens with its story as "Anything else about what happened?", its title as the title', () => {
    const old = readDraft({
      id: 'old',
      title: 'Kind staff',
      body: 'They listened to us all night.',
      step: 1,
    });
    const html = render(old);
    expect(fieldValue(html, 'Anything else about what happened\\?')).toBe('They listened to us all night.');
    expect(fieldValue(html, 'What would you call this story\\?')).toBe('Kind staff');
    expect(fieldValue(html, 'What was good\\?')).toBe('');
    expect(fieldValue(html, 'What could have been different\\?')).toBe('');
  });
});

describe('the story’s focus theme', () => {
  it('is the session’s by default, shown and chosen', () => {
    const draft = newDraft('d1', Date.UTC(2026, 11, 1, 10), { focusTheme: 'discharge' });
    expect(themeChoices(render(draft, 'discharge'))).toEqual([
      ['discharge', true],
      ['No focus theme', false],
      ['Another theme', false],
    ]);
  });

  it('"No focus theme" is a choice of its own, kept for this story only', () => {
    const draft = {
      ...newDraft('d1', Date.UTC(2026, 11, 1, 10), { focusTheme: 'discharge' }),
      focusTheme: '',
    };
    expect(themeChoices(render(draft, 'discharge'))).toEqual([
      ['discharge', false],
      ['No focus theme', true],
      ['Another theme', false],
    ]);
  });

  it('a theme of the story’s own shows in "Theme for this story"', () => {
    const draft = { ...newDraft('d1', Date.UTC(2026, 11, 1, 10)), focusTheme: 'food' };
    const html = render(draft, 'discharge');
    expect(themeChoices(html).find(([, checked]) => checked)?.[0]).toBe('Another theme');
    expect(fieldValue(html, 'Theme for this story')).toBe('food');
  });
});
