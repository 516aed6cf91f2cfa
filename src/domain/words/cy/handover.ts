import type { Messages } from '../en-GB/index.ts';
import { format } from './common.ts';

export const handover: Messages['handover'] = {
  handTo: 'Rhoi’r iPad i adroddwr y stori',
  giveBack: 'Rhoi’n ôl i’r staff',
  title: 'Eich stori',
  intro:
    'Diolch am sôn wrthym am eich profiad. Cymerwch eich amser: mae popeth rydych yn ei deipio yn cael ei gadw ar yr iPad hwn wrth i chi fynd. Defnyddiwch Nesaf ac Yn ôl i symud rhwng y cwestiynau, a rhowch yr iPad yn ôl pan fyddwch wedi gorffen.',
  giveBackTitle: 'Staff: teipiwch eich PIN i gymryd yr iPad yn ôl',
  pinLabel: 'PIN',
  confirm: 'Dychwelyd i’r staff',
  cancel: 'Parhau',
  checking: 'Yn gwirio’r PIN…',
  stillThere: 'Ydych chi yno o hyd?',
  // Welsh keeps the noun singular after a number: "30 eiliad", "1 eiliad".
  idleWarning: (seconds: number) =>
    `I gadw straeon yn breifat, bydd Casglwr Straeon yn cloi ymhen ${format.unit(seconds, 'second', { other: '{n} eiliad' })}. Mae popeth a deipiwyd yn cael ei gadw.`,
  keepOpen: 'Cadw ar agor',
  usernameHint: 'Unrhyw beth ond eich enw go iawn, fel “rugbyfan33”. Caiff ei gyhoeddi gyda’ch stori.',
  postcodeOffer: 'Os nad oes gennych god post, gallwch ddefnyddio cod post y gwasanaeth yn lle hynny.',
  consentLabel: 'Rwy’n rhoi fy nghaniatâd i’m stori gael ei chyhoeddi ar Care Opinion',
};
