// How the device's storage state is put into words on Home (PLATFORM.md: never block work on it).
import type { StorageStatus } from '../settings/storage.ts';
import type { Messages } from './index.ts';

export function formatBytes(bytes: number, t: Messages): string {
  if (bytes < 1024) return `${t.format.number(bytes)} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = value < 10 ? 1 : 0;
  const number = new Intl.NumberFormat(t.format.language, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return `${number.format(value)} ${units[unit]}`;
}

export function describeStorage(
  status: StorageStatus,
  t: Messages,
): { protection: string; usage: string | null } {
  const words = t.home.storage;
  const protection =
    status.persisted === true
      ? words.protected
      : status.persisted === false
        ? words.bestEffort
        : words.unknown;
  const usage =
    status.usedBytes === undefined || status.quotaBytes === undefined
      ? null
      : words.usage(formatBytes(status.usedBytes, t), formatBytes(status.quotaBytes, t));
  return { protection, usage };
}
