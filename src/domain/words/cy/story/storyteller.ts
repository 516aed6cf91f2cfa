// "Am adroddwr y stori": yr enw defnyddiwr, y cod post a'r e-bost a pham y cânt eu gwrthod, pwy sy'n
// adrodd y stori, grwpiau oedran, a'r rhybudd am bostio ar ran rhywun gyda'r dewisiadau eraill.
import type { Messages } from '../../en-GB/index.ts';
import { format } from '../common.ts';

export const storyteller: Messages['storyteller'] = {
  whyWeAsk: 'Pam rydyn ni’n gofyn?',

  usernameLabel: 'Enw defnyddiwr',
  usernameHint: 'Unrhyw beth heblaw eu henw go iawn, fel “rugbyfan33”. Caiff ei gyhoeddi gyda’r stori.',
  username: {
    offensive: {
      message: 'Mae gair yn yr enw defnyddiwr hwn na fydd Care Opinion yn ei gyhoeddi.',
      suggestion: "Dewiswch enw defnyddiwr gwahanol, fel 'rugbyfan33'.",
    },
    emailAddress: {
      message:
        'Mae hwn yn edrych fel cyfeiriad e-bost. Caiff yr enw defnyddiwr ei gyhoeddi, felly gallai unrhyw un gysylltu ag adroddwr y stori.',
      suggestion:
        "Dewiswch enw defnyddiwr heb fanylion cyswllt, fel 'bluebird77'. Mae gan y cyfeiriad e-bost ei faes ei hun, ac ni chaiff byth ei gyhoeddi.",
    },
    phoneNumber: {
      message:
        'Mae hwn yn edrych fel rhif ffôn. Caiff yr enw defnyddiwr ei gyhoeddi, felly gallai unrhyw un gysylltu ag adroddwr y stori.',
      suggestion: "Dewiswch enw defnyddiwr heb rif ffôn, fel 'seasidewalker'.",
    },
    nhsNumber: {
      message:
        'Mae hwn yn edrych fel rhif GIG. Caiff yr enw defnyddiwr ei gyhoeddi, felly byddai’n dangos pwy yw adroddwr y stori.',
      suggestion: "Dewiswch enw defnyddiwr heb rif GIG na rhifau hir eraill, fel 'hillside4'.",
    },
    name: {
      message:
        'Mae hwn yn edrych fel enw cyntaf neu gyfenw go iawn. Mae enwau defnyddiwr yn cadw adroddwr y stori’n ddienw.',
      suggestion: "Rhowch gynnig ar rywbeth am ddiddordeb neu le, fel 'rugbyfan33'.",
    },
    email: {
      message:
        'Mae hwn yn defnyddio rhan o’r cyfeiriad e-bost, felly gallai ddangos pwy yw adroddwr y stori.',
      suggestion: "Rhowch gynnig ar rywbeth sydd heb ddim i’w wneud â’r cyfeiriad e-bost, fel 'gardenlover'.",
    },
    age: {
      message: 'Mae hwn yn edrych fel oed neu flwyddyn geni, a allai ddangos pwy yw adroddwr y stori.',
      suggestion: "Peidiwch â chynnwys oedran na blynyddoedd, fel 'seasidewalker'.",
    },
    gender: {
      message: 'Mae gair am rywedd neu rôl yn y teulu yn hwn (fel dyn, menyw, mam neu dad).',
      suggestion: "Rhowch gynnig ar rywbeth am ddiddordeb neu le yn lle hynny, fel 'bookworm7'.",
    },
    emotion: {
      message: 'Mae teimlad yn hwn (fel hapus neu flin). Yn y stori ei hun mae lle teimladau.',
      suggestion: "Rhowch gynnig ar rywbeth niwtral, fel 'hillside4'.",
    },
  },

  postcodeLabel: 'Cod post',
  postcodeHint: 'Caiff ei gadw’n gyfrinachol ac ni chaiff byth ei gyhoeddi.',
  useServicePostcode: 'Defnyddio cod post y gwasanaeth',
  noServicePostcode:
    'Nid oes cod post gwasanaeth yn hysbys: nid oes gan y gwasanaeth a ddewiswyd un, ac nid oes cod post sefydliad wedi’i osod yn y Gosodiadau.',
  servicePostcodeInstead: 'Os nad oes ganddyn nhw god post, defnyddiwch god post y gwasanaeth yn lle hynny.',
  postcode: {
    empty: (looksLike: string) => `Mae angen cod post. ${looksLike}.`,
    format: (looksLike: string) => `Nid yw’r cod post hwn yn edrych yn iawn. ${looksLike}.`,
    looksLike: {
      uk: 'Mae cod post yn y DU yn edrych fel NG5 1PB',
      au: 'Mae cod post yn Awstralia yn 4 digid, fel 2000',
      ie: 'Mae Eircode yn edrych fel D02 X285',
      ca: 'Mae cod post yng Nghanada yn edrych fel K1A 0B1',
    },
  },

  emailLabel: 'Cyfeiriad e-bost',
  emailHint:
    'Caiff ei gadw’n gyfrinachol. Bydd Care Opinion yn anfon e-bost pan fydd y stori’n cael ei chyhoeddi neu ei hateb.',
  noEmail: 'Dim cyfeiriad e-bost',
  onBehalfNote:
    'Bydd y stori’n cael ei nodi fel un a bostiwyd gan aelod o staff ar ran adroddwr y stori. Ni fyddan nhw’n cael e-bost pan fydd hi’n cael ei chyhoeddi neu ei hateb.',
  email: {
    empty: 'Gofynnwch am gyfeiriad e-bost, neu diciwch "Dim cyfeiriad e-bost".',
    format:
      'Nid yw’r cyfeiriad e-bost hwn yn edrych yn iawn. Dylai edrych fel enw@enghraifft.org, heb fylchau.',
  },

  roles: {
    patient: 'Claf neu ddefnyddiwr gwasanaeth',
    carer: 'Gofalwr',
    parent: 'Rhiant neu warcheidwad',
    relative: 'Perthynas',
    friend: 'Ffrind',
    'staff-on-behalf': 'Aelod o staff yn postio ar ran rhywun',
  },
  ageGroups: {
    'under-16': 'Dan 16',
    '16-24': '16 i 24',
    '25-34': '25 i 34',
    '35-44': '35 i 44',
    '45-54': '45 i 54',
    '55-64': '55 i 64',
    '65-74': '65 i 74',
    '75-84': '75 i 84',
    '85+': '85 neu hŷn',
  },

  onBehalfOver: (threshold: string) => `Byddai postio ar ran rhywun yn mynd dros ${threshold}.`,
  onBehalfWhy: (share: string, onBehalf: number, all: number) =>
    `Mae Care Opinion yn gofyn i straeon sy’n cael eu postio gan staff ar ran rhywun aros yn gyfran fach. Y mis hwn hyd yma: ${share} (${format.number(onBehalf)} o ${format.number(all)}). Gallwch barhau o hyd; yn gyntaf, gallech chi:`,
  onBehalfAlternatives: {
    family: 'Gofyn a allai aelod o’r teulu neu ffrind roi ei gyfeiriad e-bost yn lle hynny.',
    leaflet: 'Cynnig taflen adborth, fel y gallan nhw adrodd eu stori wrth Care Opinion eu hunain.',
    later:
      'Awgrymu eu bod yn postio’r stori ar Care Opinion yn nes ymlaen gyda’u cyfeiriad e-bost eu hunain.',
  },
};
