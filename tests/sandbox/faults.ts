// Seeded faults for /api/v2 (never /__sandbox): 5xx answers, commit-then-drop, hanging requests,
// answers cut off mid-body (stored, then the connection dies after the status), empty 201s (stored,
// no body at all), extra 429s and added latency. Each request draws the same three numbers, so a run replays exactly.
import { z } from 'zod';
import { createRandom, type Random } from './prng.ts';

const Share = z.number().min(0).max(1);

export const FaultsSchema = z
  .strictObject({
    error5xx: Share.optional(),
    commitThenDrop: Share.optional(),
    cutOffAnswer: Share.optional(),
    emptyAnswer: Share.optional(),
    hang: Share.optional(),
    rate429: Share.optional(),
    latencyMs: z
      .tuple([z.int().min(0).max(60_000), z.int().min(0).max(60_000)])
      .refine(([min, max]) => min <= max, 'latencyMs is [min, max] with min <= max')
      .optional(),
    seed: z.int().optional(),
  })
  .refine(
    (f) =>
      (f.error5xx ?? 0) +
        (f.commitThenDrop ?? 0) +
        (f.cutOffAnswer ?? 0) +
        (f.emptyAnswer ?? 0) +
        (f.hang ?? 0) +
        (f.rate429 ?? 0) <=
      1,
    'the shares add up to more than 1',
  );

export type Faults = z.infer<typeof FaultsSchema>;

export type FaultKind =
  | 'none'
  | 'error5xx'
  | 'rate429'
  | 'hang'
  | 'commitThenDrop'
  | 'cutOffAnswer'
  | 'emptyAnswer';

export type FaultDraw = {
  kind: FaultKind;
  latencyMs: number;
  /** For error5xx: which status, and for a 503 sometimes a Retry-After in seconds. */
  status: 500 | 502 | 503;
  retryAfter?: number;
};

export type FaultSource = {
  get(): Faults;
  set(faults: Faults): void;
  draw(): FaultDraw;
};

function pickKind(faults: Faults, roll: number): FaultKind {
  const order: [FaultKind, number | undefined][] = [
    ['error5xx', faults.error5xx],
    ['rate429', faults.rate429],
    ['hang', faults.hang],
    ['commitThenDrop', faults.commitThenDrop],
    ['cutOffAnswer', faults.cutOffAnswer],
    ['emptyAnswer', faults.emptyAnswer],
  ];
  let rest = roll;
  for (const [kind, share] of order) {
    rest -= share ?? 0;
    if (rest < 0) return kind;
  }
  return 'none';
}

function drawWith(faults: Faults, random: Random): FaultDraw {
  const kindRoll = random();
  const latencyRoll = random();
  const statusRoll = random();
  const [min, max] = faults.latencyMs ?? [0, 0];
  const status = statusRoll < 0.4 ? 503 : statusRoll < 0.7 ? 500 : 502;
  const draw: FaultDraw = {
    kind: pickKind(faults, kindRoll),
    latencyMs: min + Math.floor(latencyRoll * (max - min + 1)),
    status,
  };
  if (status === 503 && statusRoll < 0.2) draw.retryAfter = 1 + Math.floor(statusRoll * 10);
  return draw;
}

/** With no seed in the faults, draws come from `fallback` (the sandbox's own random source). */
export function createFaultSource(initial: Faults, fallback: Random): FaultSource {
  let current: Faults = initial;
  let random: Random = initial.seed === undefined ? fallback : createRandom(initial.seed);
  return {
    get: () => current,
    set(faults) {
      current = faults;
      random = faults.seed === undefined ? fallback : createRandom(faults.seed);
    },
    draw: () => drawWith(current, random),
  };
}
