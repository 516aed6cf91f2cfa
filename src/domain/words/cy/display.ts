import type { Messages } from '../en-GB/index.ts';
import { format } from './common.ts';

export const display: Messages['display'] = {
  title: 'Arddangos',
  theme: 'Thema',
  themeHint: 'Mae tywyll yn haws ar y llygaid ar ward yn y nos.',
  themeSystem: 'Dilyn y system',
  themeLight: 'Golau',
  themeDark: 'Tywyll',
  textSize: 'Maint y testun',
  textSizeHint: 'Mae 100% yn dilyn maint testun yr iPad ei hun (Gosodiadau, Hygyrchedd, Testun Mwy).',
  percent: (n: number) => format.percent(n / 100),
};
