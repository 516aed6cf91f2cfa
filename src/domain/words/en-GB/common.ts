import { formatFor } from '../language.ts';

export const format = formatFor('en-GB');

/** Words every screen shares, and the language setting (named in both languages). */
export const common = {
  appName: 'Story Collector',
  languageLabel: 'Language / Iaith',
  english: 'English',
  welsh: 'Cymraeg',
  startFailed:
    'Story Collector could not open its storage on this device. Close the app completely and open it again. Stories already saved stay on the device.',
  displayNotSaved: 'This choice could not be saved on this device. Please try again.',
  /** The one error handler's banner (src/app/errors.ts). */
  somethingWrong: 'Something went wrong; nothing is lost.',
  dismiss: 'Dismiss',
};
