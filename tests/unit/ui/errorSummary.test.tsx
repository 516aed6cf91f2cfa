// Issue 24.8: the GOV.UK error summary ("There is a problem", an alert, a link per problem to its
// field, focusable to take the focus on submit) and the field marking it relies on: the error between
// the hint and the control, after a hidden "Error:", the control aria-invalid and described by both.
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { cy } from '../../../src/domain/words/cy/index.ts';
import { enGB } from '../../../src/domain/words/en-GB/index.ts';
import type { Messages } from '../../../src/domain/words/index.ts';
import { ErrorSummary } from '../../../src/ui/shared/ErrorSummary.tsx';
import { Field } from '../../../src/ui/shared/Field.tsx';
import { TextField } from '../../../src/ui/shared/TextField.tsx';
import { TextContext } from '../../../src/ui/shared/text.ts';

function html(node: preact.ComponentChildren, t: Messages = enGB): string {
  return renderToString(<TextContext.Provider value={t}>{node}</TextContext.Provider>);
}

describe('ErrorSummary', () => {
  const errors = [
    { text: 'Enter your name', fieldId: 'session-name' },
    { text: 'Enter the recovery code', fieldId: 'settings-recovery-code' },
  ];

  it('is an alert headed "There is a problem", focusable, with a link per problem to its field', () => {
    const out = html(<ErrorSummary errors={errors} attempt={1} />);
    expect(out).toMatch(
      /^<div class="error-summary" tabindex="-1"><div role="alert"><h2[^>]*>There is a problem<\/h2>/,
    );
    expect(out).toContain('<a href="#session-name">Enter your name</a>');
    expect(out).toContain('<a href="#settings-recovery-code">Enter the recovery code</a>');
  });

  it('shows nothing when there is no problem', () => {
    expect(html(<ErrorSummary errors={[]} attempt={3} />)).toBe('');
  });

  it('speaks Welsh, and a list shown without a submit is not an alert', () => {
    expect(html(<ErrorSummary errors={errors} />, cy)).toContain(`>${cy.a11y.errorSummaryTitle}</h2>`);
    const list = html(<ErrorSummary errors={errors} title="Still needed" alert={false} />);
    expect(list).not.toContain('role="alert"');
    expect(list).toContain('>Still needed</h2>');
  });
});

describe('Field marks its error the GOV.UK way', () => {
  it('puts the error after the hint and before the control, with a hidden "Error:", and marks the control', () => {
    const out = html(
      <TextField
        kind="text"
        id="org"
        label="Organisation name"
        hint="As known"
        error="Too long"
        value=""
        onInput={() => {}}
      />,
    );
    const hint = out.indexOf('As known');
    const error = out.indexOf(
      '<p class="field-message" id="org-error"><span class="visually-hidden">Error: </span>Too long</p>',
    );
    const input = out.indexOf('<input');
    expect(hint).toBeGreaterThan(0);
    expect(error).toBeGreaterThan(hint);
    expect(input).toBeGreaterThan(error);
    expect(out).toMatch(/<input id="org" aria-describedby="org-hint org-error" aria-invalid="true"/);
    expect(out).toContain('class="field field-error"');
  });

  it('hands the marking to a select as well', () => {
    const out = html(
      <Field label="Region" error="Choose a region">
        {(id, describedBy, invalid) => (
          <select id={id} aria-describedby={describedBy} aria-invalid={invalid} />
        )}
      </Field>,
    );
    expect(out).toMatch(/<select id="[^"]+" aria-describedby="[^"]+-error" aria-invalid="true"/);
  });

  it('marks nothing without an error', () => {
    const out = html(<TextField kind="text" label="Organisation name" value="" onInput={() => {}} />);
    expect(out).not.toContain('aria-invalid');
    expect(out).not.toContain('Error:');
  });
});
