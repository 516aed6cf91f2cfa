// "About the storyteller": the username, postcode and email fields with their checks' reasons, who
// is telling the story, age groups, and the posted-on-behalf warning with its alternatives.
import { format } from '../common.ts';

export const storyteller = {
  whyWeAsk: 'Why do we ask?',

  usernameLabel: 'Username',
  usernameHint: 'Anything except their real name, like “rugbyfan33”. It is published with the story.',
  /** Why a username blocks (offensive, contact details) or warns, and what to try instead (username.ts). */
  username: {
    offensive: {
      message: 'This username has a word Care Opinion will not publish.',
      suggestion: "Choose a different username, like 'rugbyfan33'.",
    },
    emailAddress: {
      message:
        'This looks like an email address. The username is published, so anyone could contact the storyteller.',
      suggestion:
        "Choose a username with no contact details, like 'bluebird77'. The email address has its own field, and it is never published.",
    },
    phoneNumber: {
      message:
        'This looks like a phone number. The username is published, so anyone could contact the storyteller.',
      suggestion: "Choose a username with no phone number, like 'seasidewalker'.",
    },
    nhsNumber: {
      message:
        'This looks like an NHS number. The username is published, so it would say who the storyteller is.',
      suggestion: "Choose a username with no NHS number or other long numbers, like 'hillside4'.",
    },
    name: {
      message: 'This looks like a real first name or surname. Usernames keep the storyteller anonymous.',
      suggestion: "Try something about a hobby or place, like 'rugbyfan33'.",
    },
    email: {
      message: 'This uses part of the email address, so it could identify the storyteller.',
      suggestion: "Try something that has nothing to do with the email address, like 'gardenlover'.",
    },
    age: {
      message: 'This looks like an age or a year of birth, which could identify the storyteller.',
      suggestion: "Leave out ages and years, like 'seasidewalker'.",
    },
    gender: {
      message: 'This has a word about gender or family role (like man, woman, mum or dad).',
      suggestion: "Try something about a hobby or place instead, like 'bookworm7'.",
    },
    emotion: {
      message: 'This has a feeling in it (like happy or angry). Feelings belong in the story itself.',
      suggestion: "Try something neutral, like 'hillside4'.",
    },
  },

  postcodeLabel: 'Postcode',
  postcodeHint: 'Kept confidential and never published.',
  useServicePostcode: "Use the service's postcode",
  noServicePostcode:
    'No service postcode is known: the chosen service has none and no organisation postcode is set in Settings.',
  servicePostcodeInstead: 'If they have no postcode, use the service’s postcode instead.',
  /** Why a postcode is refused, with what one looks like in the device's region (postcode.ts). */
  postcode: {
    empty: (looksLike: string) => `Postcode is needed. ${looksLike}.`,
    format: (looksLike: string) => `This postcode doesn't look right. ${looksLike}.`,
    looksLike: {
      uk: 'A UK postcode looks like NG5 1PB',
      au: 'An Australian postcode is 4 digits, like 2000',
      ie: 'An Eircode looks like D02 X285',
      ca: 'A Canadian postal code looks like K1A 0B1',
    },
  },

  emailLabel: 'Email address',
  emailHint: 'Kept confidential. Care Opinion emails when the story is published or answered.',
  noEmail: 'No email address',
  onBehalfNote:
    'The story will be marked as posted by a staff member on behalf of the storyteller. They will not get an email when it is published or answered.',
  /** Why an email address is refused (email.ts). */
  email: {
    empty: 'Ask for an email address, or tick "No email address".',
    format: "This email address doesn't look right. It should look like name@example.org, with no spaces.",
  },

  roles: {
    patient: 'Patient or service user',
    carer: 'Carer',
    parent: 'Parent or guardian',
    relative: 'Relative',
    friend: 'Friend',
    'staff-on-behalf': 'Staff member posting on behalf',
  },
  /** Keyed by the stored value (storyWords.ts AGE_GROUPS). */
  ageGroups: {
    'under-16': 'Under 16',
    '16-24': '16 to 24',
    '25-34': '25 to 34',
    '35-44': '35 to 44',
    '45-54': '45 to 54',
    '55-64': '55 to 64',
    '65-74': '65 to 74',
    '75-84': '75 to 84',
    '85+': '85 or over',
  },

  onBehalfOver: (threshold: string) => `Posted on behalf would go over ${threshold}.`,
  onBehalfWhy: (share: string, onBehalf: number, all: number) =>
    `Care Opinion asks that stories posted by staff on behalf of someone stay a small share. This month so far: ${share} (${format.number(onBehalf)} of ${format.number(all)}). You can still go on; first you could:`,
  /** What to suggest instead of posting on behalf (PRODUCT.md, "Posted on behalf"). */
  onBehalfAlternatives: {
    family: 'Ask whether a family member or friend could give their email address instead.',
    leaflet: 'Offer a feedback leaflet, so they can tell Care Opinion their story themselves.',
    later: 'Suggest they post the story later on Care Opinion with their own email address.',
  },
};
