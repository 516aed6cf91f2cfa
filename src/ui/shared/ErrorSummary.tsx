// The GOV.UK error summary: at the top of a form submitted with problems, "There is a problem" and a
// link per problem that moves focus to the field that fixes it. Shown after a submit, it takes the
// focus (and its role="alert" is read out); each problem is also on its own field (`Field`'s error).
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useLockText } from './text.ts';

/** One problem: its words, and the id of the field (or a way there, when the field is elsewhere). */
export type SummaryError = { text: string; fieldId: string; go?: (() => void) | undefined };

export type ErrorSummaryProps = {
  errors: readonly SummaryError[];
  /** Changes with each submit: the summary takes the focus again. Absent: never takes it. */
  attempt?: number | undefined;
  /** A heading other than "There is a problem" (the story's "still needed" list). */
  title?: string | undefined;
  /** The heading's id (a region named by it). */
  titleId?: string | undefined;
  /** False for a list shown without a submit (not an alert). */
  alert?: boolean | undefined;
  children?: ComponentChildren;
};

/** Focuses a field by id and brings its label into view (GOV.UK: the label, not only the field). */
export function focusField(fieldId: string): boolean {
  const field = document.getElementById(fieldId);
  if (!field) return false;
  field.focus();
  const label = [...document.querySelectorAll('label')].find((l) => l.htmlFor === fieldId);
  const shown = label ?? field.closest('fieldset') ?? field;
  shown.scrollIntoView?.({ block: 'start' });
  return true;
}

export function ErrorSummary({ errors, attempt, title, titleId, alert = true, children }: ErrorSummaryProps) {
  const t = useLockText();
  const box = useRef<HTMLDivElement>(null);
  const shown = errors.length > 0;
  useEffect(() => {
    if (shown && attempt !== undefined) box.current?.focus();
  }, [attempt, shown]);
  if (!shown) return null;
  return (
    <div class="error-summary" ref={box} tabIndex={-1}>
      <div role={alert ? 'alert' : undefined}>
        <h2 class="error-summary-title" id={titleId}>
          {title ?? t.a11y.errorSummaryTitle}
        </h2>
        {children}
        <ul class="error-summary-list">
          {errors.map((error) => (
            <li key={error.fieldId}>
              <a
                href={`#${error.fieldId}`}
                onClick={(event) => {
                  event.preventDefault();
                  if (error.go) error.go();
                  else focusField(error.fieldId);
                }}
              >
                {error.text}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
