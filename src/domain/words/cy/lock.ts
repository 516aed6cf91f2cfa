import type { Messages } from '../en-GB/index.ts';
import { format } from './common.ts';

// Welsh counts with a numeral take the singular noun: "5 munud", "2 awr", "45 eiliad" (Intl's words;
// these forms only where the browser has no Welsh number data, as Chromium has none).
const SECONDS = { other: '{n} eiliad' };
const MINUTES = { two: '{n} funud', other: '{n} munud' };
const HOURS = { other: '{n} awr' };

const wait = (hours: number, minutes: number, seconds: number) => {
  if (hours === 0 && minutes === 0) return format.unit(seconds, 'second', SECONDS);
  if (hours === 0) return format.unit(minutes, 'minute', MINUTES);
  return minutes === 0
    ? format.unit(hours, 'hour', HOURS)
    : `${format.unit(hours, 'hour', HOURS)} ${format.unit(minutes, 'minute', MINUTES)}`;
};

export const lock: Messages['lock'] = {
  lockedTitle: 'Mae Casglwr Straeon wedi’i gloi',
  lock: 'Cloi',
  locking: 'Yn cloi: yn cadw’r stori sydd ar agor yn gyntaf…',
  preparingCode: 'Yn paratoi’r cod adfer…',
  pin: 'PIN',
  unlock: 'Datgloi',
  forgotten: 'Wedi anghofio’r PIN?',
  checkingPin: 'Yn gwirio’r PIN…',
  setTitle: 'Gosod PIN ar gyfer y ddyfais hon',
  setWhy:
    'Mae’r PIN yn cadw straeon yn breifat ar ddyfais a rennir: mae’r ap yn cloi pan nad yw’n cael ei ddefnyddio, ac mae straeon yn cael eu storio fel nad oes modd eu darllen hebddo.',
  setPin: 'Gosod PIN',
  settingPin: 'Yn gosod y PIN. Mae hyn yn cymryd ychydig eiliadau…',
  choosePin: 'Dewiswch PIN',
  choosePinHint:
    '6 i 8 digid, nid un hawdd fel 123456 neu ddyddiad. Mae ei angen ar bawb sy’n defnyddio’r ddyfais hon.',
  confirmPin: 'Cadarnhewch y PIN',
  changeTitle: 'Dewiswch PIN newydd',
  changeWhy: (reason) =>
    `${reason} Nid oes dim ar y ddyfais hon yn cael ei golli, ac mae’r cod adfer yn aros yr un fath.`,
  setNewPin: 'Gosod PIN newydd',
  settingNewPin: 'Yn gosod y PIN newydd…',
  recoveryTitle: 'Cod adfer',
  recoveryGive:
    'Rhowch y cod hwn i arweinydd Care Opinion eich sefydliad, neu ysgrifennwch ef iddynt. Cadwch ef i ffwrdd o’r ddyfais hon.',
  recoveryWhat:
    'Os bydd y PIN yn mynd yn angof, mae’r cod hwn yn gosod un newydd heb golli unrhyw straeon sy’n aros i gael eu hanfon. Dim ond unwaith y caiff ei ddangos.',
  recoverySaved: 'Rwyf wedi cadw’r cod',
  resetWhy:
    'Mae gan arweinydd Care Opinion eich sefydliad god adfer y ddyfais hon. Gydag ef gallwch ddewis PIN newydd. Caiff straeon sy’n aros i gael eu hanfon eu cadw.',
  recoveryCode: 'Cod adfer',
  recoveryCodeHint: '6 grŵp o 4 nod (llythrennau a digidau).',
  backToPin: 'Yn ôl i’r PIN',
  checkingCode: 'Yn gwirio’r cod adfer. Mae hyn yn cymryd ychydig eiliadau…',
  lockout: (hours, minutes, seconds) =>
    `Rydych wedi rhoi PIN anghywir ormod o weithiau. Gallwch roi cynnig arall arni ymhen ${wait(hours, minutes, seconds)}. Nid oes dim ar y ddyfais hon wedi’i ddileu.`,
  wrongPin: 'Nid yw’r PIN hwnnw’n gywir.',
  tryAgain: 'Rhowch gynnig arall arni.',
  triesLeft: (n) =>
    format.plural(n, {
      two: '{n} gynnig arall cyn aros am ychydig.',
      other: '{n} cynnig arall cyn aros am ychydig.',
    }),
  strayCharacter: (stray: string) =>
    `Dim ond llythrennau a digidau sydd mewn cod adfer; nid yw “${stray}” yn un ohonynt.`,
  codeLength: (length: number) =>
    `Mae gan god adfer 24 nod (llythrennau a digidau) mewn 6 grŵp o 4; mae gan hwn ${format.number(length)}.`,
  reasons: {
    choosePin: 'Dewiswch PIN o 6 i 8 digid.',
    digitsOnly: 'Defnyddiwch ddigidau yn unig (0 i 9).',
    tooShort: 'Mae angen o leiaf 6 digid ar y PIN.',
    tooLong: 'Ni all y PIN fod yn hwy nag 8 digid.',
    tooEasy: {
      repeated: 'Mae’r PIN hwn yn rhy hawdd ei ddyfalu: un digid wedi’i ailadrodd ydyw.',
      run: 'Mae’r PIN hwn yn rhy hawdd ei ddyfalu: rhes o ddigidau ydyw, fel 123456 neu 654321.',
      pattern: 'Mae’r PIN hwn yn rhy hawdd ei ddyfalu: mae’n ailadrodd patrwm byr, fel 121212 neu 123123.',
      doubled: 'Mae’r PIN hwn yn rhy hawdd ei ddyfalu: mae pob digid yn dod ddwywaith yn olynol, fel 112233.',
      date: 'Mae’r PIN hwn yn rhy hawdd ei ddyfalu: mae’n edrych fel mis neu ddiwrnod a blwyddyn, fel 071985.',
      keypad:
        'Mae’r PIN hwn yn rhy hawdd ei ddyfalu: mae’n batrwm adnabyddus ar y bysellbad neu’n ddrych-ddelwedd, fel 147258 neu 123321.',
    },
    chooseAnother: 'Dewiswch un arall.',
    confirmEmpty: 'Teipiwch y PIN eto i’w gadarnhau.',
    notSame: 'Nid yw’r ddau PIN yr un fath. Teipiwch nhw eto.',
    enterCode: 'Rhowch y cod adfer.',
    notSetUp: 'Nid oes PIN wedi’i osod ar y ddyfais hon eto.',
    alreadySet:
      'Mae PIN eisoes wedi’i osod ar y ddyfais hon (mewn ffenestr arall efallai). Defnyddiwch hwnnw, neu “Wedi anghofio’r PIN?” i ddewis un newydd.',
    noDeviceKey:
      'Mae allwedd y porwr hwn ei hun ar gyfer yr ap ar goll neu wedi newid, felly nid oes modd agor yr hyn sydd wedi’i storio yma.',
    notSaved: 'Nid oedd modd cadw’r PIN ar y ddyfais hon. Rhowch gynnig arall arni.',
    wrongCode: 'Nid yw’r cod adfer hwnnw’n gywir. Gwiriwch ef gydag arweinydd Care Opinion eich sefydliad.',
    enterPin: 'Rhowch y PIN.',
    mustChange: 'Mae’r PIN hwnnw’n gywir, ond rhaid ei newid nawr.',
  },
};
