// A collecting session: who is collecting on this shared iPad right now (name, role), the services of
// this session (pinned first in the picker) and an optional focus theme. Staff data, not storyteller
// data, but sealed like settings. This module owns the one rule for when a session ends: on "End
// session", at local midnight, or after Settings' long idle (hours) — never because the app locked.
import * as z from 'zod/mini';
import type { GuideSettings } from '../story/steps.ts';

const text = () => z.catch(z.string(), '');
const time = () => z.catch(z.number(), 0);
const maybe = <T extends z.ZodMiniType>(schema: T) => z.catch(z.optional(schema), undefined);

/** A chosen service, the shape of a draft's (story.ts), kept here so Home does not load the story schemas. */
const SessionServiceSchema = z.object({
  nacs: maybe(z.string()),
  name: text(),
  place: maybe(z.string()),
  postcode: maybe(z.string()),
  typedByHand: maybe(z.boolean()),
});

export const CollectingSessionSchema = z.object({
  name: text(),
  role: text(),
  services: z.catch(z.array(SessionServiceSchema), () => []),
  theme: text(),
  startedAt: time(),
  /** Local midnight after the start: the session never outlives the day. */
  endsAt: time(),
  /** The last sign of life of a page with this session open (used, hidden, locked). */
  activeAt: time(),
});
export type CollectingSession = z.infer<typeof CollectingSessionSchema>;

/** What "Start collecting" asks for. */
export type SessionInput = Pick<CollectingSession, 'name' | 'role' | 'services' | 'theme'>;

export type SessionStart = { ok: true; session: CollectingSession } | { ok: false; missing: 'name' };

const clean = (value: string) => value.trim().replace(/\s+/g, ' ');

/** The first local midnight after `now` (DST-safe: by calendar date, not by adding 24 hours). */
export function nextLocalMidnight(now: number): number {
  const day = new Date(now);
  return new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1).getTime();
}

/** A new session from what was typed; a name is required (it is who recorded consent). */
export function startSession(input: SessionInput, now: number): SessionStart {
  const name = clean(input.name);
  if (name === '') return { ok: false, missing: 'name' };
  const session = {
    name,
    role: clean(input.role),
    services: input.services.filter((s) => s.name.trim() !== ''),
    theme: clean(input.theme),
    startedAt: now,
    endsAt: nextLocalMidnight(now),
    activeAt: now,
  };
  return { ok: true, session };
}

/** A stored session read leniently; one with no name or no times is no session. */
export function readSession(raw: unknown): CollectingSession | null {
  const parsed = CollectingSessionSchema.safeParse(raw);
  if (!parsed.success) return null;
  const session = parsed.data;
  if (session.name === '' || session.startedAt <= 0 || session.endsAt <= session.startedAt) return null;
  return session;
}

/** Why a session is over. `ended`: "End session" was tapped. */
export type SessionEnd = 'midnight' | 'idle' | 'ended';

export type SessionFacts = {
  now: number;
  /** Settings' long idle (sessionIdleHours): this long with no sign of life ends the session. */
  idleMs: number;
  /** "End session" was tapped. */
  ended?: boolean | undefined;
};

/**
 * The one rule for when a session ends: on "End session"; at local midnight; or after the long idle
 * (Settings, default 2 hours) since its last sign of life. A lock — by "Lock", the idle minutes or the
 * page hidden — is not an end: the same nurse unlocks and carries on through the shift.
 */
export function sessionEnd(session: CollectingSession, facts: SessionFacts): SessionEnd | null {
  if (facts.ended) return 'ended';
  if (facts.now >= session.endsAt || facts.now < session.startedAt) return 'midnight';
  return facts.now - session.activeAt >= facts.idleMs ? 'idle' : null;
}

/** After midnight or the long idle the next unlock asks "Still Sam…?"; after "End session" it does not. */
export function asksToCarryOn(end: SessionEnd): boolean {
  return end !== 'ended';
}

/** "Carry on": the same person, role, services and theme, as a session starting now (until the next midnight). */
export function carryOn(previous: CollectingSession, now: number): SessionStart {
  const { name, role, services, theme } = previous;
  return startSession({ name, role, services, theme }, now);
}

/** Who recorded consent: the session's name, or the organisation-wide fallback. */
export function recordedByOf(session: CollectingSession | null, fallback: string): string {
  return session?.name.trim() || fallback;
}

type ServiceKey = { nacs?: string | undefined; name: string };
const keyOf = (s: ServiceKey) => s.nacs ?? `typed:${s.name.trim().toLowerCase()}`;

/** Services of this session first (in the session's order), then the rest in the order they came. */
export function pinFirst<T>(
  results: readonly T[],
  pinned: readonly ServiceKey[],
  serviceOf: (item: T) => ServiceKey,
): T[] {
  const order = new Map(pinned.map((s, i) => [keyOf(s), i]));
  const rank = (item: T) => order.get(keyOf(serviceOf(item))) ?? Number.POSITIVE_INFINITY;
  return results
    .map((item, index) => ({ item, index }))
    .sort((a, b) => rank(a.item) - rank(b.item) || a.index - b.index)
    .map(({ item }) => item);
}

/** The session's services not chosen yet (offered with one tap before anything is typed). */
export function notChosenYet<T extends ServiceKey>(pinned: readonly T[], chosen: readonly ServiceKey[]): T[] {
  const taken = new Set(chosen.map(keyOf));
  return pinned.filter((s) => !taken.has(keyOf(s)));
}

/**
 * What the introduction and closing scripts say: the session's name, role, theme and (when it has just
 * one) service; the organisation's name from Settings. A story's own focus theme wins over the session's.
 */
export function guideOf(
  session: CollectingSession | null,
  organisation: string,
  storyTheme?: string,
): GuideSettings {
  const only = session?.services.length === 1 ? session.services[0]?.name : undefined;
  return {
    staffName: session?.name ?? '',
    staffRole: session?.role ?? '',
    serviceName: only ?? '',
    organisation,
    focusTheme: storyTheme ?? session?.theme ?? '',
  };
}
