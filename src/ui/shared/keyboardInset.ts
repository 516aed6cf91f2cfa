// Keeps the field being typed in visible above the on-screen keyboard and the Back/Next bar. Safari
// shrinks only the visual viewport when the keyboard opens, so a bar stuck to the page's bottom would
// sit behind the keyboard: --keyboard-inset lifts it (styles.css), and the focused field is scrolled
// up until it clears both.

type Box = { top: number; bottom: number };

/** How far the keyboard covers the bottom of the layout viewport, in px (0 when it is closed). */
export function keyboardInset(innerHeight: number, view: { height: number; offsetTop: number }): number {
  return Math.max(0, Math.round(innerHeight - view.height - view.offsetTop));
}

/**
 * How far to scroll down so that `field` shows between `visibleTop` and `visibleBottom` (above the
 * keyboard and the bar); a field taller than that space shows its top. Negative: scroll up.
 */
export function scrollToShow(field: Box, visibleTop: number, visibleBottom: number, margin = 8): number {
  const room = visibleBottom - visibleTop - 2 * margin;
  const wanted = Math.min(field.bottom - field.top, room);
  if (field.top < visibleTop + margin) return field.top - visibleTop - margin;
  const over = field.top + wanted - (visibleBottom - margin);
  return Math.max(over, 0);
}

/** The smallest box holding both: a field and the checkbox that goes with it. */
export function unionBox(a: Box, b: Box | null | undefined): Box {
  return b ? { top: Math.min(a.top, b.top), bottom: Math.max(a.bottom, b.bottom) } : a;
}

/**
 * A field with its companion checkbox (the `.check-row` in the same `.field`, e.g. "No email
 * address"): both are shown above the keyboard and the bar, not the field alone.
 */
function shownBox(field: HTMLElement): Box {
  const companion = field.closest('.field')?.querySelector('.check-row');
  return unionBox(field.getBoundingClientRect(), companion?.getBoundingClientRect());
}

const TYPED = 'input:not([type="checkbox"]):not([type="radio"]), textarea, select, [contenteditable]';

export function installKeyboardInset(win: Window): () => void {
  const doc = win.document;
  const view = win.visualViewport;
  const reveal = () => {
    const field = doc.activeElement;
    if (!(field instanceof HTMLElement) || !field.matches(TYPED)) return;
    const bottom = view ? view.offsetTop + view.height : win.innerHeight;
    const bar = doc.querySelector('[data-bottom-bar]')?.getBoundingClientRect();
    const visibleBottom = bar && bar.top < bottom ? bar.top : bottom;
    const delta = scrollToShow(shownBox(field), view?.offsetTop ?? 0, visibleBottom);
    if (delta !== 0) win.scrollBy({ top: delta, behavior: 'instant' });
  };
  const place = () => {
    const inset = view ? keyboardInset(win.innerHeight, view) : 0;
    doc.documentElement.style.setProperty('--keyboard-inset', `${inset}px`);
  };
  // A resize is the keyboard opening or closing: reveal again. A scroll is the person's: follow only.
  const update = () => {
    place();
    reveal();
  };
  // The keyboard slides in after the focus: the resize that follows reveals the field again.
  const handleFocusIn = () => win.requestAnimationFrame(reveal);
  view?.addEventListener('resize', update);
  view?.addEventListener('scroll', place);
  win.addEventListener('resize', update);
  doc.addEventListener('focusin', handleFocusIn);
  return () => {
    view?.removeEventListener('resize', update);
    view?.removeEventListener('scroll', place);
    win.removeEventListener('resize', update);
    doc.removeEventListener('focusin', handleFocusIn);
  };
}
