// Hand-off: a story ready to post on Care Opinion's website, field by field in the order the
// website's "Tell your story" form asks for them, and in the order of Care Opinion's paper
// "taking a story form" for printing, each with its name in the chosen language. Built from the
// frozen, consented body: what is posted is exactly what was checked and consented to.
import type { QueuedStory } from '../story/submission.ts';
import { bodyToSend } from '../story/submissionBody.ts';
import type { Messages } from './index.ts';
import { ageGroupLabel } from './storyWords.ts';

export type HandOffField = {
  /** Stable key (React key, print order). */
  key: string;
  /** The field's name: its button is "Copy <label>". */
  label: string;
  value: string;
  /** Username, postcode, email: printed only after a confirmation. */
  personal: boolean;
  /** A service's place, shown beside its "Copy" button (the copied text is the name alone). */
  place?: string | undefined;
};

/**
 * The story as the website's one "What happened" box takes it: what happened, then what was good
 * and what could have been different, as the website suggests a story covers them.
 */
export function storyForWebsite(
  story: Pick<QueuedStory, 'body' | 'whatWasGood' | 'whatCouldBeDifferent'>,
  t: Messages,
): string {
  // A body built from the two answers (nothing else told) would repeat them: the answers stand alone.
  const answers = {
    whatWasGood: story.whatWasGood ?? '',
    whatCouldBeDifferent: story.whatCouldBeDifferent ?? '',
  };
  const built = story.body.trim() === bodyToSend({ body: '', ...answers });
  const parts = built ? [] : [story.body.trim()];
  if (story.whatWasGood) parts.push(t.handoff.whatWasGood(story.whatWasGood.trim()));
  if (story.whatCouldBeDifferent)
    parts.push(t.handoff.whatCouldBeDifferent(story.whatCouldBeDifferent.trim()));
  return parts.join('\n\n');
}

/**
 * Every field in the website's order: title, story, each service, who is telling it, username,
 * postcode, email. `places`: each service's place, by the services' order, when known.
 */
export function handOffFields(
  story: QueuedStory,
  t: Messages,
  places: readonly (string | undefined)[] = [],
): HandOffField[] {
  const label = t.handoff.fields;
  const services = story.healthservices.map((service, i) => ({
    key: `service-${i}`,
    label: story.healthservices.length === 1 ? label.service : label.serviceNumbered(i + 1),
    value: service.name,
    personal: false,
    place: places[i],
  }));
  const fields: HandOffField[] = [
    { key: 'title', label: label.title, value: story.title, personal: false },
    { key: 'story', label: label.story, value: storyForWebsite(story, t), personal: false },
    ...services,
    { key: 'role', label: label.role, value: t.storyteller.roles[story.author.role], personal: false },
  ];
  if (story.author.ageGroup)
    fields.push({
      key: 'age',
      label: label.ageGroup,
      value: ageGroupLabel(story.author.ageGroup, t),
      personal: false,
    });
  fields.push(
    { key: 'username', label: label.username, value: story.author.username, personal: true },
    { key: 'postcode', label: label.postcode, value: story.author.postcode, personal: true },
  );
  if (story.author.email !== null)
    fields.push({ key: 'email', label: label.email, value: story.author.email, personal: true });
  return fields;
}

/**
 * The paper "taking a story form" order: the service first (who the story is for), then the story,
 * then who tells it and how Care Opinion can reach them. Personal fields only when `personal`.
 */
export function printFields(story: QueuedStory, personal: boolean, t: Messages): HandOffField[] {
  const fields = handOffFields(story, t);
  const order = (f: HandOffField) => (f.key.startsWith('service-') ? 0 : f.personal ? 2 : 1);
  return fields
    .filter((f) => personal || !f.personal)
    .map((f, i) => ({ f, i }))
    .sort((a, b) => order(a.f) - order(b.f) || a.i - b.i)
    .map(({ f }) => f);
}
