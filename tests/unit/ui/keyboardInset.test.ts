import { describe, expect, it } from 'vitest';
import { keyboardInset, scrollToShow, unionBox } from '../../../src/ui/shared/keyboardInset.ts';

describe('the on-screen keyboard', () => {
  it('covers what the visual viewport no longer shows at the bottom of the layout viewport', () => {
    expect(keyboardInset(1180, { height: 1180, offsetTop: 0 })).toBe(0);
    expect(keyboardInset(1180, { height: 780, offsetTop: 0 })).toBe(400);
    // Safari scrolls the visual viewport down inside the layout viewport as the keyboard opens.
    expect(keyboardInset(1180, { height: 780, offsetTop: 120 })).toBe(280);
    expect(keyboardInset(1180, { height: 1200, offsetTop: 0 })).toBe(0);
  });

  it('scrolls a field hidden by the keyboard or the bar up just enough to show it', () => {
    // Visible from 0 to 700 (the bar's top above the keyboard); the field is at 800–850.
    expect(scrollToShow({ top: 800, bottom: 850 }, 0, 700)).toBe(800 + 50 - (700 - 8));
    // Already visible: no scroll.
    expect(scrollToShow({ top: 300, bottom: 350 }, 0, 700)).toBe(0);
    // Above the visible part: scroll up to it.
    expect(scrollToShow({ top: -100, bottom: -50 }, 0, 700)).toBe(-108);
  });

  it('shows the top of a field taller than the space left', () => {
    const delta = scrollToShow({ top: 900, bottom: 2000 }, 0, 500);
    expect(900 - delta).toBe(8);
  });

  it('shows a field together with its checkbox ("No email address"): the box holding both', () => {
    const field = { top: 500, bottom: 560 };
    const check = { top: 600, bottom: 650 };
    expect(unionBox(field, check)).toEqual({ top: 500, bottom: 650 });
    expect(unionBox(field, null)).toEqual(field);
    // Revealed as one: the checkbox clears the bar too, not the field alone.
    expect(scrollToShow(unionBox(field, check), 0, 600)).toBe(650 - (600 - 8));
  });
});
