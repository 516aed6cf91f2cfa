import type { Messages } from '../en-GB/index.ts';
import { formatFor } from '../language.ts';

export const format = formatFor('cy');

export const common: Messages['common'] = {
  appName: 'Casglwr Straeon',
  languageLabel: 'Language / Iaith',
  english: 'English',
  welsh: 'Cymraeg',
  displayNotSaved: 'Nid oedd modd cadw’r dewis hwn ar y ddyfais hon. Rhowch gynnig arall arni.',
};
