import type { Messages } from '../en-GB/index.ts';
import { format } from './common.ts';

export const a11y: Messages['a11y'] = {
  required: 'gofynnol',
  optional: 'dewisol',
  errorSummaryTitle: 'Mae problem',
  errorPrefix: 'Gwall:',
  saved: 'Mae’r stori wedi’i chadw ar y ddyfais hon.',
  notSaved: 'Nid yw’r stori wedi’i chadw eto. Mae’n aros ar y sgrin a bydd yr ap yn ceisio ei chadw eto.',
  queued: 'Mae’r stori yn y ciw anfon. Caiff ei hanfon at Care Opinion ohoni’i hun pan fydd signal.',
  readyToPost: 'Mae’r stori yn barod i’w phostio ar wefan Care Opinion.',
  sent: 'Anfonwyd y stori at Care Opinion.',
  servicesFound: (n: number) =>
    n === 0
      ? 'Nid oes gwasanaeth yn cyfateb'
      : format.plural(n, {
          one: 'Daethpwyd o hyd i {n} gwasanaeth',
          two: 'Daethpwyd o hyd i {n} wasanaeth',
          few: 'Daethpwyd o hyd i {n} gwasanaeth',
          many: 'Daethpwyd o hyd i {n} gwasanaeth',
          other: 'Daethpwyd o hyd i {n} gwasanaeth',
        }),
  moreServicesFound: (n: number) =>
    `Daethpwyd o hyd i fwy na ${format.number(n)} gwasanaeth: teipiwch fwy o’r enw i gwtogi’r rhestr`,
};
