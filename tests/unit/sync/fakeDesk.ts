// A fake relay posting desk (relay/README.md "The posting desk") for the runner's tests, in memory:
// a replay is checked before the key's id as the relay does; the faults the field has (an answer
// dropped after storing, a 503, no network); the lead posting a story; a restore that loses them all.
import type { DeskKey } from '../../../src/domain/desk/deskStory.ts';
import type { Answer, Client } from '../../../src/sync/client.ts';
import { relayKeyPair } from '../app/relayKeys.ts';

export type Held = {
  kid: string;
  sealed: string;
  state: 'waiting' | 'posted' | 'withdrawn';
  storyNumber?: string;
};

const answer = (status: number, json?: unknown): Answer => ({
  kind: 'response',
  status,
  type: 'basic',
  contentType: json === undefined ? '' : 'application/json',
  retryAfter: null,
  totalCount: null,
  ...(json === undefined ? {} : { json }),
});

/** The relay's desk as relay/README.md has it, in memory, with the faults the field has. */
export async function fakeDesk() {
  let pair = await relayKeyPair('desk-1');
  const held = new Map<string, Held>();
  const bodies: { key: string; body: string }[] = [];
  const deletes: string[] = [];
  const statusAsks: string[][] = [];
  const desk = {
    held,
    bodies,
    deletes,
    statusAsks,
    /** Stores, then drops the answer: the next POST under each of these keys. */
    dropAnswers: new Set<string>(),
    /** The next this many requests of any kind: 503, nothing done. */
    busy: 0,
    online: true,
    key: (): DeskKey => pair.published,
    opener: () => pair.opener,
    async replaceKey(kid: string) {
      pair = await relayKeyPair(kid);
    },
    post(key: string, storyNumber: string) {
      const story = held.get(key);
      if (story) Object.assign(story, { state: 'posted', storyNumber });
    },
    /** Restored from a backup: it holds nothing. */
    lose: () => held.clear(),
    client: {
      async request(_connection, path, options): Promise<Answer> {
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (!desk.online) return { kind: 'network-error' };
        if (desk.busy > 0) {
          desk.busy -= 1;
          return answer(503, { error: 'busy' });
        }
        const method = options?.method ?? 'GET';
        if (method === 'POST' && path === '/desk/stories') {
          const key = options?.headers?.['Idempotency-Key'] ?? '';
          const body = JSON.stringify(options?.body);
          bodies.push({ key, body });
          const { kid, sealed } = (options?.body ?? {}) as { kid: string; sealed: string };
          const before = held.get(key);
          // A replay is checked before the kid (relay README).
          if (before)
            return before.sealed === sealed ? answer(200, { id: key }) : answer(422, { error: 'key-reused' });
          if (kid !== pair.published.kid) return answer(422, { error: 'desk-key-changed' });
          held.set(key, { kid, sealed, state: 'waiting' });
          if (desk.dropAnswers.delete(key)) return { kind: 'network-error' };
          return answer(201, { id: key });
        }
        if (method === 'GET' && path.startsWith('/desk/stories/status?keys=')) {
          const keys = decodeURIComponent(path.slice('/desk/stories/status?keys='.length)).split(',');
          statusAsks.push(keys);
          return answer(
            200,
            keys.map((key) => {
              const story = held.get(key);
              if (!story) return { key, state: 'unknown' };
              return story.state === 'posted'
                ? { key, state: 'posted', storyNumber: story.storyNumber }
                : { key, state: story.state };
            }),
          );
        }
        if (method === 'DELETE' && path.startsWith('/desk/stories/')) {
          const key = decodeURIComponent(path.slice('/desk/stories/'.length));
          deletes.push(key);
          const story = held.get(key);
          if (!story) return answer(404, { error: 'unknown-story' });
          if (story.state === 'posted') return answer(409, { error: 'already-posted' });
          story.state = 'withdrawn';
          story.sealed = '';
          return answer(204);
        }
        return answer(404, { error: 'not-found' });
      },
    } as Client,
  };
  return desk;
}

export type Desk = Awaited<ReturnType<typeof fakeDesk>>;
