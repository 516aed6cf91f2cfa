// The story model: a draft as typed (lenient, every field defaulted when read) and the queued copy
// that is exactly the POST /opinions body in API.md (trimmed, consented, complete).
import * as z from 'zod/mini';
import { storedStep } from './steps.ts';

export const ROLES = ['patient', 'carer', 'parent', 'relative', 'friend', 'staff-on-behalf'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** The roles a storyteller holding the iPad chooses from (hand-over mode): every one but staff's. */
export const STORYTELLER_ROLES = ROLES.filter(
  (role): role is Exclude<Role, 'staff-on-behalf'> => role !== 'staff-on-behalf',
);

// Draft fields: a damaged or missing field falls back to its default instead of losing the whole
// draft, because a half-told story must survive an old shape or a bad write. Text is never trimmed.
const text = () => z.catch(z.string(), '');
const maybeText = () => z.catch(z.optional(z.string()), undefined);
const flag = () => z.catch(z.boolean(), false);

export const DraftServiceSchema = z.object({
  nacs: maybeText(),
  name: text(),
  /** Where it is (its site, else its organisation), kept when chosen: the name is read with it. */
  place: maybeText(),
  postcode: maybeText(),
  typedByHand: z.catch(z.optional(z.boolean()), undefined),
});
export type DraftService = z.infer<typeof DraftServiceSchema>;

export const DraftAuthorSchema = z.object({
  username: text(),
  email: text(),
  noEmail: flag(),
  postcode: text(),
  role: z.catch(RoleSchema, 'patient'),
  /** "Who is telling the story" was chosen by a person (not the default): hand-over mode asks for it. */
  roleChosen: z.catch(z.optional(z.boolean()), undefined),
  ageGroup: maybeText(),
});
export type DraftAuthor = z.infer<typeof DraftAuthorSchema>;

export const DraftConsentSchema = z.object({
  publish: flag(),
  givenAt: maybeText(),
  recordedBy: maybeText(),
  /** When consent given earlier was cleared by an edit (so the screen can say why); gone once given again. */
  clearedAt: maybeText(),
});
export type DraftConsent = z.infer<typeof DraftConsentSchema>;

export const DraftSchema = z.object({
  id: maybeText(),
  title: text(),
  body: text(),
  whatWasGood: text(),
  whatCouldBeDifferent: text(),
  services: z.catch(z.array(DraftServiceSchema), () => []),
  author: z.catch(DraftAuthorSchema, () => DraftAuthorSchema.parse({})),
  consent: z.catch(DraftConsentSchema, () => DraftConsentSchema.parse({})),
  focusTheme: maybeText(),
  collectedAt: maybeText(),
  /** The step the draft was left on (an older draft's step past the end opens on the last one). */
  step: z.catch(
    z.pipe(
      z.int(),
      z.transform((n): number => storedStep(n)),
    ),
    0,
  ),
});
export type Draft = z.infer<typeof DraftSchema>;

/** A stored or passed-in draft, read leniently: anything that is not an object reads as an empty draft. */
export function readDraft(raw: unknown): Draft {
  const parsed = DraftSchema.safeParse(raw);
  return parsed.success ? parsed.data : DraftSchema.parse({});
}

export type NewDraftDefaults = { role?: Role; focusTheme?: string };

/** A fresh draft: collected now, "Who is telling the story" patient, the session's focus theme if any. */
export function newDraft(id: string, now: Date | number, defaults: NewDraftDefaults = {}): Draft {
  const theme = defaults.focusTheme?.trim();
  return DraftSchema.parse({
    id,
    collectedAt: new Date(now).toISOString(),
    author: { role: defaults.role ?? 'patient' },
    ...(theme ? { focusTheme: theme } : {}),
  });
}
