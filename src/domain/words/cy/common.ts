import type { Messages } from '../en-GB/index.ts';
import { formatFor } from '../language.ts';

export const format = formatFor('cy');

export const common: Messages['common'] = {
  appName: 'Casglwr Straeon',
  languageLabel: 'Language / Iaith',
  english: 'English',
  welsh: 'Cymraeg',
  startFailed:
    'Nid oedd Casglwr Straeon yn gallu agor ei storfa ar y ddyfais hon. Caewch yr ap yn llwyr a’i agor eto. Mae straeon sydd eisoes wedi’u cadw yn aros ar y ddyfais.',
  displayNotSaved: 'Nid oedd modd cadw’r dewis hwn ar y ddyfais hon. Rhowch gynnig arall arni.',
  somethingWrong: 'Aeth rhywbeth o’i le; does dim byd wedi’i golli.',
  dismiss: 'Cau',
};
