// Message catalogues: English (UK) is in the first download (the Lock screen needs words before
// anything else loads); Welsh loads on demand, only when chosen.
import { enGB, type Messages } from './en-GB/index.ts';
import type { Language } from './language.ts';

// The wording of each area's codes, beside the catalogues (screens import them directly, by path).
export * from './directoryWords.ts';
export * from './fieldWords.ts';
export * from './handOffWords.ts';
export * from './language.ts';
export * from './lockWords.ts';
export * from './sendWords.ts';
export * from './settingsWords.ts';
export * from './storageWords.ts';
export * from './storyWords.ts';
export { enGB, type Messages };

export async function loadMessages(language: Language): Promise<Messages> {
  if (language === 'cy') return (await import('./cy/index.ts')).cy;
  return enGB;
}
