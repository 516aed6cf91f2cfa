// The six steps of the conversation and the scripts a staff member can read out at each one.
// They follow Care Opinion's conversation guide in our own words; all plain text, never markup.

export const STEPS = [
  { id: 'introduce', title: 'Introduce' },
  { id: 'story', title: 'The story' },
  { id: 'services', title: 'Services' },
  { id: 'storyteller', title: 'About the storyteller' },
  { id: 'consent', title: 'Consent' },
  { id: 'finish', title: 'Check and finish' },
] as const;
export type StepId = (typeof STEPS)[number]['id'];
export type StepIndex = 0 | 1 | 2 | 3 | 4 | 5;

/** Where a step sits in the flow (0 Introduce … 5 Check and finish). */
export function stepIndex(id: StepId): StepIndex {
  return STEPS.findIndex((step) => step.id === id) as StepIndex;
}

/**
 * What the scripts use — who is collecting (the session, see session.ts guideOf) and the organisation
 * (Settings); each may be empty, and the script still reads naturally.
 */
export type GuideSettings = Partial<
  Record<'staffName' | 'staffRole' | 'organisation' | 'serviceName' | 'focusTheme', string>
>;

const clean = (value: string | undefined): string => (value ?? '').trim().replace(/\s+/g, ' ');

/** Step 1: who I am, why we ask for stories, and the session's focus theme when one is set. */
export function introductionScript(settings: GuideSettings): string {
  const name = clean(settings.staffName);
  const role = clean(settings.staffRole);
  const place = clean(settings.serviceName) || clean(settings.organisation);
  const theme = clean(settings.focusTheme);
  const who = name ? `My name is ${name}${role ? `, and I'm ${withArticle(role)}` : ''}.` : 'Hello.';
  const where = place ? ` I work with ${place}.` : '';
  const parts = [
    `${who}${where}`,
    'We would like to hear about your experience of care, in your own words — what was good, and what could have been better.',
    'With your agreement, your story goes on Care Opinion, a website where people share their experiences of care, so the staff involved can read it, learn from it and reply.',
    theme
      ? `Today we are especially interested in ${theme}, but you can tell us about anything that matters to you.`
      : '',
    'It takes about ten minutes, you stay anonymous, and you can stop at any time.',
  ];
  return parts.filter((part) => part !== '').join(' ');
}

function withArticle(role: string): string {
  if (/^(a|an|the)\s/i.test(role)) return role;
  return `${/^[aeiou]/i.test(role) ? 'an' : 'a'} ${role}`;
}

/** Step 2: the questions, keyed by the draft field each answer goes in. */
export const STORY_QUESTIONS = {
  title: 'What was your story about?',
  body: 'What happened? How did you feel?',
  whatWasGood: 'What was good?',
  whatCouldBeDifferent: 'What could have been different?',
} as const;

/** Step 2: open prompts to help the storyteller say more; never leading, never judging. */
export const FOLLOW_UP_PROMPTS: readonly string[] = [
  'You said you felt safe and well cared for — what made you feel that way?',
  'Can you tell me more about that?',
  'How did that make you feel at the time?',
  'What difference did that make to you, or to the people close to you?',
  'Was there a moment that stood out, good or bad?',
  'Was there someone who made a difference? What did they do?',
  'How were you kept informed about what was happening?',
  'Is there anything you wish had been done differently?',
  'If you could say one thing to the staff involved, what would it be?',
  'Is there anything else you would like to add?',
];

/** Step 4: short answers to "Why do we ask?", one per storyteller field. */
export const WHY_WE_ASK = {
  username:
    'Your story is published under a username, not your real name, so nobody can tell it is you. Choose anything that is not your name and not offensive, like "rugbyfan33".',
  postcode:
    "Your postcode is kept confidential and never published. It helps Care Opinion see which area stories come from. If you have no postcode, we can use the service's postcode instead.",
  email:
    'Your email address is kept confidential and never published. Care Opinion uses it to tell you when your story is published and when the service responds. If you have no email address, a staff member posts the story on your behalf.',
  role: 'Knowing whether you are the patient, a carer, a relative or a friend helps readers understand your story. Your age group is optional.',
} as const;

/** Step 5: what agreeing means, read out before the consent box is ticked. */
export function consentScript(): string {
  return [
    'Before we send your story, we need your agreement.',
    'Your story will be published on Care Opinion, a public website: anyone can read it, including the staff involved.',
    'Your name, email address and postcode are never published.',
    'You can change your mind at any time, before or after it is published. Just let us know, or contact Care Opinion, and it will be taken down.',
    'Are you happy for your story to be published on Care Opinion?',
  ].join(' ');
}

/** Step 6: thanks, and what happens next. */
export function closingScript(settings: GuideSettings = {}): string {
  const place = clean(settings.serviceName) || clean(settings.organisation);
  return [
    'Thank you for sharing your story.',
    place ? `The staff at ${place} will be able to read it and reply.` : '',
    'It will be added to Care Opinion soon.',
    'If you gave an email address, you will get an email when it is published, and again if the service responds.',
    'You can come back to Care Opinion at any time to respond, or to tell a new story.',
  ]
    .filter((part) => part !== '')
    .join(' ');
}
