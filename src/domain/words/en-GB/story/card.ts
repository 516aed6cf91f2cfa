// The storyteller's card, shown after "Send to Care Opinion" to photograph or print: their username,
// the date, the services, what happens next and how to withdraw. Never their email or postcode.
import { format } from '../common.ts';

export const card = {
  title: 'Your story card',
  intro: 'Take a photo of this card, or ask for a printed copy. It has no email address or postcode on it.',
  username: 'Your username',
  date: 'Date',
  dateValue: (ms: number) => format.date(ms),
  services: 'About',
  nextTitle: 'What happens next',
  withdrawTitle: 'Changed your mind?',
  withdraw: (site: string) =>
    `You can withdraw your story at any time. Go to ${site} (scan the code), contact Care Opinion and give them your username and the date.`,
  qrLabel: (address: string) => `QR code for ${address}`,
  print: 'Print this card',
};
