// How the device's storage state is put into words on Home (PLATFORM.md: never block work on it).
export type StorageStatus = {
  persisted: boolean | 'unknown';
  usedBytes?: number;
  quotaBytes?: number;
};

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

export function describeStorage(status: StorageStatus): { protection: string; usage: string | null } {
  const protection =
    status.persisted === true
      ? 'Storage: protected (the browser will not clear it on its own)'
      : status.persisted === false
        ? 'Storage: best effort (the browser may clear it if the device runs short of space)'
        : 'Storage: unknown';
  const usage =
    status.usedBytes === undefined || status.quotaBytes === undefined
      ? null
      : `${formatBytes(status.usedBytes)} used of ${formatBytes(status.quotaBytes)} available`;
  return { protection, usage };
}
