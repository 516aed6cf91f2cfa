// A labelled form field with an optional hint and error, wired up for screen readers (the GOV.UK
// pattern: the error between the hint and the field, after a hidden "Error:", and the field marked
// `aria-invalid` and described by both). The error is already in words: a rule's or the store's code
// is worded by the caller (through the catalogues).
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { NeedMark } from './NeedMark.tsx';
import { useLockText } from './text.ts';

export type FieldProps = {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  /** Said in words after the label: what a story cannot be sent without, or may leave out. */
  need?: 'required' | 'optional' | undefined;
  /** The control's id, when an error summary links to it (else one is made). */
  id?: string | undefined;
  /** Renders the control: give it `id`, `aria-describedby` and `aria-invalid` as handed here. */
  children: (id: string, describedBy: string | undefined, invalid: true | undefined) => ComponentChildren;
};

export function Field({ label, hint, error, need, id: given, children }: FieldProps) {
  const t = useLockText();
  const made = useId();
  const id = given ?? made;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={id}>
        {label}
        {need && <NeedMark need={need} />}
      </label>
      {hint && (
        <p class="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-message" id={errorId}>
          <span class="visually-hidden">{t.a11y.errorPrefix} </span>
          {error}
        </p>
      )}
      {children(id, describedBy, error ? true : undefined)}
    </div>
  );
}
