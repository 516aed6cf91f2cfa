// What an iPad tells its relay it holds (issue 26): numbers only. Strict, so a field that could carry
// a title, a name or a story's words is refused (unknown fields are an error, not dropped), and the
// one string besides the time — the app's version — is limited to a short version's characters.
import * as z from 'zod/mini';

const count = () => z.int().check(z.minimum(0), z.maximum(Number.MAX_SAFE_INTEGER));

/** A short version string: letters, digits, `.`, `-`, `+`, `_`; 1 to 64 of them. */
export const APP_VERSION = /^[A-Za-z0-9.+_-]{1,64}$/;

export const DeviceStatusSchema = z.strictObject({
  waiting: count(),
  needsAttention: count(),
  readyToPost: count(),
  drafts: count(),
  /** When the oldest story still waiting to be sent was queued (ISO 8601), or null with none waiting. */
  oldestWaitingAt: z.nullable(z.iso.datetime({ offset: true })),
  appVersion: z.string().check(z.regex(APP_VERSION)),
  storage: z.strictObject({
    persisted: z.boolean(),
    usedBytes: count(),
    quotaBytes: count(),
  }),
});
export type DeviceStatus = z.infer<typeof DeviceStatusSchema>;
