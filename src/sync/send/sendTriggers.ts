// What wakes the send queue in a page (ARCHITECTURE.md, "The send queue"): coming back online and
// returning to the app, besides start, "Send now", a story queued and the runner's own timer.
import type { Trigger } from './queue.ts';

type EventSource = Pick<EventTarget, 'addEventListener'>;

export function watchSendTriggers(
  trigger: (reason: Trigger) => void,
  win: EventSource,
  doc: EventSource & { visibilityState: string },
): void {
  win.addEventListener('online', () => trigger('online'));
  doc.addEventListener('visibilitychange', () => {
    if (doc.visibilityState === 'visible') trigger('visible');
  });
}
