// Message catalogues, split by screen: the Lock screen's English words (en-GB/lockScreen.ts) are in
// the first download; every other word, and Welsh, load with import() — the lock's words first
// (loadLockMessages), the rest behind the Lock screen (loadMessages). The whole English catalogue is
// imported from './en-GB/index.ts' by path (a value re-export here would put it in the first download).
import type { Messages } from './en-GB/index.ts';
import { enGBLock, type LockMessages } from './en-GB/lockScreen.ts';
import type { Language } from './language.ts';

// The wording of each area's codes, beside the catalogues: named here as this folder's surface, and
// imported by path. Only their types are re-exported: this loader is in the first download, and a
// value re-export would put the screens' lazy wording there too (+2.0 kB gzip when tried).
export type * from './directoryWords.ts';
export type * from './fieldWords.ts';
export type * from './handOffWords.ts';
export * from './language.ts';
export type * from './lockWords.ts';
export type * from './sendWords.ts';
export type * from './settingsWords.ts';
export type * from './storageWords.ts';
export type * from './storyWords.ts';
export { enGBLock, type LockMessages, type Messages };

/** The whole catalogue of `language`: every screen's words. */
export async function loadMessages(language: Language): Promise<Messages> {
  if (language === 'cy') return (await import('./cy/index.ts')).cy;
  return (await import('./en-GB/index.ts')).enGB;
}

/** The Lock screen's words of `language`: English's are already here, Welsh's a small chunk. */
export async function loadLockMessages(language: Language): Promise<LockMessages> {
  if (language === 'cy') return (await import('./cy/lockScreen.ts')).cyLock;
  return enGBLock;
}
