// Counters for benchmarks and tests: answers by status, stories stored, duplicates prevented.

export type Stats = {
  requests: Record<string, number>;
  stored: number;
  duplicatesPrevented: number;
  conflicts: number;
  dropped: number;
  hung: number;
};

export function createStats(): Stats {
  return { requests: {}, stored: 0, duplicatesPrevented: 0, conflicts: 0, dropped: 0, hung: 0 };
}

export function countAnswer(stats: Stats, status: number): void {
  const key = String(status);
  stats.requests[key] = (stats.requests[key] ?? 0) + 1;
}
