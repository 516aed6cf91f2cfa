// The one error handler (issue 23, item 5). An unexpected failure anywhere in the app comes here:
// it is recorded without personal data — only the error's kind (e.g. "TypeError") and when, never
// its message, which could quote a story or the store — and the banner says "Something went wrong;
// nothing is lost" until dismissed. Expected failures are handled where they happen, named there.
import { type ReadonlySignal, signal } from '@preact/signals';
import type { ErrorActions } from '../ui/actions.ts';

/** What is kept of one failure: its kind and when, nothing else. */
export type ErrorRecord = { at: number; kind: string };

export type ErrorHandler = ErrorActions & {
  /** The banner is showing. */
  failure: ReadonlySignal<boolean>;
  /** The latest failures in this page (at most KEEP), oldest first. */
  records: readonly ErrorRecord[];
};

const KEEP = 20;

/** The error's kind only: its name when it is an Error (or a DOMException), else its type. */
export function errorKind(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

export function createErrorHandler(
  now: () => number = Date.now,
  log: (...data: unknown[]) => void = console.error,
): ErrorHandler {
  const failure = signal(false);
  const records: ErrorRecord[] = [];
  return {
    failure,
    records,
    reportError(error) {
      const record = { at: now(), kind: errorKind(error) };
      records.push(record);
      if (records.length > KEEP) records.shift();
      log('Something went wrong:', record.kind);
      failure.value = true;
    },
    dismissError() {
      failure.value = false;
    },
  };
}

/** Errors nothing caught (a throw in a handler, a rejected promise nobody awaited) reach it too. */
export function catchUncaught(target: Window, report: (error: unknown) => void): void {
  // The browser's own report would print the message (which may quote personal data): ours only.
  target.addEventListener('error', (event) => {
    event.preventDefault();
    report(event.error);
  });
  target.addEventListener('unhandledrejection', (event) => {
    event.preventDefault();
    report(event.reason);
  });
}

/** Start-up failed (e.g. the browser refused its storage): say so in words, never a blank page. */
export function showStartFailure(root: HTMLElement, words: string): void {
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.className = 'screen message-error';
  message.textContent = words;
  root.replaceChildren(message);
}
