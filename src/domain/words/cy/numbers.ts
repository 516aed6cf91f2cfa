import type { Messages } from '../en-GB/index.ts';
import { format } from './common.ts';

const stories = (n: number) =>
  format.plural(n, {
    one: '{n} stori',
    two: '{n} stori',
    few: '{n} stori',
    many: '{n} stori',
    other: '{n} o straeon',
  });

export const numbers: Messages['numbers'] = {
  sentThisSession: (n: number) =>
    format.plural(n, {
      one: '{n} wedi’i hanfon yn y sesiwn hon',
      other: '{n} wedi’u hanfon yn y sesiwn hon',
    }),
  today: (collected: number, waiting: number, sent: number) =>
    `Heddiw: ${format.number(collected)} wedi’u casglu · ${format.number(waiting)} yn aros · ${format.number(sent)} wedi’u hanfon`,
  lockWaiting: (n: number) =>
    format.plural(n, {
      one: '{n} stori yn aros i’w hanfon — datglowch i’w hanfon',
      two: '{n} stori yn aros i’w hanfon — datglowch i’w hanfon',
      few: '{n} stori yn aros i’w hanfon — datglowch i’w hanfon',
      many: '{n} stori yn aros i’w hanfon — datglowch i’w hanfon',
      other: '{n} o straeon yn aros i’w hanfon — datglowch i’w hanfon',
    }),
  lockKept: 'Caiff straeon eraill eu cadw’n ddiogel ar y ddyfais hon nes eu bod wedi’u gorffen.',
  lockUnknown:
    'Efallai fod straeon yn aros ar y ddyfais hon. Cânt eu cadw’n ddiogel nes iddynt gael eu hanfon.',
  shareTitle: 'Wedi’u postio ar ran rhywun',
  shareCount: (onBehalf: number, all: number, percent: string | null) =>
    percent === null
      ? `${format.number(onBehalf)} o ${stories(all)}`
      : `${format.number(onBehalf)} o ${stories(all)} (${percent})`,
  shareLine: (month: string, allTime: string, target: string) =>
    `Wedi’u postio ar ran rhywun: y mis hwn ${month}; erioed ${allTime}. Targed: llai na ${target}.`,
  shareOver: 'Dros y targed y mis hwn.',
  shareTry: 'Cyn postio ar ran rhywun, rhowch gynnig ar:',
};
