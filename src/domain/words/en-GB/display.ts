import { format } from './common.ts';

/** Settings' "Theme" and "Text size" (how this iPad shows the app). */
export const display = {
  title: 'Display',
  theme: 'Theme',
  themeHint: 'Dark is easier on the eyes on a ward at night.',
  themeSystem: 'Following the system',
  themeLight: 'Light',
  themeDark: 'Dark',
  textSize: 'Text size',
  textSizeHint: '100% follows the iPad’s own text size (Settings, Accessibility, Larger Text).',
  /** A text size: 125 → "125%". */
  percent: (n: number) => format.percent(n / 100),
};
