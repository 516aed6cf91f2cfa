// Words the story screens show, computed from the rules: titles, roles, age groups,
// the posted-on-behalf share and what withdrawing means. Pure; small enough for Home's bundle.
import type { Role } from './story';

export const UNTITLED = 'Untitled story';

/** The title as Home lists it: "Untitled story" until it has one. */
export function titleOf(title: string): string {
  const clean = String(title ?? '').trim();
  return clean === '' ? UNTITLED : clean;
}

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  patient: 'Patient or service user',
  carer: 'Carer',
  parent: 'Parent or guardian',
  relative: 'Relative',
  friend: 'Friend',
  'staff-on-behalf': 'Staff member posting on behalf',
};

/** Optional age groups; stored as the value (e.g. "35-44"). */
export const AGE_GROUPS: readonly { value: string; label: string }[] = [
  { value: 'under-16', label: 'Under 16' },
  { value: '16-24', label: '16 to 24' },
  { value: '25-34', label: '25 to 34' },
  { value: '35-44', label: '35 to 44' },
  { value: '45-54', label: '45 to 54' },
  { value: '55-64', label: '55 to 64' },
  { value: '65-74', label: '65 to 74' },
  { value: '75-84', label: '75 to 84' },
  { value: '85+', label: '85 or over' },
];

export function ageGroupLabel(value: string | undefined): string {
  if (value === undefined || value === '') return 'Not given';
  return AGE_GROUPS.find((group) => group.value === value)?.label ?? value;
}

export type WithdrawWords = { explanation: string; takeDown: string | null };

/** The line Home shows for a story withdrawn after it may have reached Care Opinion. */
export function withdrawnNote(story: {
  mayHaveArrived?: boolean | undefined;
  sentId?: string | undefined;
}): string {
  if (!story.mayHaveArrived) return 'Withdrawn: deleted from this device.';
  const reference = story.sentId ? ` Quote story number ${story.sentId}.` : '';
  return `Withdrawn: deleted from this device, but it may have reached Care Opinion. To take it down there, contact Care Opinion (careopinion.org.uk, "Contact us").${reference}`;
}

/** What "Delete story" will do: before any attempt it deletes; after one the story may have arrived. */
export function withdrawWords(story: {
  mayHaveArrived: boolean;
  sentId?: string | undefined;
  withdrawn?: boolean | undefined;
}): WithdrawWords {
  if (story.withdrawn) {
    return {
      explanation:
        'This story was already withdrawn: only a short receipt is left. Deleting removes the receipt too.',
      takeDown: null,
    };
  }
  if (!story.mayHaveArrived) {
    return {
      explanation:
        'This deletes the story from this device. It has not been sent, so Care Opinion never sees it.',
      takeDown: null,
    };
  }
  const reference = story.sentId ? ` Quote story number ${story.sentId}.` : '';
  return {
    explanation:
      'This story may already have arrived at Care Opinion. Deleting removes everything this device holds and keeps a short receipt saying so.',
    takeDown: `To take it down from Care Opinion, contact Care Opinion (careopinion.org.uk, "Contact us") and ask them to withdraw it.${reference}`,
  };
}

/** The postcode "Use the service's postcode" offers: the first chosen service's, else the organisation's. */
export function postcodeToOffer(
  services: readonly { postcode?: string | undefined }[],
  organisationPostcode: string,
): string | null {
  const fromService = services.find((service) => (service.postcode ?? '').trim() !== '')?.postcode?.trim();
  if (fromService) return fromService;
  const fromSettings = organisationPostcode.trim();
  return fromSettings === '' ? null : fromSettings;
}

/** The text the live word count covers: the story and the two questions' answers. */
export function storyText(draft: {
  body: string;
  whatWasGood: string;
  whatCouldBeDifferent: string;
}): string {
  return [draft.body, draft.whatWasGood, draft.whatCouldBeDifferent].join('\n');
}
