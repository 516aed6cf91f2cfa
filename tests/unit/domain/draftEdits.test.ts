// The one rule for what an edit means: which edits clear consent (case table), and which edit starts
// a new story (a stray "New story" keeps nothing).
import { describe, expect, it } from 'vitest';
import { applyEdit, consentWasCleared, startsStory } from '../../../src/domain/draftEdits.ts';
import { checkQueueable } from '../../../src/domain/sendReadiness.ts';
import { type Draft, newDraft } from '../../../src/domain/story.ts';
import { completeDraft, NOW } from './storyFixtures.ts';

type Change = (d: Draft) => Draft;
const author =
  (patch: Partial<Draft['author']>): Change =>
  (d) => ({ ...d, author: { ...d.author, ...patch } });

describe('which edits clear consent', () => {
  it.each<[string, Change, boolean]>([
    ['the title', (d) => ({ ...d, title: `${d.title}!` }), true],
    ['the story', (d) => ({ ...d, body: 'Something else happened.' }), true],
    ['a single space added to the story', (d) => ({ ...d, body: `${d.body} ` }), true],
    ['what was good', (d) => ({ ...d, whatWasGood: 'The tea' }), true],
    ['what could have been different', (d) => ({ ...d, whatCouldBeDifferent: 'Parking' }), true],
    ['a service added', (d) => ({ ...d, services: [...d.services, { name: 'Ward 9' }] }), true],
    ['a service removed', (d) => ({ ...d, services: [] }), true],
    ['the username', author({ username: 'seaview22' }), true],
    ['the postcode', author({ postcode: 'NG7 2UH' }), true],
    ['the email address', author({ email: 'other@example.org' }), true],
    ['"No email address"', author({ noEmail: true, email: '' }), true],
    ['who is telling the story', author({ role: 'carer' }), true],
    ['the age group', author({ ageGroup: '35-44' }), true],
    ['the focus theme', (d) => ({ ...d, focusTheme: 'discharge' }), true],
    ['moving to another step', (d) => ({ ...d, step: 1 }), false],
    ['nothing (the same answers again)', (d) => ({ ...d, author: { ...d.author } }), false],
    [
      'the time consent was given',
      (d) => ({ ...d, consent: { ...d.consent, givenAt: NOW.toISOString() } }),
      false,
    ],
  ])('%s → cleared: %s', (_, change, cleared) => {
    const before = completeDraft();
    const edit = applyEdit(before, change(before), NOW);
    expect(edit.cleared).toBe(cleared);
    expect(edit.draft.consent.publish).toBe(!cleared);
    expect(consentWasCleared(edit.draft)).toBe(cleared);
    if (cleared) {
      expect(edit.draft.consent).toEqual({ publish: false, clearedAt: NOW.toISOString() });
      // Cleared consent means no queue: the readiness rule asks for consent again.
      const check = checkQueueable(edit.draft, { recordedByDefault: '', region: 'uk', now: NOW });
      expect(check.ok ? [] : check.missing.map((m) => m.field)).toContain('consent');
    }
  });

  it('an edit before consent was given changes nothing about consent', () => {
    const before = completeDraft({ consent: { publish: false } });
    const edit = applyEdit(before, { ...before, title: 'New title' }, NOW);
    expect(edit).toEqual({ draft: { ...before, title: 'New title' }, cleared: false });
  });

  it('consent given again after it was cleared stops saying it was cleared', () => {
    const cleared = applyEdit(completeDraft(), { ...completeDraft(), title: 'x' }, NOW).draft;
    const given = { ...cleared, consent: { publish: true, givenAt: NOW.toISOString() } };
    expect(applyEdit(cleared, given, NOW)).toEqual({ draft: given, cleared: false });
    expect(consentWasCleared(given)).toBe(false);
  });
});

describe('which edit starts a new story', () => {
  const blank = newDraft('n1', NOW, { focusTheme: 'discharge' });
  it.each<[string, Change, boolean]>([
    ['Next (a step moved)', (d) => ({ ...d, step: 2 }), false],
    ['consent ticked with nothing told', (d) => ({ ...d, consent: { publish: true } }), false],
    ['the first character of the title', (d) => ({ ...d, title: 'K' }), true],
    ['a space in the story', (d) => ({ ...d, body: ' ' }), true],
    ['a service chosen', (d) => ({ ...d, services: [{ name: 'Ward 9' }] }), true],
    ['"No email address" ticked', author({ noEmail: true }), true],
    ['the focus theme changed', (d) => ({ ...d, focusTheme: 'food' }), true],
  ])('%s → starts: %s', (_, change, starts) => {
    expect(startsStory(blank, change(blank))).toBe(starts);
  });
});
