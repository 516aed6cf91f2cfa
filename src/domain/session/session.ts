// A collecting session: who is collecting on this shared iPad right now (name, role), the services of
// this session (pinned first in the picker) and an optional focus theme. Staff data, not storyteller
// data, but sealed like settings. This module owns the one rule for when a session ends: at local
// midnight, or when the lock rules (Settings' idle minutes, hidden for over a minute) would lock the app.
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
  /** The last sign of life of a page with this session open, and whether it was hidden then. */
  activeAt: time(),
  hidden: z.catch(z.boolean(), false),
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
    hidden: false,
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
export type SessionEnd = 'midnight' | 'idle' | 'hidden' | 'ended';

export type SessionFacts = {
  now: number;
  /** Settings' auto-lock time. */
  idleMs: number;
  /** Hidden for longer than this locks the app (the lock rules). */
  hiddenMs: number;
  /** The app just locked, and why ('manual': the "Lock" button — the same person comes back). */
  lock?: 'idle' | 'hidden' | 'manual' | 'ended' | undefined;
};

/**
 * The one rule for when a session ends: at local midnight; when the app locks by its lock rules
 * (idle, or hidden too long) or "End session"; and, for a session found by a new page (after a
 * reload, a crash, or the iPad closing the app), when the time since its last sign of life would
 * have locked it. A tap on "Lock" does not end it: whoever tapped it means to come back.
 */
export function sessionEnd(session: CollectingSession, facts: SessionFacts): SessionEnd | null {
  if (facts.now >= session.endsAt || facts.now < session.startedAt) return 'midnight';
  if (facts.lock === 'idle' || facts.lock === 'hidden' || facts.lock === 'ended') return facts.lock;
  if (facts.lock === 'manual') return null;
  const quiet = facts.now - session.activeAt;
  if (session.hidden) return quiet > facts.hiddenMs ? 'hidden' : null;
  return quiet >= facts.idleMs ? 'idle' : null;
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
