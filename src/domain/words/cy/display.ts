import type { Messages } from '../en-GB/index.ts';
import { format } from './common.ts';

export const display: Messages['display'] = {
  title: 'Arddangos',
  theme: 'Thema',
  themeHint: 'Mae’r thema dywyll yn haws ar y llygaid ar ward yn ystod y nos.',
  themeSystem: 'Dilyn y system',
  themeLight: 'Golau',
  themeDark: 'Tywyll',
  textSize: 'Maint y testun',
  textSizeHint: 'Mae 100% yn dilyn maint testun yr iPad ei hun (Settings, Accessibility, Larger Text).',
  percent: (n: number) => format.percent(n / 100),
};
