// Whether a draft may enter the send queue and, if not, what is still missing (as codes, worded by
// `missingText` in words/fieldWords.ts, in the screen's language). No consent, no queue. Text is
// trimmed in the queued copy only.
import { checkEmail, type EmailProblem } from '../fields/email';
import { checkPostcode } from '../fields/postcode';
import { checkUsername, type Reason } from '../fields/username';
import type { FieldLabel } from '../send/fieldErrors.ts';
import type { Region } from '../settings/settings';
import type { StepIndex } from './steps';
import { type Draft, readDraft } from './story.ts';
import { type QueuedStory, QueuedStorySchema } from './submission.ts';
import {
  bodyToSend,
  type CheckedParts,
  clean,
  queuedCopy,
  toHealthservices,
  toIso,
} from './submissionBody.ts';

export type MissingField =
  | 'title'
  | 'body'
  | 'services'
  | 'author.username'
  | 'author.postcode'
  | 'author.email'
  | 'consent'
  | 'story';
/** What is missing or wrong: a plain ask, or a field check's own reason. */
export type MissingProblem =
  | { code: 'title' | 'body' | 'services' | 'username' | 'consent' | 'consentTime' | 'consentBy' | 'story' }
  /** A field the device's own check refused: its name (`story.fields`) is worded in the sentence. */
  | { code: 'notAccepted'; field: FieldLabel }
  | { code: 'usernameRefused'; reason: Reason }
  | { code: 'postcode'; check: 'empty' | 'format'; region: Region }
  | { code: 'email'; check: EmailProblem };
export type MissingItem = { field: MissingField; problem: MissingProblem; step: StepIndex };
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

/** The one readiness rule for the story's words: some text in a question or the narrative. */
export function hasStoryText(draft: Pick<Draft, 'body' | 'whatWasGood' | 'whatCouldBeDifferent'>): boolean {
  return bodyToSend(draft) !== '';
}

function item(field: MissingField, problem: MissingProblem): MissingItem {
  return { field, problem, step: STEP_OF[field] };
}

function checkParts(
  draft: Draft,
  ctx: QueueContext,
): { ok: true; parts: CheckedParts } | { ok: false; missing: MissingItem[] } {
  const missing: MissingItem[] = [];
  const add = (field: MissingField, problem: MissingProblem) => missing.push(item(field, problem));
  // The guide's order: at least one of the two questions or the narrative, then a title.
  if (!hasStoryText(draft)) add('body', { code: 'body' });
  if (clean(draft.title) === '') add('title', { code: 'title' });
  const healthservices = toHealthservices(draft.services);
  if (healthservices.length === 0) add('services', { code: 'services' });
  const username = clean(draft.author.username);
  const block = checkUsername(username).block;
  if (username === '') add('author.username', { code: 'username' });
  else if (block) add('author.username', { code: 'usernameRefused', reason: block });
  const postcode = checkPostcode(draft.author.postcode, ctx.region);
  if (!postcode.ok)
    add('author.postcode', { code: 'postcode', check: postcode.code, region: postcode.region });
  const email = checkEmail(draft.author.email, draft.author.noEmail);
  if (!email.ok) add('author.email', { code: 'email', check: email.code });
  const givenAt = toIso(draft.consent.givenAt) ?? toIso(ctx.now);
  if (!draft.consent.publish) add('consent', { code: 'consent' });
  else if (givenAt === undefined) add('consent', { code: 'consentTime' });
  // Consent always records the person collecting: the draft's, else the session's; never a stand-in.
  const recordedBy = clean(draft.consent.recordedBy) || clean(ctx.recordedByDefault);
  if (draft.consent.publish && recordedBy === '') add('consent', { code: 'consentBy' });
  if (missing.length > 0 || !postcode.ok || !email.ok || givenAt === undefined) return { ok: false, missing };
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

const FIELD_LABEL: Record<Exclude<MissingField, 'story'>, FieldLabel> = {
  title: 'title',
  body: 'body',
  services: 'services',
  'author.username': 'username',
  'author.postcode': 'postcode',
  'author.email': 'email',
  consent: 'consent',
};

function fallback(field: MissingField): MissingProblem {
  if (field === 'story') return { code: 'story' };
  return { code: 'notAccepted', field: FIELD_LABEL[field] };
}
