// The story's steps: their names, the scripts a staff member reads out (Care Opinion's conversation
// guide in our own words), each step's fields, consent and sending, and a draft's progress on Home.
import type { ClosingSentence } from '../../../send/closing.ts';
import type { MissingField } from '../../../story/sendReadiness.ts';
import type { GuideSettings, StepId } from '../../../story/steps.ts';
import { format } from '../common.ts';

const clean = (value: string | undefined): string => (value ?? '').trim().replace(/\s+/g, ' ');
const placeOf = (s: GuideSettings) => clean(s.serviceName) || clean(s.organisation);

function withArticle(role: string): string {
  if (/^(a|an|the)\s/i.test(role)) return role;
  return `${/^[aeiou]/i.test(role) ? 'an' : 'a'} ${role}`;
}

/** What the closing words name: the story's services (with their places), the region's site. */
export type ClosingAbout = { services: string; site: string };

const titles: Record<StepId, string> = {
  introduce: 'Introduce',
  story: 'The story',
  services: 'Services',
  storyteller: 'About the storyteller',
  finish: 'Check and finish',
};

const missingNames: Record<MissingField, string> = {
  title: 'title',
  body: 'the story',
  services: 'service',
  'author.username': 'username',
  'author.postcode': 'postcode',
  'author.email': 'email or "No email address"',
  consent: 'consent',
  story: 'a check of the whole story',
};

export const steps = {
  titles,
  notStarted: 'Nothing is kept on this device until the first answer is typed.',
  introduce: {
    readOut: 'Read this out, in your own words.',
    /** Step 1: who I am, why we ask for stories, and the session's focus theme when one is set. */
    script: (settings: GuideSettings): string => {
      const name = clean(settings.staffName);
      const role = clean(settings.staffRole);
      const place = placeOf(settings);
      const theme = clean(settings.focusTheme);
      const who = name ? `My name is ${name}${role ? `, and I'm ${withArticle(role)}` : ''}.` : 'Hello.';
      return [
        `${who}${place ? ` I work with ${place}.` : ''}`,
        'We would like to hear about your experience of care, in your own words — what was good, and what could have been better.',
        'With your agreement, your story goes on Care Opinion, a website where people share their experiences of care, so the staff involved can read it, learn from it and reply.',
        theme
          ? `Today we are especially interested in ${theme}, but you can tell us about anything that matters to you.`
          : '',
        'It takes about ten minutes, you stay anonymous, and you can stop at any time.',
      ]
        .filter((part) => part !== '')
        .join(' ');
    },
    fromSettingsBefore: 'Your name, role and service come from ',
    settingsLink: 'Settings',
    fromSettingsAfter: '.',
  },
  story: {
    /** The guide's order: its two questions, then anything else, then the title. */
    questions: {
      whatWasGood: 'What was good?',
      whatCouldBeDifferent: 'What could have been different?',
      body: 'Anything else about what happened?',
      title: 'What would you call this story?',
    },
    answerOne: 'Answer at least one of these three, in the storyteller’s own words.',
    /** Under each of the guide's questions (staff only): an open follow-up, shown as an example, not a script. */
    followUp: {
      whatWasGood:
        'Follow up with an open question in your own words. For example: “You said you felt safe and well cared for, what was it that made you feel that way?”',
      whatCouldBeDifferent:
        'Follow up with an open question in your own words. For example: “You said the wait was hard, what would have made it easier?”',
    },
    titleHint: 'A few words in the storyteller’s own words: this is the story’s title on Care Opinion.',
    /** The button that fills the title with the story's first words. */
    useSuggestion: (words: string) => `Use “${words}” as the title`,
    focus: {
      legend: 'Focus theme for this story',
      hint: 'Keep the session’s theme only if this story is about it.',
      none: 'No focus theme',
      other: 'Another theme',
      otherLabel: 'Theme for this story',
    },
    promptsTitle: 'Follow-up prompts',
    /** Open prompts to help the storyteller say more; never leading, never judging. */
    prompts: [
      'Can you tell me more about that?',
      'How did that make you feel at the time?',
      'What difference did that make to you, or to the people close to you?',
      'Was there a moment that stood out, good or bad?',
      'Was there someone who made a difference? What did they do?',
      'How were you kept informed about what was happening?',
      'Is there anything you wish had been done differently?',
      'If you could say one thing to the staff involved, what would it be?',
      'Is there anything else you would like to add?',
    ],
  },
  services: {
    hint: 'Which service was this about? Add every service on the journey, each by its Care Opinion name.',
  },
  storyteller: {
    role: 'Who is telling the story',
    ageGroup: 'Age group (optional)',
  },
  /** Short answers to "Why do we ask?", one per storyteller field. */
  whyWeAsk: {
    username:
      'Your story is published under a username, not your real name, so nobody can tell it is you. Choose anything that is not your name and not offensive, like "rugbyfan33".',
    postcode:
      "Your postcode is kept confidential and never published. It helps Care Opinion see which area stories come from. If you have no postcode, we can use the service's postcode instead.",
    email:
      'Your email address is kept confidential and never published. Care Opinion uses it to tell you when your story is published and when the service responds. If you have no email address, a staff member posts the story on your behalf.',
    role: 'Knowing whether you are the patient, a carer, a relative or a friend helps readers understand your story. Your age group is optional.',
  },
  finish: {
    readBackHint: 'Read the story back to the storyteller. Email and postcode are partly hidden.',
    consentTitle: 'Consent',
    consentReadOut: 'Then read this out and wait for a clear answer.',
    /** What agreeing means, read out after the read-back, before the consent box is ticked. */
    consentScript: [
      'Before we send your story, we need your agreement.',
      'Your story will be published on Care Opinion, a public website: anyone can read it, including the staff involved.',
      'Your name, email address and postcode are never published.',
      'You can change your mind at any time, before or after it is published. Just let us know, or contact Care Opinion, and it will be taken down.',
      'Are you happy for your story to be published on Care Opinion?',
    ].join(' '),
    consentBox: 'The storyteller gives consent to publish this story on Care Opinion',
    /** With nobody collecting (no session): who takes consent, asked beside the box. */
    consentTakenBy: 'Your name',
    consentTakenByHint:
      'Nobody has started collecting on this iPad, so type your name: it is recorded as the person who took consent.',
    consentRecorded: (at: number, by: string) =>
      `Consent recorded at ${format.time(at)} on ${format.date(at)} by ${by}.`,
    consentCleared: 'Consent was cleared because the story changed after it was given. Ask again.',
    noConsentNoSending:
      'No consent, no sending. The storyteller can withdraw at any time: ask a staff member, or contact Care Opinion after it is published.',
    send: 'Send to Care Opinion',
    sending: 'Saving and putting the story in the send queue…',
    notSaved:
      'The latest changes are not saved on this device yet, so the story was not sent. It is still on screen; try again in a moment.',
    notQueued: 'The story was not put in the queue. It is still saved on this device; try again.',
    notQueuedBecause: (reason: string) => `The story was not put in the queue: ${reason}`,
  },
  /**
   * Thanks, and what happens next, read out once "Send to Care Opinion" is tapped: one sentence per
   * code of the closing rule (send/closing.ts), in its order; the card says the same (card.nextTitle).
   */
  closing: {
    readOut: 'Read this out',
    sentences: {
      thanks: () => 'Thank you for sharing your story.',
      services: ({ services }) => `The staff at ${services} will be able to read it and reply.`,
      email: () => 'You’ll get an email when it is published and when the service responds.',
      'no-email': ({ site }) =>
        `You won’t get emails: here is how to find your story. In a few days, look for your username on ${site}: your story and any response will be there.`,
      moderated: () => 'Stories are read by Care Opinion’s moderators before they are published.',
      'on-device': () =>
        'Your story has not left this iPad yet: it will be sent when this iPad is back online.',
      'by-hand': () => 'A member of staff will post it on Care Opinion’s website for you.',
      'come-back': () => 'You can come back to Care Opinion at any time to respond, or to tell a new story.',
    } satisfies Record<ClosingSentence, (about: ClosingAbout) => string>,
  },
  remove: 'Delete this story',
  /** The story screen's button once the story was queued with consent (sendRules.ts removalOf). */
  withdrawThis: 'Withdraw this story',
  /** A draft's row on Home: how far it got, and what is still needed before it can be sent. */
  progress: {
    reached: (step: StepId) => `Reached: ${titles[step]}`,
    stillNeeded: (fields: readonly MissingField[]) =>
      `Still needed: ${format.list(fields.map((field) => missingNames[field]))}`,
    ready: 'Ready to send',
  },
};
