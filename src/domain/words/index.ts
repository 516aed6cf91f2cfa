// Message catalogues: English (UK) is in the first download (the Lock screen needs words before
// anything else loads); Welsh loads on demand, only when chosen.
import { enGB, type Messages } from './en-GB/index.ts';
import type { Language } from './language.ts';

export * from './language.ts';
export { enGB, type Messages };

export async function loadMessages(language: Language): Promise<Messages> {
  if (language === 'cy') return (await import('./cy/index.ts')).cy;
  return enGB;
}
