// The story screen's parts read their words from the chosen catalogue: rendered with Cymraeg they
// speak Welsh (and none of the English), with English (UK) exactly the words the e2e tests find.
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { checkQueueable } from '../../../src/domain/story/sendReadiness.ts';
import { DraftSchema } from '../../../src/domain/story/story.ts';
import { enGB } from '../../../src/domain/words/en-GB/index.ts';
import { loadMessages, type Messages } from '../../../src/domain/words/index.ts';
import { TextContext } from '../../../src/ui/shared/text.ts';
import { PostcodeField } from '../../../src/ui/story/fields/PostcodeField.tsx';
import { CopyFields } from '../../../src/ui/story/handoff/CopyFields.tsx';
import { MissingList } from '../../../src/ui/story/MissingList.tsx';
import { ReadBack } from '../../../src/ui/story/ReadBack.tsx';
import { SaveStatus } from '../../../src/ui/story/SaveStatus.tsx';
import { ChosenServices } from '../../../src/ui/story/services/ChosenServices.tsx';
import { completeDraft } from '../domain/storyFixtures.ts';

const draft = completeDraft({
  author: {
    username: 'rugbyfan33',
    email: '',
    noEmail: true,
    postcode: 'NG5 1PB',
    role: 'carer',
    ageGroup: '85+',
  },
  consent: { publish: true, givenAt: '2026-11-24T10:40:00.000Z', recordedBy: 'Staff member' },
});
const missing = (() => {
  const check = checkQueueable(DraftSchema.parse({ author: { postcode: 'nope' } }), {
    recordedByDefault: '',
    region: 'uk',
  });
  return check.ok ? [] : check.missing;
})();

/** A few of the story screen's parts, as the screen shows them. */
function render(t: Messages): string {
  return renderToString(
    <TextContext.Provider value={t}>
      <SaveStatus status={{ kind: 'saved' }} />
      <ReadBack draft={draft} />
      <MissingList missing={missing} current={4} onGo={() => {}} />
      <ChosenServices chosen={[{ name: 'Ward 7', typedByHand: true }]} onRemove={() => {}} />
      <PostcodeField value="" region="uk" offer={null} onChange={() => {}} />
      <CopyFields
        fields={[{ key: 'title', label: t.handoff.fields.title, value: 'Kind', personal: false }]}
        copy={async () => {}}
      />
    </TextContext.Provider>,
  );
}

const ENGLISH = [
  'Saved on this device',
  'Who is telling the story',
  'Carer',
  '85 or over',
  'No email address (posted on behalf)',
  'Still needed before sending',
  'Ask what they would call this story',
  'A UK postcode looks like NG5 1PB',
  'Remove Ward 7',
  "Use the service's postcode",
  'Copy title',
];

describe('the story screen in Welsh', () => {
  it('English (UK) shows the words PRODUCT.md and the e2e tests rely on', () => {
    const html = render(enGB).replaceAll('&#39;', "'");
    for (const words of ENGLISH) expect(html).toContain(words);
    // Consent is asked after the read-back, so the read-back has no consent row.
    expect(html).not.toContain('<dt>Consent</dt>');
  });

  it('Cymraeg shows Welsh words and none of those English ones', async () => {
    const cy = await loadMessages('cy');
    const html = render(cy);
    for (const words of [
      'Wedi’i chadw ar y ddyfais hon',
      'Pwy sy’n adrodd y stori',
      'Gofalwr',
      '85 neu hŷn',
      'Dim cyfeiriad e-bost (wedi’i phostio ar ran rhywun)',
      'Angen o hyd cyn anfon',
      'Mae cod post yn y DU yn edrych fel NG5 1PB',
      'Tynnu Ward 7',
      'Defnyddio cod post y gwasanaeth',
      'Copïo teitl',
    ])
      expect(html).toContain(words);
    for (const words of ENGLISH) expect(html).not.toContain(words);
    // What the storyteller typed is never translated.
    expect(html).toContain('rugbyfan33');
  });

  it('counts go through each language’s plural forms and number format', async () => {
    const cy = await loadMessages('cy');
    expect(cy.picker.opening(2)).toContain('(2 wasanaeth)');
    expect(cy.picker.opening(3)).toContain('(3 gwasanaeth)');
    expect(cy.picker.opening(1200)).toContain('(1,200 o wasanaethau)');
    expect(enGB.picker.opening(1)).toContain('(1 service)');
    expect(enGB.picker.downloading(1200)).toContain('(1,200 services so far)');
    expect(enGB.picker.downloading(null)).toBe(
      'The service directory is downloading to this device. Search works once it has finished.',
    );
  });
});
