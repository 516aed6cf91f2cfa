// Every text field on the screens: `Field`'s label (the field's name), hint and error, around an input
// or a textarea whose keyboard is set by what the field takes. On a shared iPad nothing is autofilled
// or sent to a cloud spell checker, and every field takes its direction from what is typed.
import { Field } from './Field.tsx';

export type TextFieldKind = 'url' | 'code' | 'number' | 'text' | 'secret' | 'multiline';

/**
 * What each kind asks of the keyboard. `autoCorrect` and `autoCapitalize` are written in camelCase on
 * purpose: no element has a property by those names, so Preact sets them as attributes (which HTML
 * lowercases). Written `autocorrect`, Preact would set the boolean property where a browser has one,
 * and "off" would turn autocorrection on.
 */
export const TYPING = {
  url: { inputMode: 'url', autoCapitalize: 'off', autoCorrect: 'off' },
  // A recovery or enrolment code: letters and digits, shown in capitals, never "corrected" into words.
  code: { inputMode: 'text', autoCapitalize: 'characters', autoCorrect: 'off' },
  number: { inputMode: 'numeric', autoCapitalize: 'off', autoCorrect: 'off' },
  text: { inputMode: 'text', autoCapitalize: 'sentences', autoCorrect: 'on' },
  // Masked (type="password"); the full keyboard unless `keypad` asks for digits (a PIN).
  secret: { inputMode: undefined, autoCapitalize: 'off', autoCorrect: 'off' },
  multiline: { inputMode: 'text', autoCapitalize: 'sentences', autoCorrect: 'on' },
} as const satisfies Record<TextFieldKind, object>;

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
  /** A number's or a secret's keypad: digits only (the default for a number), or with a decimal point. */
  keypad?: 'numeric' | 'decimal' | undefined;
  /** A multiline field's height, in lines. */
  rows?: number | undefined;
  /** The field cannot be left empty (said to assistive technology; the forms check it themselves). */
  required?: boolean | undefined;
};

export function TextField({
  kind,
  label,
  value,
  onInput,
  hint,
  error,
  need,
  keypad,
  rows,
  required,
}: TextFieldProps) {
  const { inputMode, ...typing } = TYPING[kind];
  const handleInput = (event: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) =>
    onInput(event.currentTarget.value);
  return (
    <Field label={label} hint={hint} error={error} need={need}>
      {(id, describedBy) => {
        const common = {
          id,
          'aria-describedby': describedBy,
          'aria-invalid': error ? true : undefined,
          dir: 'auto',
          inputMode: keypad ?? inputMode,
          ...typing,
          spellcheck: false,
          autoComplete: 'off',
          required,
          value,
          onInput: handleInput,
        } as const;
        if (kind === 'multiline') return <textarea {...common} rows={rows} />;
        if (kind === 'secret') return <input {...common} type="password" />;
        if (kind === 'url') return <input {...common} type="url" />;
        // A number stays text: type="number" would drop what is not yet a number as it is typed.
        return <input {...common} type="text" />;
      }}
    </Field>
  );
}
