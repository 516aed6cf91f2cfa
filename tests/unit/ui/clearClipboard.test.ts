// WebKit refuses navigator.clipboard.writeText outside a user gesture (found by the WebKit suite:
// leaving the hand-off screen without a tap left the username on the clipboard). The clipboard is
// then cleared at the next tap or key.
import { describe, expect, it } from 'vitest';
import { clearClipboard } from '../../../src/ui/story/handoff/clearClipboard.ts';

/** A clipboard that, like WebKit's, accepts a write only while a gesture is being handled. */
function webkitClipboard() {
  const state = { text: 'quietkestrel', inGesture: false, writes: 0 };
  const write = async (text: string) => {
    state.writes++;
    if (!state.inGesture) throw new DOMException('not allowed', 'NotAllowedError');
    state.text = text;
  };
  const target = new EventTarget();
  const tap = async (type = 'pointerdown') => {
    state.inGesture = true;
    target.dispatchEvent(new Event(type));
    state.inGesture = false;
    await new Promise((ok) => setTimeout(ok, 0));
  };
  return { state, write, target, tap };
}

describe('clearClipboard', () => {
  it('clears at once where the browser allows it', async () => {
    const clip = webkitClipboard();
    clip.state.inGesture = true;
    clearClipboard(clip.write, clip.target);
    await new Promise((ok) => setTimeout(ok, 0));
    expect(clip.state.text).toBe('');
  });

  it('in WebKit, refused outside a gesture, clears at the next tap, and only once', async () => {
    const clip = webkitClipboard();
    clearClipboard(clip.write, clip.target);
    await new Promise((ok) => setTimeout(ok, 0));
    expect(clip.state.text).toBe('quietkestrel');
    await clip.tap();
    expect(clip.state.text).toBe('');
    const writes = clip.state.writes;
    clip.state.text = 'copied later on purpose';
    await clip.tap('keydown');
    expect(clip.state.text).toBe('copied later on purpose');
    expect(clip.state.writes).toBe(writes);
  });
});
