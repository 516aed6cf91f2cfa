// TextField: a real <label for> holding only the field's name (and its need, when said), the hint and
// the error outside it and linked with aria-describedby, aria-invalid with an error, the value shown.
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { enGB } from '../../../src/domain/words/en-GB/index.ts';
import { TextField, type TextFieldProps } from '../../../src/ui/shared/TextField.tsx';
import { TextContext } from '../../../src/ui/shared/text.ts';
import { labelFor, textFields, textOf } from './renderedFields.ts';

const none = () => {};

function render(props: Partial<TextFieldProps> & Pick<TextFieldProps, 'kind' | 'label'>) {
  const html = renderToString(
    <TextContext.Provider value={enGB}>
      <TextField value="" onInput={none} {...props} />
    </TextContext.Provider>,
  );
  const [field, ...more] = textFields(html);
  if (!field || more.length > 0) throw new Error(`one field expected in ${html}`);
  const id = field.attributes.get('id') ?? '';
  return { html, field, id, label: labelFor(html, id) };
}

describe('TextField', () => {
  it('is named by a real <label for> whose text is exactly the name', () => {
    const { id, label } = render({ kind: 'secret', keypad: 'numeric', label: 'PIN' });
    expect(id).not.toBe('');
    expect(label?.text).toBe('PIN');
  });

  it('keeps the hint and the error outside the label, linked in that order, and marks the field invalid', () => {
    const { html, field, label } = render({
      kind: 'text',
      label: 'Organisation name',
      hint: 'As the storyteller knows it',
      error: 'Too long',
    });
    expect(label?.text).toBe('Organisation name');
    const described = (field.attributes.get('aria-describedby') ?? '').split(' ');
    expect(described).toHaveLength(2);
    expect(textOf(html, described[0] ?? '')).toBe('As the storyteller knows it');
    expect(textOf(html, described[1] ?? '')).toBe('Error: Too long');
    expect(label?.html).not.toContain('As the storyteller');
    expect(label?.html).not.toContain('Too long');
    expect(field.attributes.get('aria-invalid')).toBe('true');
  });

  it('without a hint or an error, describes nothing and is not invalid', () => {
    const { field } = render({ kind: 'url', label: 'Relay address' });
    expect(field.attributes.has('aria-describedby')).toBe(false);
    expect(field.attributes.has('aria-invalid')).toBe(false);
  });

  it('says "(required)" or "(optional)" inside the label, after the name', () => {
    expect(render({ kind: 'text', label: 'Title', need: 'required' }).label?.text).toBe('Title (required)');
    expect(render({ kind: 'multiline', label: 'What was good', need: 'optional' }).label?.text).toBe(
      'What was good (optional)',
    );
  });

  it('multiline is a textarea of the given height showing the value; the others an input', () => {
    const area = render({ kind: 'multiline', label: 'What happened', rows: 8, value: 'It was <fine>' });
    expect(area.field.tag).toBe('textarea');
    expect(area.field.attributes.get('rows')).toBe('8');
    expect(area.html).toContain('>It was &lt;fine></textarea>');
    const line = render({ kind: 'text', label: 'Your role', value: 'Nurse' });
    expect(line.field.tag).toBe('input');
    expect(line.field.attributes.get('value')).toBe('Nurse');
  });

  it('a secret is masked; a required field says so', () => {
    expect(render({ kind: 'secret', label: 'Subscription key' }).field.attributes.get('type')).toBe(
      'password',
    );
    expect(
      render({ kind: 'text', label: 'Your name', required: true }).field.attributes.has('required'),
    ).toBe(true);
    expect(render({ kind: 'text', label: 'Your role' }).field.attributes.has('required')).toBe(false);
  });
});
