// When Care Opinion refused the key, the whole queue waits: say so, and offer the way to fix it.
import { describePause } from '../../domain/words/sendWords.ts';
import { useApp } from '../actions.ts';
import { useText } from './text.ts';

export function KeyBanner() {
  const { state } = useApp();
  const t = useText();
  const paused = state.queue.value.paused;
  if (!paused) return null;
  return (
    <div class="banner banner-error" role="alert">
      <span>{describePause(paused, t)}</span>
      {/* The relay's own key refused: nothing to fix on this iPad. */}
      {paused !== 'relayKeyRefused' && (
        <a class="button" href="/settings">
          {paused === 'deviceRevoked' ? t.send.connectAgain : t.send.fixKey}
        </a>
      )}
    </div>
  );
}
