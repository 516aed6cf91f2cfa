// Every text field on the screens: `Field`'s label (the field's name), hint and error, around an input
// or a textarea whose keyboard is set by what the field takes. On a shared iPad nothing is autofilled
// or sent to a cloud spell checker, and every field takes its direction from what is typed.
import { Field } from './Field.tsx';

export type TextFieldKind = 'url' | 'code' | 'number' | 'text' | 'secret' | 'multiline';

/**
 * What each kind asks of the keyboard. Words a person writes (text, multiline) keep the keyboard's
 * capitals and corrections. `autoCapitalize` and `autoCorrect` are in camelCase on purpose: no element
 * has a property by those names, so Preact sets them as attributes (which HTML lowercases); written
 * `autocorrect`, Preact would set the boolean property where a browser has one, and "off" would be on.
 */
const TYPING = {
  url: { type: 'url', inputMode: 'url', autoCapitalize: 'off', autoCorrect: 'off' },
  // A recovery or enrolment code: letters and digits, in capitals, never "corrected" into words.
  code: { type: 'text', autoCapitalize: 'characters', autoCorrect: 'off' },
  // Text, not type="number", which drops what is half typed.
  number: { type: 'text', inputMode: 'numeric', autoCapitalize: 'off', autoCorrect: 'off' },
  text: { type: 'text' },
  // Masked; the full keyboard unless `keypad` asks for digits (a PIN).
  secret: { type: 'password', autoCapitalize: 'off', autoCorrect: 'off' },
  multiline: {},
} as const;

export type TextFieldProps = {
  kind: TextFieldKind;
  /** The field's name: the whole text of its `<label>` (with the need, when said). */
  label: string;
  value: string;
  onInput(value: string): void;
  hint?: string | undefined;
  /** Shown after the field and linked to it; marks it `aria-invalid`. */
  error?: string | undefined;
  need?: 'required' | 'optional' | undefined;
  /** The field's id, when an error summary links to it. */
  id?: string | undefined;
  /** A number's or a secret's keypad: digits only (a number's default), or with a decimal point. */
  keypad?: 'numeric' | 'decimal' | undefined;
  /** A multiline field's height, in lines. */
  rows?: number | undefined;
  /** The field cannot be left empty (said to assistive technology; the forms check it themselves). */
  required?: boolean | undefined;
};

export function TextField(props: TextFieldProps) {
  const { kind, keypad } = props;
  const Tag = kind === 'multiline' ? 'textarea' : 'input';
  return (
    <Field {...props}>
      {(id, describedBy, invalid) => (
        <Tag
          id={id}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          dir="auto"
          {...TYPING[kind]}
          {...(keypad && { inputMode: keypad })}
          spellcheck={false}
          autoComplete="off"
          required={props.required}
          rows={props.rows}
          value={props.value}
          onInput={(e) => props.onInput(e.currentTarget.value)}
        />
      )}
    </Field>
  );
}
