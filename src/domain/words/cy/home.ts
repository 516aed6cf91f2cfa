import type { Messages } from '../en-GB/index.ts';
import { format } from './common.ts';

export const home: Messages['home'] = {
  title: 'Casglwr Straeon',
  navLabel: 'Ap',
  settings: 'Gosodiadau',
  storiesTitle: 'Straeon ar y ddyfais hon',
  version: (buildId) => `Fersiwn ${buildId}`,
  online: 'Mae’n ymddangos bod y ddyfais hon ar-lein.',
  offline:
    'Mae’n ymddangos bod y ddyfais hon all-lein. Mae straeon yn cael eu cadw’n ddiogel ar y ddyfais hon nes ei bod ar-lein eto.',
  noDestination:
    'Does gan yr iPad hwn unman i anfon straeon: nid yw wedi’i gysylltu â chyfnewidfa (relay) nac â Care Opinion, ac nid oes neb wedi dewis eu postio â llaw ar wefan Care Opinion. Caiff straeon eu cadw’n ddiogel ar yr iPad hwn nes bod ganddo le.',
  noDestinationFix: 'Dewis sut mae straeon yn cyrraedd Care Opinion',
  enrolmentWaiting: 'Cysylltu â’r gyfnewidfa',
  installLabel: 'Ychwanegu at y Sgrin Gartref',
  installTitle: 'Ychwanegwch yr ap at y Sgrin Gartref cyn casglu straeon.',
  installSteps:
    'Yn Safari, tapiwch Share (Rhannu), yna “Ychwanegu at y Sgrin Gartref” (“Add to Home Screen”), ac agor Casglwr Straeon oddi yno. Mae straeon a deipiwyd mewn tab porwr yn aros yn y tab a gall y porwr eu clirio.',
  noStories: 'Dim straeon ar y ddyfais hon eto.',
  listLabel: 'Straeon ar y ddyfais hon',
  showingNewest: (shown, total) =>
    `Yn dangos y ${format.number(shown)} mwyaf diweddar o ${format.number(total)}.`,
  showMore: (n) => `Dangos ${format.number(n)} arall`,
  noServiceYet: 'Dim gwasanaeth wedi’i ddewis eto',
  export: {
    button: 'Allforio straeon heb eu hanfon',
    title: 'Allforio straeon heb eu hanfon',
    why: 'Ar gyfer iPad sy’n methu eu hanfon: un ffeil o bob stori sy’n aros i’w hanfon, wedi’i selio fel mai dim ond cyfnewidfa (relay) eich sefydliad sy’n gallu ei hagor. Ewch â hi at arweinydd Care Opinion eich sefydliad drwy AirDrop, USB neu e-bost. Mae’r straeon yn aros ar yr iPad hwn, ac mae’n dal i’w hanfon pan fydd ar-lein — dim ond unwaith y bydd Care Opinion yn derbyn pob un.',
    pinTitle: 'Staff: teipiwch eich PIN i allforio’r straeon',
    pinLabel: 'PIN staff',
    confirm: 'Allforio',
    cancel: 'Canslo',
    checking: 'Yn gwirio’r PIN…',
    sealing: 'Yn selio’r straeon…',
    inFile: (n, name) =>
      `${format.plural(n, { one: 'Mae {n} stori yn y ffeil', other: 'Mae {n} stori yn y ffeil' })} ${name}.`,
    share: 'Rhannu’r ffeil',
    save: 'Cadw’r ffeil',
    marked: (n) =>
      format.plural(n, {
        one: 'Mae {n} stori wedi’i marcio “Wedi’i hallforio”. Mae’n dal i gael ei hanfon o’r iPad hwn pan fydd ar-lein.',
        other:
          'Mae {n} stori wedi’u marcio “Wedi’u hallforio”. Maen nhw’n dal i gael eu hanfon o’r iPad hwn pan fydd ar-lein.',
      }),
    done: 'Wedi gorffen',
    notShared: 'Ni chafodd y ffeil ei rhannu. Rhowch gynnig arall arni, neu cadwch hi yn lle hynny.',
  },
  withdraw: 'Tynnu’n ôl',
  deleteDraft: 'Dileu',
  deleteStory: 'Dileu’r stori',
  keepIt: 'Ei chadw',
  notDeleted: (reason) => `Ni chafodd y stori ei dileu: ${reason}`,
  reasons: {
    notEditable: 'Mae’r stori hon yn aros i’w hanfon ac nid oes modd ei newid nawr.',
    mayHaveArrived: 'Efallai fod y stori hon wedi’i hanfon at Care Opinion eisoes: nid oes modd ei newid.',
    changedWhileSending:
      'Newidiodd y stori hon ar y ddyfais hon tra oedd yn cael ei hanfon. Nid oes dim wedi’i golli: rhowch gynnig arall arni.',
    gone: 'Nid yw’r stori hon ar y ddyfais hon mwyach.',
    notReady: 'Nid yw’r stori hon yn barod i’w phostio ar y ddyfais hon mwyach.',
    changedMeanwhile:
      'Newidiodd y stori hon ar y ddyfais hon yn y cyfamser. Nid oes dim wedi’i golli: rhowch gynnig arall arni.',
    unreadable: 'Nid oes modd agor y stori hon ar y ddyfais hon.',
    requeue: 'Roedd y stori hon yn aros i’w hanfon cyn diweddariad. Gwiriwch hi a’i hanfon eto.',
    changedWhileWithdrawing:
      'Newidiodd y stori hon tra oedd yn cael ei thynnu’n ôl. Nid oes dim wedi’i golli: rhowch gynnig arall arni.',
    storageFull:
      'Mae storfa’r ddyfais hon yn llawn, felly nid yw’r stori wedi’i chadw eto. Mae’n dal ar y sgrin. Rhyddhewch rywfaint o le (er enghraifft dilëwch hen luniau), a bydd yr ap yn ceisio ei chadw eto.',
    storageLost:
      'Collodd y ddyfais ei chysylltiad â’i storfa, felly nid yw’r stori wedi’i chadw eto. Mae’n dal ar y sgrin a bydd yr ap yn ceisio ei chadw eto.',
    notSavedYet:
      'Nid oedd modd cadw’r stori ar y ddyfais hon eto. Mae’n dal ar y sgrin a bydd yr ap yn ceisio ei chadw eto.',
    writeRefused: 'Gwrthododd y ddyfais gadw’r stori.',
  },
  storageLabel: 'Storfa ar y ddyfais hon',
  storage: {
    protected: 'Storfa: wedi’i diogelu (ni fydd y porwr yn ei chlirio ohono’i hun)',
    bestEffort: 'Storfa: heb ei diogelu (gall y porwr ei chlirio os bydd y ddyfais yn brin o le)',
    unknown: 'Storfa: anhysbys',
    usage: (used, available) => `${used} wedi’i ddefnyddio o ${available} ar gael`,
  },
  rowTime: (ms) => format.dayTime(ms),
};
