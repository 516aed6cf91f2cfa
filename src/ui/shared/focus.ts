// Where focus goes when the screen changes under it. A heading takes focus only from script
// (tabIndex -1), so Tab order is unchanged; a control that leaves the page hands focus to the step's
// heading, or the screen's, never to the page's top.

/** Focuses a heading (made focusable from script only) and keeps it in view. */
export function focusHeading(heading: HTMLElement | null): boolean {
  if (!heading) return false;
  if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
  heading.focus();
  return document.activeElement === heading;
}

/**
 * The sensible place for focus when what had it is gone: the story step's heading, or what became of
 * the story once sent, else the screen's own heading (a new screen, or the Lock screen).
 */
export function fallbackHeading(doc: Document): HTMLElement | null {
  for (const where of ['#step-title', '#queued-title', 'main h1', 'h1']) {
    const found = doc.querySelector<HTMLElement>(where);
    if (found) return found;
  }
  return null;
}

/**
 * Watches for the focused control leaving the page (Next on the last step, a "Remove" button, "Send to
 * Care Opinion" once the story is queued) and moves focus to `fallbackHeading` instead of `body`.
 */
export function installFocusGuard(doc: Document): () => void {
  let last: Element | null = null;
  const handleFocusIn = (event: FocusEvent) => {
    last = event.target instanceof Element ? event.target : null;
  };
  // Focus moved away on purpose (a tap elsewhere): nothing to hand on if that control goes later.
  const handleFocusOut = (event: FocusEvent) => {
    if (event.target === last && last?.isConnected) last = null;
  };
  const observer = new MutationObserver(() => {
    const active = doc.activeElement;
    if (last === null || last.isConnected || (active !== null && active !== doc.body)) return;
    last = null;
    focusHeading(fallbackHeading(doc));
  });
  doc.addEventListener('focusin', handleFocusIn);
  doc.addEventListener('focusout', handleFocusOut);
  observer.observe(doc.body, { childList: true, subtree: true });
  return () => {
    doc.removeEventListener('focusin', handleFocusIn);
    doc.removeEventListener('focusout', handleFocusOut);
    observer.disconnect();
  };
}
