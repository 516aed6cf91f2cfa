// A complete, consented draft for the story and queue-check tests, and generators of drafts.
import fc from 'fast-check';
import { type Draft, DraftSchema } from '../../../src/domain/story/story';
import { anyText } from './textArbitraries';

export const NOW = new Date('2026-11-24T10:42:00.000Z');

export function completeDraft(overrides: Partial<Draft> = {}): Draft {
  return DraftSchema.parse({
    id: 'd1',
    title: "  Kind staff on the children's ward ",
    body: 'They listened. ',
    whatWasGood: ' Everything ',
    whatCouldBeDifferent: '',
    services: [{ nacs: 'RX1RA', name: "Children's ward, City Hospital", postcode: 'NG7 2UH' }],
    author: {
      username: ' rugbyfan33 ',
      email: ' person@example.org ',
      noEmail: false,
      postcode: 'ng5 1pb',
      role: 'patient',
    },
    consent: { publish: true, givenAt: '2026-11-24T10:40:00.000Z' },
    collectedAt: '2026-11-24T10:30:00.000Z',
    step: 5,
    ...overrides,
  });
}

/** Drafts with arbitrary text, flags and shapes in every field. */
export const anyDraft: fc.Arbitrary<Draft> = fc
  .record({
    title: anyText,
    body: anyText,
    whatWasGood: anyText,
    services: fc.array(
      fc.record({ nacs: fc.option(anyText, { nil: undefined }), name: anyText, typedByHand: fc.boolean() }),
    ),
    author: fc.record({
      username: fc.oneof(anyText, fc.constant('rugbyfan33')),
      email: fc.oneof(anyText, fc.constant('person@example.org')),
      noEmail: fc.boolean(),
      postcode: fc.oneof(anyText, fc.constant('NG5 1PB')),
      role: fc.constantFrom('patient', 'carer', 'friend', 'nobody'),
    }),
    consent: fc.record({ publish: fc.boolean(), givenAt: fc.option(anyText, { nil: undefined }) }),
    collectedAt: fc.option(
      fc.oneof(
        anyText,
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      ),
      { nil: undefined },
    ),
  })
  .map((raw) => DraftSchema.parse(raw));
