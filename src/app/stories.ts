// The story actions the screens use: create, load, save as typed, queue, take back, withdraw,
// and Home's list of summaries (kept current after every change, without re-reading every story).
import { type Signal, signal } from '@preact/signals';
import type { OutboxEntry, Receipt } from '../domain/sendEntry.ts';
import type { Settings } from '../domain/settings.ts';
import { newDraft } from '../domain/story.ts';
import type { Cipher } from '../store/cipher.ts';
import type { StoryDb } from '../store/db.ts';
import * as store from '../store/stories.ts';
import type { Actions, DraftSaveResult, StorySummary } from '../ui/actions.ts';

type StoryActions = Pick<
  Actions,
  | 'createStory'
  | 'loadDraft'
  | 'saveDraft'
  | 'queueStory'
  | 'editQueuedStory'
  | 'withdrawStory'
  | 'loadCommonNames'
>;

export type StoriesDeps = {
  db: StoryDb;
  cipher: Cipher;
  settings: () => Settings;
  now: () => number;
  newId: () => string;
  /** Told when a story enters the queue (a send trigger). */
  onQueued: () => void;
  /** False while locked: nothing personal is read into the page then (not even for a list). */
  isUnlocked: () => boolean;
};

export function summarise(story: store.StoredStory, entry: OutboxEntry | undefined): StorySummary {
  return {
    id: story.id,
    title: story.draft.title.trim(),
    state: story.state === 'draft' ? 'draft' : (entry?.state ?? story.state),
    createdAt: story.createdAt,
    updatedAt: story.updatedAt,
    services: story.draft.services.map((s) => s.name),
    postedOnBehalf: story.draft.author.noEmail,
    collectedAt: story.draft.collectedAt,
    attempted: entry !== undefined && (entry.attempts > 0 || entry.firstAttemptAt !== undefined),
    problem: entry?.lastProblem,
    fieldProblems: entry?.state === 'needs-attention' ? entry.fieldProblems : undefined,
    nextAttemptAt: entry?.state === 'queued' ? entry.nextAttemptAt : undefined,
  };
}

function collectedAtMs(receipt: Receipt): number | undefined {
  const t = receipt.collectedAt === undefined ? Number.NaN : Date.parse(receipt.collectedAt);
  return Number.isFinite(t) ? t : undefined;
}

export function summariseReceipt(receipt: Receipt): StorySummary {
  return {
    id: receipt.id,
    title: receipt.title,
    state: 'sent',
    // Where it sits on Home and in "today": when it was collected, not when it left.
    createdAt: collectedAtMs(receipt) ?? receipt.at,
    updatedAt: receipt.at,
    services: receipt.services,
    postedOnBehalf: receipt.postedOnBehalf,
    collectedAt: receipt.collectedAt,
    attempted: true,
    sentId: receipt.careOpinionId,
    withdrawn: receipt.kind === 'withdrawn',
    mayHaveArrived: receipt.mayHaveArrived,
  };
}

export async function readSummaries(db: StoryDb, cipher: Cipher): Promise<StorySummary[]> {
  const [stories, outbox, receipts] = await Promise.all([
    store.listStories(db, cipher),
    store.listOutbox(db),
    store.listReceipts(db, cipher),
  ]);
  const entries = new Map(outbox.map((e) => [e.id, e]));
  const all = [...stories.map((s) => summarise(s, entries.get(s.id))), ...receipts.map(summariseReceipt)];
  return all.sort((a, b) => b.createdAt - a.createdAt);
}

const failed = (r: { kind: 'quota' | 'connection-lost' | 'other'; reason: string }) =>
  ({ ok: false, kind: r.kind, reason: r.reason }) as const;

export function createStoryActions(deps: StoriesDeps): {
  actions: StoryActions;
  stories: Signal<StorySummary[]>;
  reload(): Promise<void>;
} {
  const { db } = deps;
  const stories = signal<StorySummary[]>([]);
  // Reloads coalesce: a burst of changes (a queue pass, another tab) reads the stories once more,
  // not once per change.
  let reading: Promise<void> | null = null;
  let again = false;
  const reload = async (): Promise<void> => {
    if (reading) {
      again = true;
      return reading;
    }
    reading = (async () => {
      do {
        again = false;
        if (!deps.isUnlocked()) return;
        const read = await readSummaries(db, deps.cipher);
        // A read that started before a lock must not bring the stories back onto the page.
        if (deps.isUnlocked()) stories.value = read;
      } while (again);
    })().finally(() => {
      reading = null;
    });
    return reading;
  };
  const refreshOne = async (id: string) => {
    if (!deps.isUnlocked()) return;
    const story = await store.getStory(db, deps.cipher, id);
    const rest = stories.value.filter((s) => s.id !== id);
    if (!story) {
      await reload();
      return;
    }
    const entry = (await store.getOutboxEntry(db, id)) ?? undefined;
    stories.value = [summarise(story, entry), ...rest].sort((a, b) => b.createdAt - a.createdAt);
  };
  const notEditable: DraftSaveResult = {
    ok: false,
    kind: 'other',
    reason: 'This story is waiting to send and cannot be changed now.',
  };

  const actions: StoryActions = {
    async createStory() {
      const id = deps.newId();
      const now = deps.now();
      const draft = newDraft(id, now, { focusTheme: deps.settings().focusTheme || undefined });
      const result = await store.createStory(db, deps.cipher, id, draft, now);
      if (!result.ok) throw new Error(`could not create a story (${result.kind})`);
      await refreshOne(id);
      return id;
    },
    async loadDraft(id) {
      return (await store.getStory(db, deps.cipher, id))?.draft ?? null;
    },
    async saveDraft(id, draft) {
      const now = deps.now();
      const result = await store.saveDraft(db, deps.cipher, id, draft, now);
      if (!result.ok) return failed(result);
      if (result.value !== 'saved') return notEditable;
      await refreshOne(id);
      return { ok: true, savedAt: now };
    },
    async queueStory(id) {
      const story = await store.getStory(db, deps.cipher, id);
      if (!story) return { ok: false, kind: 'other', reason: 'This story is no longer on this device.' };
      const settings = deps.settings();
      // The queue rules (username filter, postcode formats) load only when a story is sent, to
      // keep Home's first load small; the service worker precaches them for offline use.
      const { checkQueueable, DEFAULT_RECORDED_BY } = await import('../domain/sendReadiness.ts');
      const check = checkQueueable(story.draft, {
        recordedByDefault: settings.staffName.trim() || DEFAULT_RECORDED_BY,
        region: settings.region,
        now: deps.now(),
      });
      if (!check.ok) return { ok: false, missing: check.missing };
      const result = await store.queueStory(db, deps.cipher, id, check.story, deps.newId(), deps.now());
      if (!result.ok) return failed(result);
      if (result.value !== 'saved') return notEditable;
      await refreshOne(id);
      deps.onQueued();
      return { ok: true };
    },
    async editQueuedStory(id, step) {
      const result = await store.unqueueStory(db, id, deps.now());
      if (!result.ok) return failed(result);
      if (result.value !== 'saved') {
        return {
          ...notEditable,
          reason: 'This story has already been sent to Care Opinion, or may have been: it cannot be changed.',
        };
      }
      const story = await store.getStory(db, deps.cipher, id);
      if (story && step !== undefined && step >= 0 && step <= 5) {
        await store.saveDraft(db, deps.cipher, id, { ...story.draft, step }, deps.now());
      }
      await refreshOne(id);
      return { ok: true, savedAt: deps.now() };
    },
    async withdrawStory(id) {
      const result = await store.withdrawStory(db, deps.cipher, id, deps.now());
      if (!result.ok) return failed(result);
      await reload();
      return { ok: true, savedAt: deps.now() };
    },
    async loadCommonNames() {
      const { COMMON_NAMES, toNameSet } = await import('../domain/names/commonNames.ts');
      return toNameSet(COMMON_NAMES);
    },
  };
  return { actions, stories, reload };
}
