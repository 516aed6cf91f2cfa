import { lookUpPlace } from '../../domain/directory/serviceLabel.ts';
import type { StoryReason } from '../../domain/send/sendProblem.ts';
import { type CollectingSession, recordedByOf } from '../../domain/session/session.ts';
import { deliveryMode, type Settings } from '../../domain/settings/settings.ts';
import type { QueueContext } from '../../domain/story/sendReadiness.ts';
import { LAST_STEP } from '../../domain/story/steps.ts';
import { type Draft, type DraftService, newDraft } from '../../domain/story/story.ts';
import type { StoryDb } from '../../store/db.ts';
import type { SendWrite } from '../../store/send/sendWriter.ts';
import * as store from '../../store/story/stories.ts';
import type { Cipher } from '../../store/vault/cipher.ts';
import type { DraftSaveResult, StoryActions as StoryPort } from '../../ui/actions.ts';
import type { PendingDrafts } from './pendingDrafts.ts';
import { createStoryList, type StoryList } from './storyList.ts';
import { UNREADABLE } from './summaries.ts';

type StoryActions = Pick<
  StoryPort,
  | 'startStory'
  | 'createStory'
  | 'loadDraft'
  | 'saveDraft'
  | 'keepUnsavedDraft'
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
  /** Drafts whose save failed as their screen closed or the app locked (kept sealed, retried). */
  pending: PendingDrafts;
  /** This iPad's collecting session: who records consent, the focus theme of new stories. */
  session: () => CollectingSession | null;
};

const failed = (r: { kind: 'quota' | 'connection-lost' | 'other'; reason: StoryReason }) =>
  ({ ok: false, kind: r.kind, reason: r.reason }) as const;
const NOT_EDITABLE = 'notEditable' satisfies StoryReason;
const MAY_HAVE_ARRIVED = 'mayHaveArrived' satisfies StoryReason;
const CHANGED = 'changedWhileSending' satisfies StoryReason;

/** A write through the send writer, as the reason the screens word. */
function sendWriteResult(result: SendWrite, refusedWords: StoryReason): DraftSaveResult | null {
  if (result.kind === 'applied') return null;
  if (result.kind === 'missing') return { ok: false, kind: 'other', reason: 'gone' };
  return { ok: false, kind: 'other', reason: result.kind === 'refused' ? refusedWords : CHANGED };
}

/**
 * A draft whose services were chosen before a service kept its place: each place looked up in the
 * directory on this device (the site's name, else the organisation); not found, the name alone.
 */
async function withPlaces(db: StoryDb, draft: Draft): Promise<Draft> {
  const lacking = (s: DraftService) => s.nacs !== undefined && s.place === undefined && !s.typedByHand;
  if (!draft.services.some(lacking)) return draft;
  const { getService } = await import('../../store/directory/directory.ts');
  const siteNamed = async (nacs: string) => (await getService(db, nacs))?.name;
  const services = await Promise.all(
    draft.services.map(async (service) => {
      if (!lacking(service) || service.nacs === undefined) return service;
      const found = await getService(db, service.nacs);
      const place = found ? await lookUpPlace(found, siteNamed) : undefined;
      return place === undefined ? service : { ...service, place };
    }),
  );
  return { ...draft, services };
}

export function createStoryActions(deps: StoriesDeps): { actions: StoryActions; list: StoryList } {
  const { db } = deps;
  const list = createStoryList(
    db,
    deps.cipher,
    deps.isUnlocked,
    deps.now,
    () => deps.session()?.startedAt ?? null,
  );
  const { refreshOne } = list;
  // What a draft's Home row says is still missing depends on the device's region (postcode formats).
  const readiness = (): QueueContext => {
    const settings = deps.settings();
    return { recordedByDefault: recordedByOf(deps.session(), ''), region: settings.region };
  };

  const actions: StoryActions = {
    async startStory() {
      const id = deps.newId();
      const focusTheme = deps.session()?.theme || undefined;
      return { id, draft: newDraft(id, deps.now(), { focusTheme }) };
    },
    async createStory(id, draft) {
      const now = deps.now();
      const result = await store.createStory(db, deps.cipher, id, draft, now, readiness());
      if (!result.ok) return failed(result);
      await refreshOne(id);
      return { ok: true, savedAt: now };
    },
    async loadDraft(id) {
      const story = await store.getStory(db, deps.cipher, id);
      if (story && story.draft === null) throw new Error('unreadable');
      // Typed text whose save is still being retried is newer than what the device holds.
      if (!story?.draft) return null;
      return withPlaces(db, (await deps.pending.get(id)) ?? story.draft);
    },
    async saveDraft(id, draft) {
      const now = deps.now();
      const result = await store.saveDraft(db, deps.cipher, id, draft, now, readiness());
      if (!result.ok) return failed(result);
      if (result.value === 'unreadable') return { ok: false, kind: 'refused', reason: UNREADABLE };
      if (result.value !== 'saved') return { ok: false, kind: 'refused', reason: NOT_EDITABLE };
      deps.pending.forget(id);
      await refreshOne(id);
      return { ok: true, savedAt: now };
    },
    keepUnsavedDraft: (id, draft, isNew) => deps.pending.keep(id, draft, isNew),
    async queueStory(id) {
      const story = await store.getStory(db, deps.cipher, id);
      if (!story) return { ok: false, kind: 'other', reason: 'gone' };
      if (!story.draft) return { ok: false, kind: 'other', reason: UNREADABLE };
      const settings = deps.settings();
      // The queue rules (username filter, postcode formats) load only when a story is sent, to
      // keep Home's first load small; the service worker precaches them for offline use.
      const { checkQueueable } = await import('../../domain/story/sendReadiness.ts');
      const check = checkQueueable(story.draft, {
        recordedByDefault: recordedByOf(deps.session(), ''),
        region: settings.region,
        now: deps.now(),
      });
      if (!check.ok) return { ok: false, missing: check.missing };
      const now = deps.now();
      const { queueStory } = await import('../../store/send/storyQueue.ts');
      const byHand = deliveryMode(settings) === 'by-hand';
      const result = await queueStory(
        db,
        deps.cipher,
        id,
        check.story,
        deps.newId(),
        now,
        story.updatedAt,
        byHand,
      );
      if (!result.ok) return failed(result);
      const problem = sendWriteResult(result.value, NOT_EDITABLE);
      if (problem && !problem.ok) return problem;
      await refreshOne(id);
      deps.onQueued();
      return { ok: true };
    },
    async editQueuedStory(id, step) {
      const { unqueueStory } = await import('../../store/send/storyQueue.ts');
      const result = await unqueueStory(db, deps.cipher, id, deps.now());
      if (!result.ok) return failed(result);
      const problem = sendWriteResult(result.value, MAY_HAVE_ARRIVED);
      if (problem) return problem;
      const story = await store.getStory(db, deps.cipher, id);
      if (story?.draft && step !== undefined && step >= 0 && step <= LAST_STEP) {
        await store.saveDraft(db, deps.cipher, id, { ...story.draft, step }, deps.now());
      }
      await refreshOne(id);
      return { ok: true, savedAt: deps.now() };
    },
    async withdrawStory(id) {
      deps.pending.forget(id);
      const { withdrawStory } = await import('../../store/send/storyQueue.ts');
      const result = await withdrawStory(db, deps.cipher, id, deps.now());
      if (!result.ok) return failed(result);
      // In flight, or at the posting desk (issue 27): the runner settles it (the desk's DELETE) now.
      if (result.value === 'waiting-for-answer') deps.onQueued();
      await refreshOne(id);
      return { ok: true, savedAt: deps.now() };
    },
    async loadCommonNames() {
      const { COMMON_NAMES, toNameSet } = await import('../../domain/fields/commonNames.ts');
      return toNameSet(COMMON_NAMES);
    },
  };
  return { actions, list };
}
