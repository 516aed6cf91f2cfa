// Whether a draft may enter the send queue and, if not, what is still missing, in words a staff
// member can read out. No consent, no queue. Text is trimmed in the queued copy only.
import { checkEmail } from './email';
import { checkPostcode } from './postcode';
import type { Region } from './settings';
import type { StepIndex } from './steps';
import { type Draft, readDraft } from './story.ts';
import { type QueuedStory, QueuedStorySchema } from './submission.ts';
import { type CheckedParts, clean, queuedCopy, toHealthservices, toIso } from './submissionBody.ts';
import { checkUsername } from './username';

export type MissingField =
  | 'title'
  | 'body'
  | 'services'
  | 'author.username'
  | 'author.postcode'
  | 'author.email'
  | 'consent'
  | 'story';
export type MissingItem = { field: MissingField; message: string; step: StepIndex };
export type QueueCheck = { ok: true; story: QueuedStory } | { ok: false; missing: MissingItem[] };
export type QueueContext = { recordedByDefault: string; region: Region; now?: Date | number };

export const DEFAULT_RECORDED_BY = 'Staff member';

const STEP_OF: Record<MissingField, StepIndex> = {
  title: 1,
  body: 1,
  services: 2,
  'author.username': 3,
  'author.postcode': 3,
  'author.email': 3,
  consent: 4,
  story: 4,
};

const MESSAGES = {
  title: 'Ask what the story was about — the answer becomes its title.',
  body: 'Ask what happened and how they felt — this is the story itself.',
  services: 'Choose at least one service the story is about.',
  username: "Ask the storyteller to choose a username — anything except their real name, like 'rugbyfan33'.",
  consent: 'Ask for consent to publish on Care Opinion.',
  consentTime: 'Ask for consent again: the time it was given was not recorded.',
} as const;

/** The queued copy of a complete, consented draft — or everything still missing, in step order. */
export function checkQueueable(input: Draft, ctx: QueueContext): QueueCheck {
  const draft = readDraft(input);
  const checked = checkParts(draft, ctx);
  if (!checked.ok) return checked;
  const story = QueuedStorySchema.safeParse(queuedCopy(draft, checked.parts));
  if (story.success) return { ok: true, story: story.data };
  // Unreachable while checkParts matches the schema; kept so a mismatch is worded, not thrown.
  const fields = new Set(story.error.issues.map((issue) => fieldOf(issue.path.map(String).join('.'))));
  return { ok: false, missing: [...fields].map((field) => item(field, fallback(field))) };
}

/** What is still missing, field by field (in step order), for a draft's row on Home. */
export function missingFields(input: Draft, ctx: QueueContext): MissingField[] {
  const check = checkQueueable(input, ctx);
  return check.ok ? [] : check.missing.map((missing) => missing.field);
}

function item(field: MissingField, message: string): MissingItem {
  return { field, message, step: STEP_OF[field] };
}

function checkParts(
  draft: Draft,
  ctx: QueueContext,
): { ok: true; parts: CheckedParts } | { ok: false; missing: MissingItem[] } {
  const missing: MissingItem[] = [];
  const add = (field: MissingField, message: string) => missing.push(item(field, message));
  if (clean(draft.title) === '') add('title', MESSAGES.title);
  if (clean(draft.body) === '') add('body', MESSAGES.body);
  const healthservices = toHealthservices(draft.services);
  if (healthservices.length === 0) add('services', MESSAGES.services);
  const username = clean(draft.author.username);
  const block = checkUsername(username).block;
  if (username === '') add('author.username', MESSAGES.username);
  else if (block) add('author.username', `${block.message} ${block.suggestion ?? ''}`.trim());
  const postcode = checkPostcode(draft.author.postcode, ctx.region);
  if (!postcode.ok) add('author.postcode', postcode.reason);
  const email = checkEmail(draft.author.email, draft.author.noEmail);
  if (!email.ok) add('author.email', email.reason);
  const givenAt = toIso(draft.consent.givenAt) ?? toIso(ctx.now);
  if (!draft.consent.publish) add('consent', MESSAGES.consent);
  else if (givenAt === undefined) add('consent', MESSAGES.consentTime);
  if (missing.length > 0 || !postcode.ok || !email.ok || givenAt === undefined) return { ok: false, missing };
  const recordedBy = clean(draft.consent.recordedBy) || clean(ctx.recordedByDefault) || DEFAULT_RECORDED_BY;
  return {
    ok: true,
    parts: { healthservices, username, email: email.email, postcode: postcode.postcode, givenAt, recordedBy },
  };
}

function fieldOf(path: string): MissingField {
  if (path === 'title' || path === 'body') return path;
  if (path.startsWith('consent')) return 'consent';
  if (path.startsWith('healthservices')) return 'services';
  const known = ['author.username', 'author.postcode', 'author.email'] as const;
  return known.find((field) => path.startsWith(field)) ?? 'story';
}

function fallback(field: MissingField): string {
  if (field === 'story')
    return 'Something in this story could not be checked. Go back through the steps and look again.';
  return `Check this answer again: ${field.replace('author.', '')} was not accepted.`;
}
