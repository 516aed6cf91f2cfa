// When Care Opinion refused the key, the whole queue waits: say so, and offer the way to fix it.
import { describePause } from '../../domain/sendWords.ts';
import { useApp } from '../actions.ts';

export function KeyBanner() {
  const { state } = useApp();
  const paused = state.queue.value.paused;
  if (!paused) return null;
  return (
    <div class="banner banner-error" role="alert">
      <span>{describePause(paused)}</span>
      <a class="button" href="/settings">
        Fix the key
      </a>
    </div>
  );
}
