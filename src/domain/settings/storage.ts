// The device's storage state as Home shows it (PLATFORM.md: never block work on it); worded by
// words/storageWords.ts.

export type StorageStatus = {
  persisted: boolean | 'unknown';
  usedBytes?: number;
  quotaBytes?: number;
};
