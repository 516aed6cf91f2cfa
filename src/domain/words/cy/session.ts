import type { Messages } from '../en-GB/index.ts';

export const session: Messages['session'] = {
  startCollecting: 'Dechrau casglu',
  startIntro:
    'Dywedwch pwy sy’n casglu straeon ar yr iPad hwn nawr. Caiff eich enw ei ddarllen yn y cyflwyniad a’i gofnodi fel yr aelod o staff a gafodd ganiatâd pob adroddwr stori. Mae cloi yn ei gadw. Daw’r sesiwn i ben wrth ddewis “Gorffen y sesiwn”, am hanner nos, neu ar ôl amser hir heb ei ddefnyddio (Gosodiadau).',
  yourName: 'Eich enw',
  yourNameHint: 'Caiff ei gofnodi fel yr aelod o staff a gafodd y caniatâd.',
  yourRole: 'Eich rôl',
  yourRoleHint: 'Er enghraifft: gwirfoddolwr, nyrs staff (dewisol).',
  services: 'Gwasanaethau ar gyfer y sesiwn hon',
  servicesHint: 'Caiff y rhain eu cynnig gyntaf bob tro y byddwch yn dewis gwasanaethau stori (dewisol).',
  theme: 'Thema i ganolbwyntio arni (dewisol)',
  themeHint: 'Thema y gofynnodd rheolwr neu wasanaeth i chi ganolbwyntio arni yn y sesiwn hon.',
  nameMissing: 'Rhowch eich enw: mae’n cofnodi pwy gafodd y caniatâd.',
  notSaved: 'Nid oedd modd cadw’r sesiwn ar y ddyfais hon. Rhowch gynnig arall arni.',
  cancel: 'Canslo',
  endSession: 'Gorffen y sesiwn',
  collectingAs: (name: string, role: string) =>
    role ? `Yn casglu fel ${name}, ${role}` : `Yn casglu fel ${name}`,
  focus: (theme: string) => `Thema: ${theme}`,
  servicesList: (names: string) => `Gwasanaethau: ${names}`,
  endsAt:
    'Mae cloi yn cadw’r sesiwn. Daw i ben wrth ddewis “Gorffen y sesiwn”, am hanner nos, neu ar ôl amser hir heb ei ddefnyddio.',
  stillCollecting: (name: string, role: string, services: string) =>
    `Ai ${[name, role].filter(Boolean).join(', ')}${services ? `, ar ${services}` : ''} sydd yma o hyd?`,
  carryOn: 'Parhau',
  startAfresh: 'Dechrau o’r newydd',
  carryOnHint:
    'Daeth y sesiwn ddiwethaf i ben. Parhewch gyda’r un enw a gwasanaethau, neu dechreuwch o’r newydd.',
  noSession:
    'Nid oes neb yn casglu eto: dechreuwch sesiwn fel bod pob stori’n cofnodi pwy gafodd y caniatâd.',
  pinned: 'Gwasanaethau’r sesiwn hon',
  addPinned: (name: string) => `Ychwanegu ${name}`,
  inSettings:
    'Nid gosodiad yw pwy sy’n casglu — eu henw, eu rôl, eu gwasanaethau a’u thema: mae pob person yn dweud hynny ar y sgrin Hafan gyda “Dechrau casglu”.',
  introFrom: 'Daw eich enw, eich rôl a’ch gwasanaethau o “Dechrau casglu” ar y sgrin Hafan.',
};
