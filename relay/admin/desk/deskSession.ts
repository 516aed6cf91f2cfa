// The posting desk's logic, without the page (tested in Node): locked → open (the private key in
// memory only) → a story at a time, oldest first → posted → the next. A story that does not open is
// set aside with its problem code and the desk goes on. Nothing decrypted goes back to the relay
// but the story address the lead types; `close` forgets the key and every opened story.
import {
  type Argon2,
  type DeskStory,
  type DeskStoryProblem,
  openDeskStory,
  type UnwrapProblem,
  unwrapDeskKey,
} from '../../../src/domain/desk/index.ts';
import type { StoryAddressProblem } from '../../../src/domain/story/storyAddress.ts';

type WebCrypto = typeof globalThis.crypto;
type Key = Awaited<ReturnType<WebCrypto['subtle']['importKey']>>;

/** A waiting story as `GET /admin/api/desk/stories` lists it. */
export type Waiting = {
  id: string;
  device: { id: string; name: string };
  receivedAt: string;
  kid: string;
  sealed: string;
  overdue: boolean;
};
/** The stored key as `GET /admin/api/desk/key` gives it, with the relay's region. */
export type StoredDeskKey = {
  kid: string;
  jwk: { kty: 'EC'; crv: 'P-256'; x: string; y: string };
  wrapped: unknown;
  region?: 'uk' | 'au' | 'ie' | 'ca';
};
export type PostProblem = StoryAddressProblem | 'already-posted' | 'withdrawn' | 'unknown-story';
export type Receipt = { id: string; storyNumber: string; postedAt: string; deviceId: string };

/** The admin API as the desk uses it (deskApi.ts over fetch; a fake in tests). */
export type DeskApi = {
  key(): Promise<StoredDeskKey | null>;
  waiting(): Promise<Waiting[]>;
  posted(
    id: string,
    storyAddress: string,
  ): Promise<{ ok: true; receipt: Receipt } | { ok: false; problem: PostProblem }>;
};

export type SetAside = { waiting: Waiting; problem: DeskStoryProblem };
export type DeskView =
  | { kind: 'locked' }
  | {
      kind: 'open';
      /** Waiting stories that open or have not been tried, oldest first. */
      waiting: number;
      overdue: number;
      /** The story shown: the oldest that opens; null when none is left. */
      current: { waiting: Waiting; story: DeskStory; position: number; total: number } | null;
      setAside: SetAside[];
    };

export class DeskSession {
  #opener: { kid: string; privateKey: Key } | null = null;
  #list: Waiting[] = [];
  #opened = new Map<string, DeskStory>();
  #setAside = new Map<string, SetAside>();
  #postedThisVisit = 0;
  region: StoredDeskKey['region'] = 'uk';

  constructor(
    private readonly api: DeskApi,
    private readonly crypto: WebCrypto,
    private readonly argon2: Argon2,
  ) {}

  get isOpen(): boolean {
    return this.#opener !== null;
  }

  /** Opens the desk key with the passphrase (kept nowhere), then the oldest story. */
  async unlock(
    passphrase: string,
  ): Promise<{ ok: true; view: DeskView } | { ok: false; problem: UnwrapProblem | 'empty' | 'no-desk' }> {
    if (passphrase === '') return { ok: false, problem: 'empty' };
    const stored = await this.api.key();
    if (!stored) return { ok: false, problem: 'no-desk' };
    const opened = await unwrapDeskKey(this.crypto, this.argon2, stored, passphrase);
    if (!opened.ok) return { ok: false, problem: opened.problem };
    this.region = stored.region ?? 'uk';
    this.#opener = { kid: stored.kid, privateKey: opened.privateKey };
    return { ok: true, view: await this.refresh() };
  }

  /** The waiting list again from the relay, and the oldest story that opens. */
  async refresh(): Promise<DeskView> {
    if (!this.#opener) return { kind: 'locked' };
    const list = await this.api.waiting();
    if (!this.#opener) return { kind: 'locked' }; // closed meanwhile
    this.#list = list;
    const ids = new Set(list.map((w) => w.id));
    for (const id of [...this.#opened.keys()]) if (!ids.has(id)) this.#opened.delete(id);
    for (const id of [...this.#setAside.keys()]) if (!ids.has(id)) this.#setAside.delete(id);
    return this.#showNext();
  }

  async #showNext(): Promise<DeskView> {
    const opener = this.#opener;
    if (!opener) return { kind: 'locked' };
    for (const waiting of this.#list) {
      if (this.#setAside.has(waiting.id)) continue;
      if (this.#opened.has(waiting.id)) break;
      const opened = await openDeskStory(this.crypto, opener, waiting.sealed);
      if (this.#opener !== opener) return { kind: 'locked' };
      if (opened.ok) {
        this.#opened.set(waiting.id, opened.story);
        break;
      }
      this.#setAside.set(waiting.id, { waiting, problem: opened.problem });
    }
    return this.view();
  }

  view(): DeskView {
    if (!this.#opener) return { kind: 'locked' };
    const postable = this.#list.filter((w) => !this.#setAside.has(w.id));
    const first = postable[0];
    const story = first ? this.#opened.get(first.id) : undefined;
    return {
      kind: 'open',
      waiting: postable.length,
      overdue: postable.filter((w) => w.overdue).length,
      current:
        first && story
          ? {
              waiting: first,
              story,
              position: this.#postedThisVisit + 1,
              total: this.#postedThisVisit + postable.length,
            }
          : null,
      setAside: [...this.#setAside.values()],
    };
  }

  /** "I have posted it": only the address goes to the relay. Then the next story. */
  async post(
    storyAddress: string,
  ): Promise<
    { ok: true; receipt: Receipt; view: DeskView } | { ok: false; problem: PostProblem; view: DeskView }
  > {
    const view = this.view();
    const current = view.kind === 'open' ? view.current : null;
    if (!current) return { ok: false, problem: 'unknown-story', view };
    const answer = await this.api.posted(current.waiting.id, storyAddress);
    if (!answer.ok) {
      const gone =
        answer.problem === 'already-posted' ||
        answer.problem === 'withdrawn' ||
        answer.problem === 'unknown-story';
      return { ok: false, problem: answer.problem, view: gone ? await this.refresh() : this.view() };
    }
    this.#postedThisVisit += 1;
    this.#opened.delete(current.waiting.id);
    this.#list = this.#list.filter((w) => w.id !== current.waiting.id);
    return { ok: true, receipt: answer.receipt, view: await this.refresh() };
  }

  /** Forgets the key and every opened story (the page clears what it showed). */
  close(): void {
    this.#opener = null;
    this.#list = [];
    this.#opened.clear();
    this.#setAside.clear();
    this.#postedThisVisit = 0;
  }
}
