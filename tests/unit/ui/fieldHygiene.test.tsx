// Keyboard hygiene on a shared iPad (issue 13 §5): the storyteller's username, postcode and email
// are never learnt by the keyboard, story fields are never sent to a cloud spell checker, and every
// text field takes its direction from what is typed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { noAutocorrect, PRIVATE_TYPING } from '../../../src/ui/story/fields/privateTyping.ts';

const UI = 'src/ui';
const files = (readdirSync(UI, { recursive: true }) as string[]).filter((f) => f.endsWith('.tsx'));
/** Every <input …/> and <textarea …/> in the UI's source, with the file it is in. */
const fields = files.flatMap((file) => {
  const source = readFileSync(join(UI, file), 'utf8');
  return [...source.matchAll(/<(input|textarea)\b[^<]*?\/>/gs)].map((m) => ({ file, element: m[0] }));
});

describe('text fields', () => {
  it('finds the fields it checks', () => {
    expect(fields.length).toBeGreaterThan(15);
  });

  it('every text field has dir="auto"', () => {
    const text = fields.filter(({ element }) => !/type="(checkbox|radio)"/.test(element));
    const missing = text.filter(({ element }) => !/dir="auto"|\{\.\.\.PRIVATE_TYPING\}/.test(element));
    expect(missing.map((f) => f.file)).toEqual([]);
  });

  it.each([
    ['story/fields/UsernameField.tsx'],
    ['story/fields/PostcodeField.tsx'],
    ['story/fields/EmailField.tsx'],
  ])('%s: no autocomplete, autocorrect, autocapitalize or spellcheck', (file) => {
    const own = fields.filter((f) => f.file === file && !/type="checkbox"/.test(f.element));
    expect(own).toHaveLength(1);
    expect(own[0]?.element).toContain('{...PRIVATE_TYPING}');
    expect(own[0]?.element).toContain('ref={noAutocorrect}');
  });

  it('PRIVATE_TYPING renders as the four attributes and dir="auto"; autocorrect is set as an attribute', () => {
    const html = renderToString(<input type="text" {...PRIVATE_TYPING} />);
    for (const attribute of [
      'autocomplete="off"',
      'autocapitalize="off"',
      'spellcheck="false"',
      'dir="auto"',
    ])
      expect(html).toContain(attribute);
    const attributes = new Map<string, string>();
    noAutocorrect({ setAttribute: (k: string, v: string) => attributes.set(k, v) } as unknown as HTMLElement);
    expect(attributes.get('autocorrect')).toBe('off');
  });

  it('the story fields have spellcheck off', () => {
    const story = fields.filter((f) => f.file === join('story', 'steps', 'StoryStep.tsx'));
    expect(story).toHaveLength(2); // the title, and the textarea used for each of the three answers
    for (const { element } of story) expect(element).toContain('spellcheck={false}');
  });
});
