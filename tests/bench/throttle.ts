// CPU throttling for a page AND its workers. DevTools' Emulation.setCPUThrottlingRate slows only
// the target it is sent to: a page's workers (the PIN's Argon2id, the directory search) would run
// at full speed, and a 4× figure would no longer stand for an old iPad. So the page's session
// auto-attaches to its workers (each paused at its start until throttled) and sends each the rate,
// through Target.sendMessageToTarget (Playwright's CDPSession has no flat child sessions).
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

type Attached = { sessionId: string; targetInfo: { type: string }; waitingForDebugger: boolean };
type Reply = { sessionId: string; message: string };

export type Throttle = {
  /** Sets `rate` on the page and on every worker it has now or starts later. */
  set(rate: number): Promise<void>;
  /** How many workers have been started at the current rate so far. */
  workersThrottled(): number;
  detach(): Promise<void>;
};

export async function throttleWithWorkers(context: BrowserContext, page: Page): Promise<Throttle> {
  const cdp: CDPSession = await context.newCDPSession(page);
  let rate = 1;
  let throttled = 0;
  const workers = new Set<string>();
  const replies = new Map<number, () => void>();
  let next = 0;

  cdp.on('Target.receivedMessageFromTarget', ({ message }: Reply) => {
    const { id } = JSON.parse(message) as { id?: number };
    if (id !== undefined) replies.get(id)?.();
    if (id !== undefined) replies.delete(id);
  });
  /** A command in the worker's own session; resolves with its reply. */
  const inWorker = (sessionId: string, method: string, params: object) =>
    new Promise<void>((resolve, reject) => {
      const id = ++next;
      replies.set(id, resolve);
      cdp
        .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) })
        .catch((error: unknown) => {
          replies.delete(id);
          reject(error);
        });
    });
  const throttleWorker = async (sessionId: string) => {
    await inWorker(sessionId, 'Emulation.setCPUThrottlingRate', { rate });
  };

  cdp.on('Target.attachedToTarget', ({ sessionId, targetInfo, waitingForDebugger }: Attached) => {
    const run = () =>
      waitingForDebugger ? inWorker(sessionId, 'Runtime.runIfWaitingForDebugger', {}) : Promise.resolve();
    if (targetInfo.type !== 'worker') {
      void run().catch(() => undefined); // gone already: nothing to resume
      return;
    }
    workers.add(sessionId);
    void throttleWorker(sessionId)
      .then(() => {
        throttled++;
        return run();
      })
      .catch(() => workers.delete(sessionId)); // the worker ended first
  });
  cdp.on('Target.detachedFromTarget', ({ sessionId }: { sessionId: string }) => workers.delete(sessionId));
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });

  return {
    async set(r) {
      rate = r;
      throttled = 0;
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      await Promise.all([...workers].map((id) => throttleWorker(id).then(() => throttled++)));
    },
    workersThrottled: () => throttled,
    detach: () => cdp.detach(),
  };
}
