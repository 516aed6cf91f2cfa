// Trosglwyddo: postio stori ar wefan Care Opinion â llaw, maes wrth faes, cofnodi ei chyfeiriad
// neu ei rhif, a'i hargraffu ar gyfer y llwybr rhadbost.
import type { Messages } from '../../en-GB/index.ts';
import { format } from '../common.ts';

export const handoff: Messages['handoff'] = {
  intro:
    'Postiwch y stori hon ar wefan Care Opinion gydag adroddwr y stori: agorwch Care Opinion, yna copïwch bob maes isod i’r blwch y mae’r wefan yn gofyn amdano, yn y drefn hon.',
  openCareOpinion: 'Agor Care Opinion',
  noEmailReminder:
    'Nid oes cyfeiriad e-bost gan y stori hon: ar wefan Care Opinion, dewiswch “staff member posting for a patient/service user”.',

  fields: {
    title: 'Teitl',
    story: 'Stori',
    service: 'Gwasanaeth',
    serviceNumbered: (n: number) => `Gwasanaeth ${format.number(n)}`,
    role: 'Pwy sy’n adrodd y stori',
    ageGroup: 'Grŵp oedran',
    username: 'Enw defnyddiwr',
    postcode: 'Cod post',
    email: 'Cyfeiriad e-bost',
  },
  whatWasGood: (text: string) => `Beth oedd yn dda: ${text}`,
  whatCouldBeDifferent: (text: string) => `Beth allai fod wedi bod yn wahanol: ${text}`,
  copy: (field: string) => `Copïo ${field.toLowerCase()}`,
  copiedField: (field: string) => `Wedi copïo ${field.toLowerCase()}.`,
  copied: '✓ Wedi copïo',
  notCopied: 'Ni wnaeth y ddyfais hon ganiatáu copïo. Dewiswch y testun a’i gopïo yn lle hynny.',

  addressLabel: 'Cyfeiriad neu rif y stori ar Care Opinion',
  addressHint: (example) =>
    `Pan fydd Care Opinion yn dangos bod y stori wedi dod i law, copïwch ei chyfeiriad o’r porwr (er enghraifft ${example}) neu deipiwch ei rhif.`,
  posted: 'Rwyf wedi’i phostio',
  address: {
    empty: 'Gludwch gyfeiriad y stori ar Care Opinion, neu deipiwch ei rhif.',
    notCareOpinion:
      'Nid cyfeiriad Care Opinion yw hwn. Copïwch gyfeiriad y stori o dudalen Care Opinion ar ôl iddi gael ei phostio.',
    notAStory:
      'Nid cyfeiriad stori yw’r cyfeiriad Care Opinion hwn. Agorwch y stori a bostiwyd a chopïwch ei chyfeiriad, neu deipiwch ei rhif.',
    notANumber:
      'Nid cyfeiriad stori na rhif stori yw hwn. Dim ond digidau sydd mewn rhif stori, er enghraifft 1234567.',
  },

  print: 'Argraffu',
  printOrSave: 'Argraffu neu gadw fel PDF',
  printPersonalAsk:
    'Argraffu enw defnyddiwr, cod post ac e-bost adroddwr y stori hefyd? Gall papur fynd ar goll: argraffwch nhw dim ond os yw’r ffurflen yn mynd yn syth i amlen rhadbost Care Opinion.',
  printWithout: 'Argraffu heb fanylion personol',
  printWith: 'Argraffu gydag enw defnyddiwr, cod post ac e-bost',
  cancel: 'Canslo',
  printTitle: 'Care Opinion: cofnodi stori',
  consentGiven: (at: number) => `Rhoddwyd caniatâd i gyhoeddi ar Care Opinion ${format.stamp(at)}.`,
};
