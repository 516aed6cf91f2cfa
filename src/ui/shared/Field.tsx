// A labelled form field with an optional hint and error, wired up for screen readers. The error is
// already in words: a rule's or the store's code is worded by the caller (through the catalogues).
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { NeedMark } from './NeedMark.tsx';

export type FieldProps = {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  /** Said in words after the label: what a story cannot be sent without, or may leave out. */
  need?: 'required' | 'optional' | undefined;
  children: (id: string, describedBy: string | undefined) => ComponentChildren;
};

export function Field({ label, hint, error, need, children }: FieldProps) {
  const id = useId();
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
      {children(id, describedBy)}
      {error && (
        <p class="field-message" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
