// Settings' words: the connection, how stories reach Care Opinion, the relay, this device, the
// organisation, policies, the service directory, and the language.
import type { DirectoryProblem } from '../../directory/directoryProblem.ts';
import type { ConnectionVerdict } from '../../settings/connection.ts';
import type { Region } from '../../settings/settings.ts';
import type { SettingsProblem, SetupNote } from '../../settings/settingsProblem.ts';
import { format } from './common.ts';

export const settings = {
  title: 'Settings',
  home: 'Home',
  opening: 'Opening the settings…',
  connection: 'Care Opinion connection',
  apiAddress: 'API address',
  apiAddressHint: 'The relay or Care Opinion address, up to and including /api/v2.',
  key: 'Subscription key',
  keySaved: 'A key is saved (not shown). Leave empty to keep it, or type a new one.',
  keyHint: "Leave empty when the address is your organisation's relay.",
  recoveryCode: 'Recovery code',
  recoveryCodeHint:
    "Changing where stories go needs this device's recovery code, from your organisation's Care Opinion lead.",
  testConnection: 'Test connection',
  testing: 'Testing the connection: asking Care Opinion for one service…',
  connectionResult: {
    working: 'Working: Care Opinion answered and accepted the key.',
    'key-rejected': 'The key was not accepted (or the address is not a Care Opinion API). Check both.',
    unreachable: 'Cannot reach this address. Check it, and that this device is online.',
    blocked:
      'Blocked by the browser (CORS): the server answered, but does not allow this app to read its answers. Its administrator must allow this app’s address.',
    'server-problem': 'The server was reached but had a problem. Try again in a few minutes.',
    'not-configured': 'Enter the API address first.',
    'enter-key': 'Type the key for this address to test it: the saved key goes only to the saved address.',
    'relay-working':
      "Connected: your organisation's relay accepted this iPad, and Care Opinion accepted the relay's key.",
    'relay-revoked':
      'This iPad was disconnected from the relay. Connect again with a new enrolment code from your Care Opinion lead.',
    'relay-unreachable': 'Cannot reach the relay. Check that this iPad has a signal, or try again later.',
    'relay-key-refused':
      "The relay is working, but Care Opinion did not accept the relay's key — tell your Care Opinion lead.",
    'relay-upstream-unreachable':
      'The relay is working, but cannot reach Care Opinion just now. Stories wait and are sent later.',
  } satisfies Record<ConnectionVerdict, string>,
  directKeyWarning:
    'A Care Opinion subscription key is stored on this shared device. Anyone using it could read the key. Prefer your organisation’s relay address, with no key here.',
  delivery: 'How stories reach Care Opinion',
  automatic: 'Send them automatically',
  automaticNeedsAddress: 'Sending automatically needs an API address (above).',
  byHand: 'Post them on the Care Opinion website myself',
  /** Issue 27: offered only through a relay that has a posting desk (domain/settings/relay.ts deskOffered). */
  desk: 'Send them to our organisation’s posting desk',
  deskNote:
    'Each story is sealed on this iPad so that only your Care Opinion lead can open it, and waits at the posting desk until they post it. This iPad keeps it until then.',
  invitationLink: 'Invitation link',
  invitationLinkHint:
    'Optional: your organisation’s Care Opinion invitation link. Without it, “Open Care Opinion” opens your region’s “Tell your story” page.',
  relay: 'Connect to a relay',
  relayConnected: (address: string) =>
    `Stories go through your organisation's relay at ${address}. No subscription key is kept on this iPad.`,
  relayOffer: (relay: string) => `Connect this iPad to the relay at ${relay}?`,
  relayAddress: 'Relay address',
  relayAddressHint: "From your organisation's Care Opinion lead, for example relay.example.nhs.uk.",
  enrolmentCode: 'Enrolment code',
  enrolmentCodeHint: 'A one-time code, valid for an hour.',
  connect: 'Connect',
  connecting: 'Connecting to the relay…',
  relayDone: 'This iPad is connected to the relay.',
  device: 'This device',
  region: 'Region',
  regions: {
    uk: 'United Kingdom',
    au: 'Australia',
    ie: 'Ireland',
    ca: 'Canada',
  } satisfies Record<Region, string>,
  organisationLegend: 'Organisation',
  organisation: 'Organisation name',
  organisationPostcode: 'Organisation postcode',
  organisationPostcodeHint: "Offered by “Use the service's postcode” when the chosen service has none.",
  introduction: 'Introduction text',
  introductionHint:
    'Read out after the app’s introduction: anything your organisation wants said (optional).',
  policies: 'Policies',
  threshold: 'Posted-on-behalf threshold (%)',
  thresholdHint: 'Warn before stories posted by staff on behalf of someone go over this share. Usually 5.',
  autoLock: 'Auto-lock after (minutes)',
  autoLockHint: 'Lock the app after this many idle minutes, 1 to 60.',
  sessionIdle: 'End the collecting session after (hours)',
  sessionIdleHint:
    'Locking keeps the session. It ends on “End session”, at midnight, or after the app is unused or locked for this many hours, 1 to 12.',
  save: 'Save',
  /** Why a setting or a save was refused (`SettingsProblem`), and how settings were set up (`SetupNote`). */
  reasons: {
    enterApiAddress: 'Enter the API address, for example https://relay.example.org/api/v2.',
    enterRelayAddress: 'Enter the relay address, for example https://relay.example.org/api/v2.',
    notWebAddress: 'This is not a web address. It should start with https://',
    useHttps: 'Use an https:// address (http:// is allowed only for localhost and 127.0.0.1).',
    configInvalid: 'The set-up file (app-config.json) was not valid and was ignored.',
    configAdopted: 'Set up from this organisation’s set-up file (app-config.json).',
    notSaved: 'Settings could not be saved on this device. Please try again.',
    saved: 'Settings saved on this device.',
    needChanges: 'Some settings need changing before they can be saved (see above).',
    percentage: 'Enter a percentage from 0 to 100.',
    minutes: 'Enter a number of minutes from 1 to 60.',
    hours: 'Enter a number of hours from 1 to 12.',
    notAccepted: 'This value was not accepted.',
    needsCode: "Changing where stories go needs this device's recovery code.",
    relayNeedsCode:
      "Connecting to a relay changes where stories go: enter this device's recovery code above first.",
    enterEnrolment: 'Enter the enrolment code from your Care Opinion lead.',
    relayUnreachable: 'Could not reach the relay. Check the address and that the iPad has a signal.',
    codeNotAccepted:
      'The relay did not accept this enrolment code: it may be mistyped, used already or expired. Check it, or ask your Care Opinion lead for a new one.',
    codeUnknown: 'The relay does not know this enrolment code. Check it with your Care Opinion lead.',
    codeUsed: 'This enrolment code has been used already. Ask your Care Opinion lead for a new one.',
    codeExpired: 'This enrolment code has expired. Ask your Care Opinion lead for a new one.',
    tooManyCodes: 'Too many wrong codes were tried. Wait a minute and try again.',
    relayRefused:
      'The relay did not accept this iPad. Check the relay address and the code, and that the iPad has a signal.',
    invitationLink:
      'Use the invitation link exactly as Care Opinion gave it: an https:// address on a Care Opinion site.',
    notMoved:
      'Settings were saved, but the stories waiting could not be moved to the new way yet. Nothing is lost: save again.',
  } satisfies Record<
    | Exclude<SettingsProblem, 'displayNotSaved' | 'sessionNotSaved'>
    | Exclude<SetupNote['code'], 'addressIgnored'>
    // The form's own answers (useSettingsForm).
    | 'saved'
    | 'needChanges'
    | 'percentage'
    | 'minutes'
    | 'hours'
    | 'notAccepted',
    string
  >,
  setupIgnored: (reason: string) => `The set-up file's API address was ignored: ${reason}`,
  directory: {
    title: 'Service directory',
    interrupted: 'The last refresh stopped part-way; the next one continues from there.',
    contacting: 'Contacting Care Opinion…',
    refresh: 'Refresh service directory',
    cancel: 'Cancel',
    checking: (fetched: number) => `Checking for new services: ${format.number(fetched)} so far`,
    downloadingOf: (fetched: number, total: number) =>
      `Downloading ${format.number(fetched)} of about ${format.number(total)}`,
    downloading: (fetched: number) =>
      format.plural(fetched, {
        one: 'Downloading: {n} service so far',
        other: 'Downloading: {n} services so far',
      }),
    none: 'No services stored on this device yet.',
    stored: (count: number) =>
      format.plural(count, {
        one: '{n} service stored on this device',
        other: '{n} services stored on this device',
      }),
    storedOnly: (services: string) => `${services}.`,
    storedAt: (services: string, when: string) => `${services}, last refreshed ${when}.`,
    problems: {
      'key-rejected':
        'The key was not accepted, so the directory could not be downloaded. Check the API address and key.',
      unreachable:
        'Care Opinion could not be reached. The directory already on this device still works; try again when there is a signal.',
      'not-configured': 'Enter the API address first.',
      other: 'The directory could not be refreshed. The directory already on this device still works.',
    } satisfies Record<Exclude<DirectoryProblem, 'cancelled'> | 'other', string>,
  },
};
