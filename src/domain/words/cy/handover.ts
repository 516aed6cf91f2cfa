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
  progress: (number: number, of: number) => `Cwestiwn ${format.number(number)} o ${format.number(of)}`,
  whoLegend: 'Pwy sy’n adrodd y stori?',
  whoHint: 'Dewiswch yr un sy’n eich disgrifio orau.',
  roles: {
    patient: 'Fi yw’r claf neu’r defnyddiwr gwasanaeth',
    carer: 'Rwy’n ofalwr',
    parent: 'Rwy’n rhiant neu’n warcheidwad',
    relative: 'Rwy’n perthyn i’r claf',
    friend: 'Rwy’n ffrind',
  },
  stepProblems: {
    'choose-who': 'Dewiswch pwy sy’n adrodd y stori: chi, fel y claf, gofalwr, rhiant, perthynas neu ffrind.',
  },
  noEmailNote:
    'Bydd aelod o staff yn postio eich stori ar eich rhan. Ni chewch e-bost pan gaiff ei chyhoeddi neu pan ddaw ateb.',
  noEmailReadBack: 'Dim cyfeiriad e-bost',
  consentCleared:
    'Cafodd eich caniatâd ei glirio oherwydd i’r stori newid ar ôl i chi ei roi. Os ydych yn dal yn hapus, ticiwch y blwch eto.',
  noConsentNoSending:
    'Dim ond gyda’ch caniatâd y caiff eich stori ei hanfon. Gallwch ei thynnu’n ôl unrhyw bryd: gofynnwch i aelod o staff, neu cysylltwch â Care Opinion ar ôl ei chyhoeddi.',
};
