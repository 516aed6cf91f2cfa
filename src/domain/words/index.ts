// Message catalogues: English (UK) is in the first download (the Lock screen needs words before
// anything else loads); Welsh loads on demand, only when chosen.
import { enGB, type Messages } from './en-GB/index.ts';
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
export { enGB, type Messages };

export async function loadMessages(language: Language): Promise<Messages> {
  if (language === 'cy') return (await import('./cy/index.ts')).cy;
  return enGB;
}
