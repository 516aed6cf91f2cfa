// The one rule for what an edit means: which edits clear consent (case table), and which edit starts
// a new story (a stray "New story" keeps nothing).
import { describe, expect, it } from 'vitest';
import { applyEdit, consentWasCleared, startsStory } from '../../../src/domain/story/draftEdits.ts';
import { checkQueueable } from '../../../src/domain/story/sendReadiness.ts';
import { type Draft, newDraft } from '../../../src/domain/story/story.ts';
import { completeDraft, NOW } from './storyFixtures.ts';

type Change = (d: Draft) => Draft;
const author =
  (patch: Partial<Draft['author']>): Change =>
  (d) => ({ ...d, author: { ...d.author, ...patch } });

describe('which edits clear consent', () => {
  it.each<[string, boolean, Change]>([
    ['the title', true, (d) => ({ ...d, title: `${d.title}!` })],
    ['the story', true, (d) => ({ ...d, body: 'Something else happened.' })],
    ['a single space added to the story', true, (d) => ({ ...d, body: `${d.body} ` })],
    ['what was good', true, (d) => ({ ...d, whatWasGood: 'The tea' })],
    ['what could have been different', true, (d) => ({ ...d, whatCouldBeDifferent: 'Parking' })],
    ['a service added', true, (d) => ({ ...d, services: [...d.services, { name: 'Ward 9' }] })],
    ['a service removed', true, (d) => ({ ...d, services: [] })],
    ['the username', true, author({ username: 'seaview22' })],
    ['the postcode', true, author({ postcode: 'NG7 2UH' })],
    ['the email address', true, author({ email: 'other@example.org' })],
    ['"No email address"', true, author({ noEmail: true, email: '' })],
    ['who is telling the story', true, author({ role: 'carer' })],
    ['the age group', true, author({ ageGroup: '35-44' })],
    ['the focus theme', true, (d) => ({ ...d, focusTheme: 'discharge' })],
    ['moving to another step', false, (d) => ({ ...d, step: 1 })],
    ['nothing (the same answers again)', false, (d) => ({ ...d, author: { ...d.author } })],
    [
      'the time consent was given',
      false,
      (d) => ({ ...d, consent: { ...d.consent, givenAt: NOW.toISOString() } }),
    ],
  ])('%s → cleared: %s', (_, cleared, change) => {
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
  it.each<[string, boolean, Change]>([
    ['Next (a step moved)', false, (d) => ({ ...d, step: 2 })],
    ['consent ticked with nothing told', false, (d) => ({ ...d, consent: { publish: true } })],
    ['the first character of the title', true, (d) => ({ ...d, title: 'K' })],
    ['a space in the story', true, (d) => ({ ...d, body: ' ' })],
    ['a service chosen', true, (d) => ({ ...d, services: [{ name: 'Ward 9' }] })],
    ['"No email address" ticked', true, author({ noEmail: true })],
    ['the focus theme changed', true, (d) => ({ ...d, focusTheme: 'food' })],
  ])('%s → starts: %s', (_, starts, change) => {
    expect(startsStory(blank, change(blank))).toBe(starts);
  });
});
