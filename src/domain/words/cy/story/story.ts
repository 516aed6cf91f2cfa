// Sgrin y stori: agor stori, symud drwyddi, cadw, beth sydd ei angen cyn anfon, darllen yn ôl, nifer
// y geiriau, a ble mae stori yn y ciw, wedi'i hanfon neu wedi'i thynnu'n ôl.
import type { Messages } from '../../en-GB/index.ts';
import { format } from '../common.ts';

/** "1 Rhag, 10:42": pryd y cofnodwyd derbynneb. */
const shortTime = (ms: number) => format.dayTime(ms);

const quote = (sentId: string | undefined) => (sentId ? ` Nodwch rif y stori: ${sentId}.` : '');

export const story: Messages['story'] = {
  screenTitle: 'Adrodd stori',
  home: 'Hafan',
  opening: 'Yn agor y stori o’r ddyfais hon…',
  unreadable:
    'Nid oes modd agor y stori hon ar y ddyfais hon. Caiff ei chadw fel y mae nes iddi gael ei thynnu’n ôl.',
  notOpened:
    'Nid oedd modd agor y stori hon o storfa’r ddyfais hon. Ewch yn ôl i’r Hafan a rhowch gynnig arall arni.',
  notHere: 'Nid yw’r stori hon ar y ddyfais hon. Efallai ei bod wedi cael ei thynnu’n ôl.',
  untitled: 'Stori heb deitl',

  stepsLabel: 'Camau’r stori',
  stepOf: (n: number, total: number, step: string) => `${n} o ${total} · ${step}`,
  more: 'Rhagor',
  back: 'Yn ôl',
  next: 'Nesaf',
  usernameBlocksNext: 'Dewiswch enw defnyddiwr gwahanol i barhau: ni fydd Care Opinion yn cyhoeddi hwn.',

  saved: 'Wedi’i chadw ar y ddyfais hon',
  saving: 'Wrthi’n cadw…',
  notSaved: 'Heb ei chadw eto.',
  storageFull:
    'Mae storfa’r ddyfais yn llawn. Rhyddhewch rywfaint o le (dilëwch luniau neu apiau), a chadwch y sgrin hon ar agor.',
  storageStopped: 'Peidiodd storfa’r ddyfais ag ateb am ennyd.',
  writeRefused: 'Gwrthododd y ddyfais gadw’r stori.',
  retrying: 'Mae’r testun yn aros ar y sgrin a bydd yr ap yn ceisio’i gadw eto bob ychydig eiliadau.',

  words: (n: number) =>
    format.plural(n, {
      zero: '{n} gair',
      one: '{n} gair',
      two: '{n} air',
      few: '{n} gair',
      many: '{n} gair',
      other: '{n} o eiriau',
    }),
  overLimit: (limit: number, words: number) =>
    `Mae Care Opinion yn gofyn am ${format.number(limit)} o eiriau neu lai — mae gan y stori hon ${format.number(words)}. Ni fydd dim yn cael ei dorri.`,

  stillNeeded: 'Angen o hyd cyn anfon',
  goTo: (step: string) => `Ewch i’r cam “${step}”`,
  missing: {
    title: 'Gofynnwch beth fydden nhw’n galw’r stori — yr ateb fydd ei theitl.',
    body: 'Gofynnwch beth oedd yn dda, beth allai fod wedi bod yn wahanol, neu unrhyw beth arall am beth ddigwyddodd — o leiaf un ateb yw’r stori.',
    services: 'Dewiswch o leiaf un gwasanaeth y mae’r stori yn sôn amdano.',
    username:
      "Gofynnwch i adroddwr y stori ddewis enw defnyddiwr — unrhyw beth heblaw eu henw go iawn, fel 'rugbyfan33'.",
    consent: 'Gofynnwch am ganiatâd i gyhoeddi ar Care Opinion.',
    consentTime: 'Gofynnwch am ganiatâd eto: ni chofnodwyd pryd y cafodd ei roi.',
    consentBy: 'Teipiwch eich enw wrth y caniatâd: mae’n cofnodi pwy a’i cafodd.',
    story: 'Nid oedd modd gwirio rhywbeth yn y stori hon. Ewch yn ôl drwy’r camau ac edrych eto.',
    notAccepted: (name: string) => `Gwiriwch yr ateb hwn eto: ni dderbyniwyd “${name}”.`,
  },

  fields: {
    focusTheme: 'Thema',
    title: 'Beth fyddech chi’n galw’r stori hon',
    body: 'Beth ddigwyddodd',
    whatWasGood: 'Beth oedd yn dda',
    whatCouldBeDifferent: 'Beth allai fod wedi bod yn wahanol',
    services: 'Gwasanaethau',
    author: 'Am adroddwr y stori',
    username: 'Enw defnyddiwr',
    email: 'Cyfeiriad e-bost',
    postcode: 'Cod post',
    role: 'Pwy sy’n adrodd y stori',
    ageGroup: 'Grŵp oedran',
    postedOnBehalf: 'Wedi’i phostio ar ran rhywun',
    consent: 'Caniatâd',
    consentPublish: 'Caniatâd i gyhoeddi',
    consentGivenAt: 'Pryd y rhoddwyd caniatâd',
    consentRecordedBy: 'Pwy gofnododd y caniatâd',
    anywhere: 'Y stori gyfan',
  },
  notGivenYet: 'Heb ei roi eto',
  bodyFromAnswers:
    'Ni ddywedwyd dim byd arall, felly mae Care Opinion yn cael yr atebion uchod fel y stori, fel y maen nhw.',
  noFocusTheme: 'Dim thema',
  notGiven: 'Heb ei roi',
  noEmailOnBehalf: 'Dim cyfeiriad e-bost (wedi’i phostio ar ran rhywun)',
  staffMember: 'Aelod o staff',

  queuedNote:
    'Mae’r stori yn cael ei chadw ar y ddyfais hon a’i hanfon at Care Opinion ohoni’i hun pan fydd signal.',
  queuedForDeskNote:
    'Mae’r stori yn cael ei chadw ar y ddyfais hon a’i hanfon, wedi’i selio, at ddesg bostio eich sefydliad ohoni’i hun pan fydd signal.',
  atDeskNote:
    'Mae’r stori wedi’i selio wrth ddesg bostio eich sefydliad, lle bydd arweinydd Care Opinion eich sefydliad yn ei phostio. Mae’r ddyfais hon yn ei chadw tan hynny.',
  editStory: 'Golygu’r stori',
  notAccepted: 'Ni dderbyniodd Care Opinion y stori hon.',
  nothingPublished: 'Nid oes dim wedi’i gyhoeddi.',
  pleaseCheck: 'Gwiriwch hwn',
  fixIn: (step: string) => `Cywiro yn y cam “${step}”`,
  checkTheStory: 'Gwirio’r stori',
  receipt: (byHand: boolean, at: number, sentId: string | undefined) =>
    `${byHand ? `Postiwyd â llaw ar wefan Care Opinion, cofnodwyd ar ${shortTime(at)}` : `Derbyniwyd gan Care Opinion ar ${shortTime(at)}`}${sentId ? ` (${byHand ? 'rhif y stori' : 'cyfeirnod'} ${sentId})` : ''}. Mae testun y stori a manylion adroddwr y stori wedi’u dileu o’r ddyfais hon.`,
  sandboxLink: 'Gweld beth dderbyniodd y Care Opinion prawf (sandbox)',

  withdrawnNote: (mayHaveArrived, sentId, site) =>
    mayHaveArrived
      ? `Wedi’i thynnu’n ôl: wedi’i dileu o’r ddyfais hon, ond efallai ei bod wedi cyrraedd Care Opinion. I’w thynnu i lawr yno, cysylltwch â Care Opinion (${site}, “Cysylltu â ni”).${quote(sentId)}`
      : 'Wedi’i thynnu’n ôl: wedi’i dileu o’r ddyfais hon.',
  withdrawAgain:
    'Mae’r stori hon eisoes wedi’i thynnu’n ôl: dim ond derbynneb fer sydd ar ôl. Mae dileu yn dileu’r dderbynneb hefyd.',
  withdrawAtDesk:
    'Mae’r stori hon yn aros wrth ddesg bostio eich sefydliad. Mae dileu yn ei thynnu o’r ddyfais hon ac o’r ddesg, felly ni chaiff ei phostio. Os yw arweinydd Care Opinion eich sefydliad wedi’i phostio eisoes, bydd y ddyfais hon yn dweud sut i ofyn i Care Opinion ei thynnu i lawr.',
  withdrawUnsent:
    'Mae hyn yn dileu’r stori o’r ddyfais hon. Nid yw hi wedi’i hanfon, felly ni fydd Care Opinion byth yn ei gweld.',
  withdrawMayHaveArrived:
    'Efallai fod y stori hon eisoes wedi cyrraedd Care Opinion. Mae dileu yn clirio popeth sydd gan y ddyfais hon ac yn cadw derbynneb fer sy’n dweud hynny.',
  takeDown: (sentId, site) =>
    `I’w thynnu i lawr o Care Opinion, cysylltwch â Care Opinion (${site}, “Cysylltu â ni”) a gofynnwch iddyn nhw ei thynnu’n ôl.${quote(sentId)}`,
};
