/** A collecting session: who collects on this iPad now ("Start collecting", "End session"). */
export const session = {
  startCollecting: 'Start collecting',
  startIntro:
    'Say who is collecting stories on this iPad now. Your name is read out in the introduction and recorded as the person who took each storyteller’s consent. Locking keeps it. The session ends on “End session”, at midnight, or after a long time unused (Settings).',
  yourName: 'Your name',
  yourNameHint: 'Recorded as the staff member who took consent.',
  yourRole: 'Your role',
  yourRoleHint: 'For example: volunteer, staff nurse (optional).',
  services: 'Services for this session',
  servicesHint: 'Offered first whenever a story’s services are chosen (optional).',
  theme: 'Focus theme (optional)',
  themeHint: 'A theme a manager or service asked you to focus on in this session.',
  nameMissing: 'Enter your name: it records who took consent.',
  notSaved: 'The session could not be saved on this device. Please try again.',
  cancel: 'Cancel',
  endSession: 'End session',
  collectingAs: (name: string, role: string) =>
    role ? `Collecting as ${name}, ${role}` : `Collecting as ${name}`,
  focus: (theme: string) => `Focus theme: ${theme}`,
  servicesList: (names: string) => `Services: ${names}`,
  endsAt: 'Locking keeps the session. It ends on “End session”, at midnight, or after a long time unused.',
  /** After it ended at midnight or after the long idle: "Still Sam, Staff Nurse, on Elderly Care?" */
  stillCollecting: (name: string, role: string, services: string) =>
    `Still ${[name, role].filter(Boolean).join(', ')}${services ? `, on ${services}` : ''}?`,
  carryOn: 'Carry on',
  startAfresh: 'Start afresh',
  carryOnHint: 'The last session ended. Carry on with the same name and services, or start afresh.',
  noSession: 'Nobody is collecting yet: start a session so each story records who took consent.',
  pinned: 'This session’s services',
  addPinned: (name: string) => `Add ${name}`,
  inSettings:
    'Who is collecting — their name, role, services and focus theme — is not a setting: each person says so on Home with “Start collecting”.',
  introFrom: 'Your name, role and services come from “Start collecting” on Home.',
};
