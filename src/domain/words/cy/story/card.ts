// Cerdyn adroddwr y stori yn Gymraeg: yr un allweddi â'r catalog Saesneg (en-GB/card.ts).
import type { Messages } from '../../en-GB/index.ts';
import { format } from '../common.ts';

export const card: Messages['card'] = {
  title: 'Cerdyn eich stori',
  intro:
    'Tynnwch lun o’r cerdyn hwn, neu ofynnwch am gopi wedi’i argraffu. Nid oes cyfeiriad e-bost na chod post arno.',
  username: 'Eich enw defnyddiwr',
  date: 'Dyddiad',
  dateValue: (ms: number) => format.date(ms),
  services: 'Gwasanaethau',
  nextTitle: 'Beth sy’n digwydd nesaf',
  withdrawTitle: 'Wedi newid eich meddwl?',
  withdraw: (site: string) =>
    `Gallwch dynnu eich stori’n ôl unrhyw bryd. Ewch i ${site} (sganiwch y cod), cysylltwch â Care Opinion a rhowch eich enw defnyddiwr a’r dyddiad iddyn nhw.`,
  qrLabel: (address: string) => `Cod QR ar gyfer ${address}`,
  print: 'Argraffu’r cerdyn hwn',
};
