// Simulated iPads for the relay benchmark: each sends its stories one at a time, as the app's send
// queue does — the same Idempotency-Key on every retry, waiting Retry-After on 429/503, a moment
// on 409 or a refused connection — through a round-robin load balancer over the relay instances.
import { randomUUID } from 'node:crypto';
import { validStory } from '../../unit/sandbox/helpers.ts';

export type DeviceFigures = {
  confirmed: Set<string>;
  /** Per forwarded story, from Server-Timing: the relay's time minus its queue wait and upstream time. */
  relayOverheadMs: number[];
  /** The same seen from the device: its round trip minus queue wait and upstream time. */
  deviceOverheadMs: number[];
  answers: Map<string, number>;
  lastConfirmedAt: number;
};

const REQUEST_TIMEOUT_MS = 60_000;

function noteOverhead(figures: DeviceFigures, res: Response, observedMs: number): void {
  const timing = res.headers.get('server-timing');
  if (!timing) return; // a replay: nothing was forwarded
  const dur = (name: string) => Number(new RegExp(`${name};dur=([\\d.]+)`).exec(timing)?.[1] ?? 0);
  figures.relayOverheadMs.push(dur('relay') - dur('queue') - dur('upstream'));
  figures.deviceOverheadMs.push(observedMs - dur('queue') - dur('upstream'));
}

export async function runDevices(
  relays: readonly { url: string }[],
  tokens: readonly string[],
  stories: number,
): Promise<DeviceFigures> {
  const figures: DeviceFigures = {
    confirmed: new Set(),
    relayOverheadMs: [],
    deviceOverheadMs: [],
    answers: new Map(),
    lastConfirmedAt: 0,
  };
  const count = (what: string) => figures.answers.set(what, (figures.answers.get(what) ?? 0) + 1);
  let turn = 0;
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  async function send(token: string, key: string, body: string): Promise<void> {
    for (;;) {
      const relay = relays[turn++ % relays.length] as { url: string };
      const started = performance.now();
      let res: Response;
      try {
        res = await fetch(`${relay.url}/api/v2/opinions`, {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${token}`,
            'Content-Type': 'application/json',
            'Idempotency-Key': key,
          },
          body,
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        await res.arrayBuffer();
      } catch {
        count('network error');
        await wait(250);
        continue;
      }
      count(String(res.status));
      if (res.status === 200 || res.status === 201) {
        noteOverhead(figures, res, performance.now() - started);
        figures.confirmed.add(key);
        figures.lastConfirmedAt = performance.now();
        return;
      }
      if (res.status === 409) await wait(1000);
      else if (res.status === 429 || res.status >= 500)
        await wait(Number(res.headers.get('retry-after') ?? 1) * 1000);
      else throw new Error(`a story was refused with ${res.status}`);
    }
  }

  await Promise.all(
    tokens.map(async (token, device) => {
      for (let n = 0; n < stories; n++) {
        const body = JSON.stringify({ ...validStory(), title: `Bench story ${device + 1}.${n + 1}` });
        await send(token, randomUUID(), body);
      }
    }),
  );
  return figures;
}
