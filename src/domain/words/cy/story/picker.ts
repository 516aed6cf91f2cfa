// Dewis gwasanaeth: chwilio'r cyfeiriadur ar y ddyfais, y gwasanaethau a ddewiswyd, gwasanaeth a
// ychwanegwyd fel y'i teipiwyd, a nodiadau am gyflwr y cyfeiriadur.
import type { Messages } from '../../en-GB/index.ts';
import { format } from '../common.ts';

const services = (n: number) =>
  format.plural(n, {
    zero: '{n} gwasanaeth',
    one: '{n} gwasanaeth',
    two: '{n} wasanaeth',
    few: '{n} gwasanaeth',
    many: '{n} gwasanaeth',
    other: '{n} o wasanaethau',
  });

export const picker: Messages['picker'] = {
  findLabel: 'Dod o hyd i wasanaeth',
  findHint:
    'Teipiwch ran o enw’r gwasanaeth, ac o enw’r ysbyty neu’r sefydliad os hoffech chi, mewn unrhyw drefn. Defnyddiwch y bysellau saeth ac Enter, neu dapiwch ganlyniad.',
  found: 'Gwasanaethau a ganfuwyd',
  moreMatch: 'Mae rhagor o wasanaethau’n cyfateb: teipiwch fwy o’r enw i gulhau’r rhestr.',
  noneChosen: 'Nid oes gwasanaeth wedi’i ddewis eto.',
  chosen: 'Gwasanaethau a ddewiswyd',
  typedByHand: 'Wedi’i deipio â llaw: efallai na fydd Care Opinion yn gallu ei gyfeirio.',
  remove: 'Tynnu',
  removeNamed: (name: string) => `Tynnu ${name}`,
  noMatch: 'Nid oes gwasanaeth ar y ddyfais hon yn cyfateb.',
  notInList:
    'Os nad yw’r gwasanaeth yn y rhestr, gallwch ei ychwanegu fel y’i teipiwyd. Efallai na fydd Care Opinion yn gallu anfon stori am wasanaeth a deipiwyd â llaw at y bobl iawn.',
  addTyped: (typed: string) => `Ychwanegu “${typed}” fel y’i teipiwyd`,

  downloading: (fetched: number | null) =>
    `Mae’r cyfeiriadur gwasanaethau’n cael ei lwytho i lawr i’r ddyfais hon${fetched === null ? '' : ` (${services(fetched)} hyd yma)`}. Bydd chwilio’n gweithio pan fydd wedi gorffen.`,
  opening: (count: number) =>
    `Yn agor y cyfeiriadur gwasanaethau sydd wedi’i storio ar y ddyfais hon (${services(count)})… Bydd chwilio’n gweithio mewn eiliad.`,
  noDirectoryBefore:
    'Nid oes cyfeiriadur gwasanaethau wedi’i storio ar y ddyfais hon eto, felly ni fydd chwilio’n dod o hyd i unrhyw beth. Ewch i’r',
  settings: 'Gosodiadau',
  noDirectoryAfter: 'a defnyddiwch “Adnewyddu’r cyfeiriadur gwasanaethau” tra bo signal.',
};
