// Camau'r stori yn Gymraeg: yr un allweddi â'r catalog Saesneg (en-GB/steps.ts).
import type { MissingField } from '../../../story/sendReadiness.ts';
import type { GuideSettings, StepId } from '../../../story/steps.ts';
import type { Messages } from '../../en-GB/index.ts';
import { format } from '../common.ts';

const clean = (value: string | undefined): string => (value ?? '').trim().replace(/\s+/g, ' ');
const placeOf = (s: GuideSettings) => clean(s.serviceName) || clean(s.organisation);

const titles: Record<StepId, string> = {
  introduce: 'Cyflwyno',
  story: 'Y stori',
  services: 'Gwasanaethau',
  storyteller: 'Am adroddwr y stori',
  finish: 'Gwirio a gorffen',
};

const missingNames: Record<MissingField, string> = {
  title: 'teitl',
  body: 'y stori',
  services: 'gwasanaeth',
  'author.username': 'enw defnyddiwr',
  'author.postcode': 'cod post',
  'author.email': 'e-bost neu "Dim cyfeiriad e-bost"',
  consent: 'caniatâd',
  story: 'gwiriad o’r stori gyfan',
};

export const steps: Messages['steps'] = {
  titles,
  notStarted: 'Nid oes dim yn cael ei gadw ar y ddyfais hon nes bod yr ateb cyntaf wedi’i deipio.',
  introduce: {
    readOut: 'Darllenwch hwn yn uchel, yn eich geiriau eich hun.',
    script: (settings: GuideSettings): string => {
      const name = clean(settings.staffName);
      const role = clean(settings.staffRole);
      const place = placeOf(settings);
      const theme = clean(settings.focusTheme);
      const who = name ? `Fy enw i yw ${name}${role ? `, a’m rôl i yw ${role}` : ''}.` : 'Helo.';
      return [
        `${who}${place ? ` Rwy’n gweithio gyda ${place}.` : ''}`,
        'Hoffem glywed am eich profiad o ofal, yn eich geiriau eich hun — beth oedd yn dda, a beth allai fod wedi bod yn well.',
        'Gyda’ch caniatâd, bydd eich stori’n mynd ar Care Opinion, gwefan lle mae pobl yn rhannu eu profiadau o ofal, fel y gall y staff dan sylw ei darllen, dysgu ohoni ac ymateb.',
        theme
          ? `Heddiw mae gennym ddiddordeb arbennig mewn ${theme}, ond gallwch sôn am unrhyw beth sy’n bwysig i chi.`
          : '',
        'Mae’n cymryd tua deng munud, rydych yn aros yn ddienw, a gallwch stopio unrhyw bryd.',
      ]
        .filter((part) => part !== '')
        .join(' ');
    },
    fromSettingsBefore: 'Daw eich enw, eich rôl a’ch gwasanaeth o’r ',
    settingsLink: 'Gosodiadau',
    fromSettingsAfter: '.',
  },
  story: {
    questions: {
      whatWasGood: 'Beth oedd yn dda?',
      whatCouldBeDifferent: 'Beth allai fod wedi bod yn wahanol?',
      body: 'Unrhyw beth arall am beth ddigwyddodd?',
      title: 'Beth fyddech chi’n galw’r stori hon?',
    },
    answerOne: 'Atebwch o leiaf un o’r tri hyn, yng ngeiriau’r storïwr ei hun.',
    followUp: {
      whatWasGood:
        'Holwch gwestiwn agored dilynol yn eich geiriau eich hun. Er enghraifft: “Dywedoch eich bod yn teimlo’n ddiogel ac yn derbyn gofal da, beth wnaeth i chi deimlo felly?”',
      whatCouldBeDifferent:
        'Holwch gwestiwn agored dilynol yn eich geiriau eich hun. Er enghraifft: “Dywedoch fod yr aros yn anodd, beth fyddai wedi’i wneud yn haws?”',
    },
    titleHint: 'Ychydig eiriau yng ngeiriau’r storïwr ei hun: dyma deitl y stori ar Care Opinion.',
    useSuggestion: (words: string) => `Defnyddio “${words}” fel y teitl`,
    focus: {
      legend: 'Thema ar gyfer y stori hon',
      hint: 'Cadwch thema’r sesiwn dim ond os yw’r stori hon yn sôn amdani.',
      none: 'Dim thema',
      other: 'Thema arall',
      otherLabel: 'Thema ar gyfer y stori hon',
    },
    promptsTitle: 'Cwestiynau dilynol',
    prompts: [
      'Allwch chi ddweud mwy wrtha i am hynny?',
      'Sut wnaeth hynny i chi deimlo ar y pryd?',
      'Pa wahaniaeth wnaeth hynny i chi, neu i’r bobl sy’n agos atoch?',
      'Oedd yna adeg sy’n aros yn y cof, yn dda neu’n ddrwg?',
      'Oedd yna rywun a wnaeth wahaniaeth? Beth wnaethon nhw?',
      'Sut cawsoch chi wybod beth oedd yn digwydd?',
      'Oes unrhyw beth y byddech chi wedi hoffi iddo gael ei wneud yn wahanol?',
      'Pe gallech ddweud un peth wrth y staff dan sylw, beth fyddai hynny?',
      'Oes unrhyw beth arall yr hoffech ei ychwanegu?',
    ],
  },
  services: {
    hint: 'Am ba wasanaeth oedd hyn? Ychwanegwch bob gwasanaeth ar y daith, pob un wrth ei enw ar Care Opinion.',
  },
  storyteller: {
    role: 'Pwy sy’n adrodd y stori',
    ageGroup: 'Grŵp oedran (dewisol)',
  },
  whyWeAsk: {
    username:
      'Caiff eich stori ei chyhoeddi dan enw defnyddiwr, nid eich enw iawn, felly ni all neb wybod mai chi ydyw. Dewiswch unrhyw beth nad yw’n enw i chi ac nad yw’n sarhaus, fel "rugbyfan33".',
    postcode:
      'Caiff eich cod post ei gadw’n gyfrinachol ac ni chaiff byth ei gyhoeddi. Mae’n helpu Care Opinion i weld o ba ardal y daw straeon. Os nad oes gennych god post, gallwn ddefnyddio cod post y gwasanaeth yn lle hynny.',
    email:
      'Caiff eich cyfeiriad e-bost ei gadw’n gyfrinachol ac ni chaiff byth ei gyhoeddi. Mae Care Opinion yn ei ddefnyddio i ddweud wrthych pan gaiff eich stori ei chyhoeddi a phan fydd y gwasanaeth yn ymateb. Os nad oes gennych gyfeiriad e-bost, bydd aelod o staff yn postio’r stori ar eich rhan.',
    role: 'Mae gwybod a ydych chi’n glaf, yn ofalwr, yn berthynas neu’n ffrind yn helpu darllenwyr i ddeall eich stori. Mae eich grŵp oedran yn ddewisol.',
  },
  finish: {
    readBackHint:
      'Darllenwch y stori’n ôl i adroddwr y stori. Mae’r e-bost a’r cod post wedi’u cuddio’n rhannol.',
    consentTitle: 'Caniatâd',
    consentReadOut: 'Yna darllenwch hwn yn uchel ac arhoswch am ateb clir.',
    consentScript: [
      'Cyn i ni anfon eich stori, mae angen eich caniatâd arnom.',
      'Caiff eich stori ei chyhoeddi ar Care Opinion, gwefan gyhoeddus: gall unrhyw un ei darllen, gan gynnwys y staff dan sylw.',
      'Ni chaiff eich enw, eich cyfeiriad e-bost na’ch cod post byth eu cyhoeddi.',
      'Gallwch newid eich meddwl unrhyw bryd, cyn neu ar ôl ei chyhoeddi. Rhowch wybod i ni, neu gysylltwch â Care Opinion, a chaiff ei thynnu i lawr.',
      'Ydych chi’n hapus i’ch stori gael ei chyhoeddi ar Care Opinion?',
    ].join(' '),
    consentBox: 'Mae adroddwr y stori’n rhoi caniatâd i gyhoeddi’r stori hon ar Care Opinion',
    consentTakenBy: 'Eich enw',
    consentTakenByHint:
      'Nid oes neb wedi dechrau casglu ar yr iPad hwn, felly teipiwch eich enw: caiff ei gofnodi fel y person a gafodd y caniatâd.',
    consentRecorded: (at: number, by: string) =>
      `Cofnodwyd y caniatâd am ${format.time(at)} ar ${format.date(at)} gan ${by}.`,
    consentCleared: 'Cafodd y caniatâd ei glirio oherwydd i’r stori newid ar ôl ei roi. Gofynnwch eto.',
    noConsentNoSending:
      'Dim caniatâd, dim anfon. Gall adroddwr y stori dynnu’n ôl unrhyw bryd: gofynnwch i aelod o staff, neu gysylltwch â Care Opinion ar ôl ei chyhoeddi.',
    send: 'Anfon at Care Opinion',
    sending: 'Yn cadw’r stori ac yn ei rhoi yn y ciw anfon…',
    notSaved:
      'Nid yw’r newidiadau diweddaraf wedi’u cadw ar y ddyfais hon eto, felly ni anfonwyd y stori. Mae hi’n dal ar y sgrin; rhowch gynnig arall arni mewn munud.',
    notQueued:
      'Ni roddwyd y stori yn y ciw. Mae hi’n dal wedi’i chadw ar y ddyfais hon; rhowch gynnig arall arni.',
    notQueuedBecause: (reason: string) => `Ni roddwyd y stori yn y ciw: ${reason}`,
  },
  closing: {
    readOut: 'Darllenwch hwn yn uchel',
    sentences: {
      thanks: () => 'Diolch am rannu eich stori.',
      services: ({ services }) => `Bydd staff ${services} yn gallu ei darllen ac ymateb.`,
      email: () => 'Cewch e-bost pan gaiff ei chyhoeddi a phan fydd y gwasanaeth yn ymateb.',
      'no-email': ({ site }) =>
        `Ni chewch e-byst: dyma sut i ddod o hyd i’ch stori. Ymhen ychydig ddyddiau, chwiliwch am eich enw defnyddiwr ar ${site}: bydd eich stori ac unrhyw ymateb yno.`,
      moderated: () => 'Mae cymedrolwyr Care Opinion yn darllen pob stori cyn iddi gael ei chyhoeddi.',
      'on-device': () =>
        'Nid yw eich stori wedi gadael yr iPad hwn eto: caiff ei hanfon pan fydd yr iPad hwn ar-lein eto.',
      'by-hand': () => 'Bydd aelod o staff yn ei phostio ar wefan Care Opinion i chi.',
      'come-back': () => 'Gallwch ddod yn ôl i Care Opinion unrhyw bryd i ymateb, neu i adrodd stori newydd.',
    },
  },
  remove: 'Dileu’r stori hon',
  withdrawThis: 'Tynnu’r stori hon yn ôl',
  progress: {
    reached: (step: StepId) => `Wedi cyrraedd: ${titles[step]}`,
    stillNeeded: (fields: readonly MissingField[]) =>
      `Angen o hyd: ${format.list(fields.map((field) => missingNames[field]))}`,
    ready: 'Yn barod i’w hanfon',
  },
};
