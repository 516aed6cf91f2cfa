// The queued copy of a story: exactly the POST /opinions body in API.md (trimmed, consented,
// complete). Kept apart from the draft model so Home's bundle does not carry the postcode rules.
import * as z from 'zod/mini';
import { isEmail } from '../fields/email.ts';
import { isKnownPostcode } from '../fields/postcode.ts';
import { RoleSchema } from './story.ts';

// The queued copy. Strict objects: nothing the contract does not name (noEmail, typedByHand) leaks out.
const trimmed = () => z.string().check(z.trim(), z.minLength(1));
const maybeTrimmed = () => z.optional(trimmed());

export const HealthserviceSchema = z.strictObject({ nacs: maybeTrimmed(), name: trimmed() });
export type Healthservice = z.infer<typeof HealthserviceSchema>;

export const QueuedStorySchema = z
  .strictObject({
    title: trimmed(),
    body: trimmed(),
    whatWasGood: maybeTrimmed(),
    whatCouldBeDifferent: maybeTrimmed(),
    healthservices: z.array(HealthserviceSchema).check(z.minLength(1)),
    author: z.strictObject({
      username: trimmed(),
      email: z.nullable(z.string().check(z.trim(), z.refine(isEmail))),
      postcode: z.string().check(z.trim(), z.refine(isKnownPostcode)),
      role: RoleSchema,
      ageGroup: maybeTrimmed(),
    }),
    postedOnBehalf: z.boolean(),
    consent: z.strictObject({
      publish: z.literal(true),
      givenAt: z.iso.datetime(),
      recordedBy: trimmed(),
    }),
    focusTheme: maybeTrimmed(),
    collectedAt: z.iso.datetime(),
    submissionRoute: z.literal('assisted-offline-app'),
  })
  .check(
    z.refine((story) => (story.author.email === null) === story.postedOnBehalf, {
      message: 'The email is left out exactly when the story is posted on behalf.',
      path: ['author', 'email'],
    }),
  );
export type QueuedStory = z.infer<typeof QueuedStorySchema>;
