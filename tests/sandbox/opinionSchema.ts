// The story submission contract's body (API.md), checked field by field so a 422 can name the
// dotted path the app should show: `author.postcode`, `consent.publish`, `healthservices.0.name`.
import { z } from 'zod';

// Checked, never transformed: the stored story is exactly what was sent.
const Text = z.string().refine((text) => text.trim().length > 0, 'Required');
const Timestamp = z.iso.datetime({ offset: true, message: 'Expected an ISO 8601 date and time' });
const UK_POSTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/i;

export const ROLES = ['patient', 'carer', 'parent', 'relative', 'friend', 'staff-on-behalf'] as const;

export const OpinionSchema = z
  .strictObject({
    title: Text.refine((text) => text.length <= 200, 'At most 200 characters'),
    body: Text,
    whatWasGood: z.string().optional(),
    whatCouldBeDifferent: z.string().optional(),
    healthservices: z
      .array(z.strictObject({ nacs: Text.optional(), name: Text }))
      .min(1, 'Name at least one service'),
    author: z.strictObject({
      // `reject-me` lets a person or a test see "Needs attention" on purpose (API.md).
      username: Text.refine(
        (name) => !name.toLowerCase().includes('reject-me'),
        'This username is not accepted',
      ),
      email: z.email('Not an email address').nullable(),
      postcode: z.string().regex(UK_POSTCODE, 'Not a UK postcode'),
      role: z.enum(ROLES),
      ageGroup: z.string().optional(),
    }),
    postedOnBehalf: z.boolean(),
    consent: z.strictObject({
      publish: z.literal(true, 'Consent to publish is required'),
      givenAt: Timestamp,
      recordedBy: Text,
    }),
    focusTheme: z.string().optional(),
    collectedAt: Timestamp,
    submissionRoute: Text,
  })
  .superRefine((story, ctx) => {
    if (story.postedOnBehalf && story.author.email !== null) {
      ctx.addIssue({
        code: 'custom',
        path: ['author', 'email'],
        message: 'Must be null when posted on behalf',
      });
    }
    if (!story.postedOnBehalf && story.author.email === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['author', 'email'],
        message: 'Required unless posted on behalf',
      });
    }
  });

export type Opinion = z.infer<typeof OpinionSchema>;

export type FieldError = { field: string; message: string };

export type OpinionCheck = { ok: true; opinion: Opinion } | { ok: false; errors: FieldError[] };

function toFieldErrors(issues: z.core.$ZodIssue[]): FieldError[] {
  return issues.flatMap((issue) => {
    const base = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: [...base, key].join('.'), message: 'Unknown field' }));
    }
    return [{ field: base.join('.') || '(body)', message: issue.message }];
  });
}

export function checkOpinion(value: unknown): OpinionCheck {
  const result = OpinionSchema.safeParse(value);
  if (result.success) return { ok: true, opinion: result.data };
  return { ok: false, errors: toFieldErrors(result.error.issues) };
}
