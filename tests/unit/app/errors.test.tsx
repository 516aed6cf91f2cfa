// The one error handler (src/app/errors.ts): a failing action reaches it, the banner says "Something
// went wrong; nothing is lost", and what is recorded or logged holds nothing personal.
import { signal } from '@preact/signals';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import type { DataLoader } from '../../../src/app/dataLoader.ts';
import { createDirectoryController } from '../../../src/app/directory/directoryController.ts';
import { catchUncaught, createErrorHandler } from '../../../src/app/errors.ts';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings/settings.ts';
import { enGB } from '../../../src/domain/words/en-GB/index.ts';
import { AppContext, type AppContextValue } from '../../../src/ui/actions.ts';
import { ErrorBanner } from '../../../src/ui/shared/ErrorBanner.tsx';
import { TextContext } from '../../../src/ui/shared/text.ts';

/** A message a store error could carry: a storyteller's words. */
const PERSONAL = 'Mrs Ada Jones said the ward on 12 May was cold';

function handler() {
  const logged: unknown[][] = [];
  const errors = createErrorHandler(
    () => 1_000,
    (...data) => logged.push(data),
  );
  return { errors, logged };
}

function banner(errors: ReturnType<typeof createErrorHandler>): string {
  const value = { state: { failure: errors.failure }, ports: { errors } } as unknown as AppContextValue;
  return renderToString(
    <AppContext.Provider value={value}>
      <TextContext.Provider value={enGB}>
        <ErrorBanner />
      </TextContext.Provider>
    </AppContext.Provider>,
  );
}

const failingData = {
  data: signal(null),
  withData: () => Promise.reject(new TypeError(PERSONAL)),
} as unknown as DataLoader;

describe('the one error handler', () => {
  it('is reached by a failing action: the banner says so, and nothing personal is kept or logged', async () => {
    const { errors, logged } = handler();
    const directory = createDirectoryController(failingData, signal(DEFAULT_SETTINGS), errors.reportError);
    expect(banner(errors)).toBe('');
    directory.actions.noteServiceChosen('RXH01');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(banner(errors)).toContain(enGB.common.somethingWrong);
    expect(errors.records).toEqual([{ at: 1_000, kind: 'TypeError' }]);
    expect(JSON.stringify([errors.records, logged])).not.toContain('Ada');
    errors.dismissError();
    expect(banner(errors)).toBe('');
  });

  it('keeps only the latest 20, and names what is not an Error by its type', () => {
    const { errors } = handler();
    for (let i = 0; i < 25; i++) errors.reportError(PERSONAL);
    expect(errors.records).toHaveLength(20);
    expect(errors.records[0]).toEqual({ at: 1_000, kind: 'string' });
  });

  it('hears what nothing caught: an error event and a rejected promise nobody awaited', () => {
    const { errors } = handler();
    const page = new EventTarget();
    catchUncaught(page as unknown as Window, errors.reportError);
    const uncaught = Object.assign(new Event('error', { cancelable: true }), {
      error: new RangeError(PERSONAL),
    });
    page.dispatchEvent(uncaught);
    const rejected = Object.assign(new Event('unhandledrejection', { cancelable: true }), {
      reason: new SyntaxError(PERSONAL),
    });
    page.dispatchEvent(rejected);
    expect(errors.records.map((r) => r.kind)).toEqual(['RangeError', 'SyntaxError']);
    // The browser's own report (which prints the message) is not made.
    expect(uncaught.defaultPrevented && rejected.defaultPrevented).toBe(true);
    expect(errors.failure.value).toBe(true);
  });
});
