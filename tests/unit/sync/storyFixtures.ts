// A complete story draft for queue tests, with or without the storyteller's consent.
import { type Draft, newDraft } from '../../../src/domain/story/story.ts';

export function completeDraft(id: string, consent: boolean, now = Date.parse('2026-11-28T10:00:00Z')): Draft {
  const draft = newDraft(id, now);
  return {
    ...draft,
    title: `Story ${id}`,
    body: 'They listened and explained everything.',
    services: [{ nacs: 'RX1RA', name: "St Mary's Hospital" }],
    author: { ...draft.author, username: 'rugbyfan33', postcode: 'NG5 1PB', email: 'person@example.org' },
    consent: consent
      ? { publish: true, givenAt: new Date(now).toISOString(), recordedBy: 'Sam' }
      : { publish: false },
  };
}
