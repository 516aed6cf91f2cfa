// Leaves nothing of a story on a shared iPad's clipboard. WebKit (Safari, and so every browser on
// an iPad) refuses a clipboard write outside a user gesture: leaving the hand-off screen by itself
// (the idle lock, the back gesture) cannot clear it there and then. The clipboard is then cleared
// at the next tap or key on the page — before anyone can reach a Paste menu.

/** The events in whose handlers WebKit lets a page write to the clipboard. */
const GESTURES = ['pointerdown', 'pointerup', 'touchend', 'mousedown', 'click', 'keydown'] as const;

export function clearClipboard(write: (text: string) => Promise<void>, target: EventTarget): void {
  // Refused outside a user gesture (WebKit): try again at the next one.
  write('').catch(() => {
    let done = false;
    const retry = () => {
      if (done) return;
      write('').then(
        () => {
          done = true;
          for (const type of GESTURES) target.removeEventListener(type, retry, true);
        },
        () => undefined, // refused again (not a gesture WebKit counts): the next one tries
      );
    };
    for (const type of GESTURES) target.addEventListener(type, retry, true);
  });
}
