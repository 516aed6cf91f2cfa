import type { Messages } from '../en-GB/index.ts';
import { format } from './common.ts';

export const settings: Messages['settings'] = {
  title: 'Gosodiadau',
  home: 'Hafan',
  opening: 'Yn agor y gosodiadau…',
  connection: 'Cysylltiad â Care Opinion',
  apiAddress: 'Cyfeiriad API',
  apiAddressHint: 'Cyfeiriad y gyfnewidfa (relay) neu Care Opinion, hyd at /api/v2 gan gynnwys hwnnw.',
  key: 'Allwedd tanysgrifio (subscription key)',
  keySaved:
    'Mae allwedd wedi’i chadw ar yr iPad hwn, heb ei dangos byth. Gadewch hwn yn wag i’w chadw, neu teipiwch un newydd.',
  keyHint: 'Gadewch hwn yn wag os mai cyfnewidfa (relay) eich sefydliad yw’r cyfeiriad.',
  recoveryCode: 'Cod adfer',
  recoveryCodeHint:
    'I newid ble mae straeon yn cael eu hanfon, mae angen cod adfer y ddyfais hon, gan arweinydd Care Opinion eich sefydliad.',
  testConnection: 'Profi’r cysylltiad',
  testing: 'Yn profi’r cysylltiad: yn gofyn i Care Opinion am un gwasanaeth…',
  connectionResult: {
    working: 'Yn gweithio: atebodd Care Opinion a derbyn yr allwedd.',
    'key-rejected': 'Ni dderbyniwyd yr allwedd (neu nid API Care Opinion yw’r cyfeiriad). Gwiriwch y ddau.',
    unreachable: 'Methu cyrraedd y cyfeiriad hwn. Gwiriwch ef, a bod y ddyfais hon ar-lein.',
    blocked:
      'Wedi’i rwystro gan y porwr (CORS): atebodd y gweinydd, ond nid yw’n caniatáu i’r ap hwn ddarllen ei atebion. Rhaid i’w weinyddwr ganiatáu cyfeiriad yr ap hwn.',
    'server-problem':
      'Cyrhaeddwyd y gweinydd ond roedd problem ganddo. Rhowch gynnig arall arni ymhen ychydig funudau.',
    'not-configured': 'Rhowch y cyfeiriad API yn gyntaf.',
    'enter-key':
      'Teipiwch yr allwedd tanysgrifio ar gyfer y cyfeiriad hwn i’w brofi. Dim ond i’r cyfeiriad a gadwyd yr anfonir yr allwedd a gadwyd.',
    'relay-working':
      'Wedi cysylltu: derbyniodd cyfnewidfa (relay) eich sefydliad yr iPad hwn, a derbyniodd Care Opinion allwedd y gyfnewidfa.',
    'relay-revoked':
      'Cafodd yr iPad hwn ei ddatgysylltu o’r gyfnewidfa (relay). Cysylltwch eto gyda chod ymrestru newydd gan eich arweinydd Care Opinion.',
    'relay-unreachable':
      'Methu cyrraedd y gyfnewidfa (relay). Gwiriwch fod gan yr iPad hwn signal, neu rhowch gynnig arall arni yn nes ymlaen.',
    'relay-key-refused':
      'Mae’r gyfnewidfa (relay) yn gweithio, ond ni dderbyniodd Care Opinion allwedd y gyfnewidfa — dywedwch wrth eich arweinydd Care Opinion.',
    'relay-upstream-unreachable':
      'Mae’r gyfnewidfa (relay) yn gweithio, ond ni all gyrraedd Care Opinion ar hyn o bryd. Mae straeon yn aros ac yn cael eu hanfon yn nes ymlaen.',
  },
  directKeyWarning:
    'Mae allwedd tanysgrifio Care Opinion wedi’i storio ar y ddyfais hon a rennir. Gallai unrhyw un sy’n ei defnyddio ddarllen yr allwedd. Mae’n well defnyddio cyfeiriad cyfnewidfa (relay) eich sefydliad, heb allwedd yma.',
  delivery: 'Sut mae straeon yn cyrraedd Care Opinion',
  automatic: 'Eu hanfon yn awtomatig',
  automaticNeedsAddress: 'Mae anfon yn awtomatig yn gofyn am gyfeiriad API (uchod).',
  byHand: 'Eu postio ar wefan Care Opinion fy hun',
  desk: 'Eu hanfon at ddesg bostio ein sefydliad',
  deskNote:
    'Mae pob stori’n cael ei selio ar yr iPad hwn fel mai dim ond arweinydd Care Opinion eich sefydliad sy’n gallu ei hagor, ac mae’n aros wrth y ddesg bostio nes iddyn nhw ei phostio. Mae’r iPad hwn yn ei chadw tan hynny.',
  invitationLink: 'Dolen wahodd',
  invitationLinkHint:
    'Dewisol: dolen wahodd Care Opinion eich sefydliad. Hebddi, mae “Agor Care Opinion” yn agor tudalen “Adrodd eich stori” eich rhanbarth.',
  relay: 'Cysylltu â chyfnewidfa (relay)',
  relayConnected: (address) =>
    `Mae straeon yn mynd drwy gyfnewidfa (relay) eich sefydliad yn ${address}. Nid oes allwedd tanysgrifio yn cael ei chadw ar yr iPad hwn.`,
  relayOffer: (relay) => `Cysylltu’r iPad hwn â’r gyfnewidfa (relay) yn ${relay}?`,
  relayAddress: 'Cyfeiriad y gyfnewidfa (relay)',
  relayAddressHint: 'Gan arweinydd Care Opinion eich sefydliad, er enghraifft relay.example.nhs.uk.',
  enrolmentCode: 'Cod cofrestru',
  enrolmentCodeHint: 'Cod untro, yn ddilys am awr.',
  connect: 'Cysylltu',
  connecting: 'Yn cysylltu â’r gyfnewidfa (relay)…',
  relayDone: 'Mae’r iPad hwn wedi’i gysylltu â’r gyfnewidfa (relay).',
  device: 'Y ddyfais hon',
  region: 'Rhanbarth',
  regions: {
    uk: 'Y Deyrnas Unedig',
    au: 'Awstralia',
    ie: 'Iwerddon',
    ca: 'Canada',
  },
  organisationLegend: 'Sefydliad',
  organisation: 'Enw’r sefydliad',
  organisationPostcode: 'Cod post y sefydliad',
  organisationPostcodeHint:
    'Yn cael ei gynnig gan “Defnyddio cod post y gwasanaeth” pan nad oes un gan y gwasanaeth a ddewiswyd.',
  introduction: 'Testun y cyflwyniad',
  introductionHint:
    'Yn cael ei ddarllen ar ôl cyflwyniad yr ap: unrhyw beth y mae eich sefydliad am ei ddweud (dewisol).',
  policies: 'Polisïau',
  threshold: 'Trothwy postio ar ran rhywun (%)',
  thresholdHint:
    'Rhybuddio cyn i’r straeon a bostiwyd gan staff ar ran rhywun fynd dros y gyfran hon. 5 fel arfer.',
  autoLock: 'Cloi’n awtomatig ar ôl (munudau)',
  autoLockHint: 'Cloi’r ap ar ôl hyn o funudau segur, 1 i 60.',
  sessionIdle: 'Gorffen y sesiwn gasglu ar ôl (oriau)',
  sessionIdleHint:
    'Mae cloi yn cadw’r sesiwn. Daw i ben wrth ddewis “Gorffen y sesiwn”, am hanner nos, neu ar ôl i’r ap fod heb ei ddefnyddio neu wedi’i gloi am hyn o oriau, 1 i 12.',
  save: 'Cadw',
  reasons: {
    enterApiAddress: 'Rhowch y cyfeiriad API, er enghraifft https://relay.example.org/api/v2.',
    enterRelayAddress:
      'Rhowch gyfeiriad y gyfnewidfa (relay), er enghraifft https://relay.example.org/api/v2.',
    notWebAddress: 'Nid cyfeiriad gwe yw hwn. Dylai ddechrau gyda https://',
    useHttps:
      'Defnyddiwch gyfeiriad https:// (dim ond ar gyfer localhost a 127.0.0.1 y mae http:// yn cael ei ganiatáu).',
    configInvalid: 'Nid oedd y ffeil gosod (app-config.json) yn ddilys ac fe’i hanwybyddwyd.',
    configAdopted: 'Wedi’i osod o ffeil gosod y sefydliad hwn (app-config.json).',
    notSaved: 'Nid oedd modd cadw’r gosodiadau ar y ddyfais hon. Rhowch gynnig arall arni.',
    saved: 'Mae’r gosodiadau wedi’u cadw ar y ddyfais hon.',
    needChanges: 'Mae angen newid rhai gosodiadau cyn bod modd eu cadw (gweler uchod).',
    percentage: 'Rhowch ganran o 0 i 100.',
    minutes: 'Rhowch nifer o funudau o 1 i 60.',
    hours: 'Rhowch nifer o oriau o 1 i 12.',
    notAccepted: 'Ni dderbyniwyd y gwerth hwn.',
    needsCode: 'I newid ble mae straeon yn cael eu hanfon, mae angen cod adfer y ddyfais hon.',
    relayNeedsCode:
      'Mae cysylltu â chyfnewidfa (relay) yn newid ble mae straeon yn cael eu hanfon: rhowch god adfer y ddyfais hon uchod yn gyntaf.',
    enterEnrolment: 'Rhowch y cod cofrestru gan arweinydd Care Opinion eich sefydliad.',
    relayUnreachable: 'Methu cyrraedd y gyfnewidfa (relay). Gwiriwch y cyfeiriad a bod signal gan yr iPad.',
    codeNotAccepted:
      'Ni dderbyniodd y gyfnewidfa (relay) y cod cofrestru hwn: efallai ei fod wedi’i gamdeipio, wedi’i ddefnyddio eisoes neu wedi dod i ben. Gwiriwch ef, neu gofynnwch i arweinydd Care Opinion eich sefydliad am un newydd.',
    codeUnknown:
      'Nid yw’r gyfnewidfa (relay) yn adnabod y cod cofrestru hwn. Gwiriwch ef gydag arweinydd Care Opinion eich sefydliad.',
    codeUsed:
      'Mae’r cod cofrestru hwn wedi’i ddefnyddio eisoes. Gofynnwch i arweinydd Care Opinion eich sefydliad am un newydd.',
    codeExpired:
      'Mae’r cod cofrestru hwn wedi dod i ben. Gofynnwch i arweinydd Care Opinion eich sefydliad am un newydd.',
    tooManyCodes: 'Rhoddwyd cynnig ar ormod o godau anghywir. Arhoswch funud a rhowch gynnig arall arni.',
    relayRefused:
      'Ni dderbyniodd y gyfnewidfa (relay) yr iPad hwn. Gwiriwch gyfeiriad y gyfnewidfa a’r cod, a bod signal gan yr iPad.',
    invitationLink:
      'Defnyddiwch y ddolen wahodd yn union fel y’i rhoddwyd gan Care Opinion: cyfeiriad https:// ar un o wefannau Care Opinion.',
    notMoved:
      'Cafodd y gosodiadau eu cadw, ond nid oedd modd symud y straeon sy’n aros i’r dull anfon newydd eto. Nid oes dim wedi’i golli: cadwch eto.',
  },
  setupIgnored: (reason: string) => `Anwybyddwyd cyfeiriad API y ffeil gosod: ${reason}`,
  directory: {
    title: 'Cyfeiriadur gwasanaethau',
    interrupted: 'Daeth yr adnewyddu diwethaf i ben hanner ffordd; bydd yr un nesaf yn parhau o’r fan honno.',
    contacting: 'Yn cysylltu â Care Opinion…',
    refresh: 'Adnewyddu’r cyfeiriadur gwasanaethau',
    cancel: 'Canslo',
    checking: (fetched) => `Yn chwilio am wasanaethau newydd: ${format.number(fetched)} hyd yma`,
    downloadingOf: (fetched, total) =>
      `Yn llwytho i lawr ${format.number(fetched)} o dua ${format.number(total)}`,
    downloading: (fetched) =>
      format.plural(fetched, {
        zero: 'Yn llwytho i lawr: {n} gwasanaeth hyd yma',
        one: 'Yn llwytho i lawr: {n} gwasanaeth hyd yma',
        two: 'Yn llwytho i lawr: {n} wasanaeth hyd yma',
        few: 'Yn llwytho i lawr: {n} gwasanaeth hyd yma',
        many: 'Yn llwytho i lawr: {n} gwasanaeth hyd yma',
        other: 'Yn llwytho i lawr: {n} o wasanaethau hyd yma',
      }),
    none: 'Dim gwasanaethau wedi’u storio ar y ddyfais hon eto.',
    stored: (count) =>
      format.plural(count, {
        zero: '{n} gwasanaeth wedi’u storio ar y ddyfais hon',
        one: '{n} gwasanaeth wedi’i storio ar y ddyfais hon',
        two: '{n} wasanaeth wedi’u storio ar y ddyfais hon',
        few: '{n} gwasanaeth wedi’u storio ar y ddyfais hon',
        many: '{n} gwasanaeth wedi’u storio ar y ddyfais hon',
        other: '{n} o wasanaethau wedi’u storio ar y ddyfais hon',
      }),
    storedOnly: (services) => `${services}.`,
    storedAt: (services, when) => `${services}, adnewyddwyd ddiwethaf ${when}.`,
    problems: {
      'key-rejected':
        'Ni dderbyniwyd yr allwedd, felly nid oedd modd llwytho’r cyfeiriadur i lawr. Gwiriwch y cyfeiriad API a’r allwedd.',
      unreachable:
        'Nid oedd modd cyrraedd Care Opinion. Mae’r cyfeiriadur sydd eisoes ar y ddyfais hon yn dal i weithio; rhowch gynnig arall arni pan fydd signal.',
      'not-configured': 'Rhowch y cyfeiriad API yn gyntaf.',
      other:
        'Nid oedd modd adnewyddu’r cyfeiriadur. Mae’r cyfeiriadur sydd eisoes ar y ddyfais hon yn dal i weithio.',
    },
  },
};
