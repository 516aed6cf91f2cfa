import type { Messages } from '../en-GB/index.ts';
import { format } from './common.ts';

// A numeral takes the singular noun in every plural category: "3 o 40 stori", never "40 o straeon".
const stories = (n: number) => format.plural(n, { other: '{n} stori' });

export const numbers: Messages['numbers'] = {
  sentThisSession: (n: number) =>
    format.plural(n, {
      one: '{n} wedi’i hanfon yn y sesiwn hon',
      other: '{n} wedi’u hanfon yn y sesiwn hon',
    }),
  today: (collected: number, waiting: number, sent: number) =>
    `Heddiw: ${format.number(collected)} wedi’u casglu · ${format.number(waiting)} yn aros · ${format.number(sent)} wedi’u hanfon`,
  lockWaiting: (n: number) =>
    format.plural(n, { other: '{n} stori yn aros i’w hanfon — datglowch i’w hanfon' }),
  lockKept: 'Caiff straeon eraill eu cadw’n ddiogel ar y ddyfais hon nes eu bod wedi’u gorffen.',
  lockUnknown:
    'Efallai fod straeon yn aros ar y ddyfais hon. Cânt eu cadw’n ddiogel nes iddynt gael eu hanfon.',
  shareTitle: 'Wedi’u postio ar ran rhywun',
  shareCount: (onBehalf: number, all: number, percent: string | null) =>
    percent === null
      ? `${format.number(onBehalf)} o ${stories(all)}`
      : `${format.number(onBehalf)} o ${stories(all)} (${percent})`,
  shareLine: (month: string, allTime: string, target: string) =>
    `Wedi’u postio ar ran rhywun: y mis hwn ${month}; ers y dechrau ${allTime}. Targed: llai na ${target}.`,
  shareOver: 'Dros y targed y mis hwn.',
  shareTry: 'Cyn postio ar ran rhywun, rhowch gynnig ar:',
};
