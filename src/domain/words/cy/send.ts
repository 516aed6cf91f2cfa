import type { Messages } from '../en-GB/index.ts';
import { format } from './common.ts';

export const send: Messages['send'] = {
  reasons: {
    keyRejected: 'Ni dderbyniwyd yr allwedd (key)',
    addressRejected: 'Ni dderbyniwyd y cyfeiriad API na’r allwedd',
    busy: 'Mae Care Opinion yn brysur; yn rhoi cynnig arall arni',
    serverProblem: 'Roedd problem gan Care Opinion; yn rhoi cynnig arall arni',
    unreachable: 'Methu cyrraedd Care Opinion; yn rhoi cynnig arall arni',
    timeout: 'Ni atebodd Care Opinion mewn pryd; yn rhoi cynnig arall arni',
    inProgress: 'Mae Care Opinion yn dal i dderbyn y stori hon; yn gwirio eto',
    incomplete: 'Roedd ateb Care Opinion yn anghyflawn; yn rhoi cynnig arall arni',
    notCareOpinion:
      'Atebodd tudalen arall yn lle Care Opinion (tudalen mewngofnodi wifi efallai); yn rhoi cynnig arall arni',
    deviceRevoked: 'Cafodd yr iPad hwn ei ddatgysylltu o’r gyfnewidfa (relay)',
    relayKeyRefused:
      'Ni dderbyniwyd allwedd Care Opinion y gyfnewidfa (relay) — dywedwch wrth arweinydd Care Opinion eich sefydliad',
    fields: 'Mae angen newid rhai manylion',
    refused: 'Ni dderbyniodd Care Opinion y stori hon',
    cannotRead: 'Nid oedd Care Opinion yn gallu darllen y stori hon',
    tooLarge: 'Mae’r stori yn rhy fawr i’w hanfon',
    readRefused: 'Gwrthododd Care Opinion y cais; yn rhoi cynnig arall arni',
    notAList: 'Nid rhestr oedd ateb Care Opinion; yn rhoi cynnig arall arni',
    damaged:
      'Nid oes modd agor y stori hon ar y ddyfais hon, felly ni chafodd ei hanfon. Caiff ei chadw nes iddi gael ei thynnu’n ôl.',
    notComplete:
      'Nid yw’r stori hon yn gyflawn, neu nid oes caniatâd, felly ni chafodd ei hanfon. Agorwch hi, gwiriwch hi a’i hanfon eto.',
    noDesk:
      'Yn aros: nid oes desg bostio gan gyfnewidfa (relay) eich sefydliad nawr. Nid oes dim wedi’i golli; gofynnwch i arweinydd Care Opinion eich sefydliad, neu ddewiswch ffordd arall yn y Gosodiadau.',
    deskTooLarge: 'Mae’r stori’n rhy fawr i’r ddesg bostio, felly ni chafodd ei hanfon',
    deskRefused: 'Ni dderbyniodd y ddesg bostio y stori hon',
    unknown: 'Nid oedd modd anfon y stori hon',
  },
  queueProblems: {
    unexpected:
      'Stopiodd anfon am ennyd oherwydd problem annisgwyl. Nid oes dim wedi’i golli; bydd yn rhoi cynnig arall arni.',
  },
  states: {
    draft: 'Drafft',
    queued: 'Yn aros i’w hanfon',
    'ready-to-post': 'Yn barod i’w phostio',
    sending: 'Yn anfon',
    'at-desk': 'Wrth y ddesg bostio',
    sent: 'Wedi’i hanfon',
    'needs-attention': 'Angen sylw',
  },
  refusals: {
    noConsent: 'Dim caniatâd, dim anfon: gofynnwch am ganiatâd i gyhoeddi yn gyntaf.',
    alreadyWaiting: 'Mae’r stori hon eisoes yn aros i’w hanfon.',
    alreadySent: 'Efallai fod y stori hon wedi’i hanfon at Care Opinion eisoes.',
    nothingToSend: 'Dim i’w anfon.',
    notWaiting: 'Nid yw’r stori hon yn aros i’w hanfon.',
    inFlight: 'Efallai fod cais am y stori hon yn dal ar ei ffordd.',
    noRequest: 'Nid oedd unrhyw gais yn aros am yr ateb hwn.',
    nothingInFlight: 'Nid oedd dim ar ei ffordd.',
    notReadyByHand: 'Nid yw’r stori hon yn barod i’w phostio â llaw.',
    notStoryNumber: 'Nid yw hwn yn rhif stori Care Opinion.',
    nothingToMove: 'Dim i’w symud.',
    nothingToRefuse: 'Dim i’w wrthod.',
    notExportable: 'Dim ond stori sy’n aros i’w hanfon sy’n mynd mewn ffeil wedi’i selio.',
    notAtDesk: 'Nid yw’r stori hon wrth y ddesg bostio.',
  },
  withdrawn: 'Wedi’i dynnu’n ôl',
  exported: 'Wedi’i hallforio',
  exportedNote:
    'Wedi’i hallforio: mae’r stori hon hefyd mewn ffeil wedi’i selio ar gyfer cyfnewidfa (relay) eich sefydliad. Mae’r iPad hwn yn dal i’w hanfon pan fydd ar-lein, a dim ond unwaith y bydd Care Opinion yn ei derbyn.',
  exportProblems: {
    noRelay:
      'Dim ond iPad sydd wedi’i gysylltu â chyfnewidfa (relay) eich sefydliad sy’n gallu allforio straeon: ni allai neb arall agor y ffeil.',
    noExportKey:
      'Nid oes gan yr iPad hwn allwedd y gyfnewidfa ar gyfer ffeiliau wedi’u selio eto. Cysylltwch â’r rhyngrwyd unwaith, yna rhowch gynnig arall arni.',
    nothingToExport: 'Nid oes stori yn aros i’w hanfon.',
    locked: 'Cafodd yr ap ei gloi. Datglowch ef a rhowch gynnig arall arni.',
    tooLarge: 'Gormod o straeon i un ffeil. Gofynnwch i arweinydd Care Opinion eich sefydliad am help.',
  },
  barLabel: 'Anfon',
  sendNow: 'Anfon nawr',
  onlyWhileOpen:
    'Dim ond tra bo’r ap hwn ar agor ar y sgrin, ac wedi’i ddatgloi ers iddo gael ei agor, y caiff straeon eu hanfon. Efallai na fydd iPad wedi’i gloi mewn drôr yn eu hanfon: agorwch yr ap a’i ddatgloi lle mae signal.',
  waiting: (n) => `${format.number(n)} yn aros i’w hanfon`,
  lastSent: (time) => `anfonwyd ddiwethaf ${time}`,
  sendingOf: (index, total) => `Yn anfon ${format.number(index)} o ${format.number(total)}`,
  readyToPost: (n) => `${format.number(n)} yn barod i’w postio`,
  readyToPostHint: (line) => `${line}: agorwch bob un i’w phostio ar wefan Care Opinion.`,
  unsaved: (n) =>
    format.plural(n, {
      one: 'Nid yw stori wedi’i chadw ar y ddyfais hon eto: mae ei thestun yn cael ei gadw dan glo, a bydd yr ap yn ceisio ei chadw eto bob ychydig eiliadau.',
      other:
        'Nid yw {n} stori wedi’u cadw ar y ddyfais hon eto: mae eu testun yn cael ei gadw dan glo, a bydd yr ap yn ceisio eu cadw eto bob ychydig eiliadau.',
    }),
  nextTrySoon: 'Cynnig nesaf: cyn gynted ag y bydd signal',
  nextTryAt: (time) => `Cynnig nesaf am ${time}`,
  pausedRevoked: (reason) =>
    `Mae anfon wedi’i oedi: ${reason}. Gofynnwch i arweinydd Care Opinion eich sefydliad am god cofrestru newydd a chysylltwch eto yn y Gosodiadau. Nid oes dim wedi’i golli — mae’r straeon yn aros ar y ddyfais hon.`,
  pausedRelayKey: (reason) =>
    `Mae anfon wedi’i oedi: ${reason}. Nid oes dim i’w drwsio ar yr iPad hwn. Nid oes dim wedi’i golli — mae’r straeon yn aros ar y ddyfais hon ac yn mynd pan fydd allwedd y gyfnewidfa (relay) wedi’i thrwsio.`,
  pausedKey: (reason) =>
    `Mae anfon wedi’i oedi: ${reason}. Ni dderbyniodd Care Opinion yr allwedd yn y Gosodiadau. Nid oes dim wedi’i golli — mae’r straeon yn aros ar y ddyfais hon nes bydd yr allwedd wedi’i thrwsio.`,
  connectAgain: 'Cysylltu eto',
  fixKey: 'Trwsio’r allwedd',
  updateAvailable: 'Mae diweddariad ar gael.',
  updateSaving: 'Yn cadw eich gwaith, yna’n diweddaru…',
  updateSavedFirst: 'Caiff eich gwaith ei gadw yn gyntaf.',
  update: 'Diweddaru',
  newStory: 'Stori newydd',
};
