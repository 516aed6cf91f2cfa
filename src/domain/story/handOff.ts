// Hand-off: where "Open Care Opinion" goes. The fields themselves, in the website's order and the
// paper form's, are worded beside the catalogues (words/handOffWords.ts).

import { tellYourStoryPage } from '../regions/regions.ts';
import type { Settings } from '../settings/settings.ts';
import type { Language } from '../words/language.ts';

/** Where "Open Care Opinion" goes: the organisation's invitation link, else the region's own page. */
export function handOffPage(
  settings: Pick<Settings, 'invitationLink' | 'region'>,
  language: Language = 'en-GB',
): string {
  return settings.invitationLink.trim() || tellYourStoryPage(settings.region, language);
}
