import { formatFor } from '../language.ts';

export const format = formatFor('en-GB');

/** Words every screen shares, and the language setting (named in both languages). */
export const common = {
  appName: 'Story Collector',
  languageLabel: 'Language / Iaith',
  english: 'English',
  welsh: 'Cymraeg',
  displayNotSaved: 'This choice could not be saved on this device. Please try again.',
};
