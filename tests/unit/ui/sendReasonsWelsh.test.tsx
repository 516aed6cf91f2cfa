// A story's problem and an action's reason reach the screens as codes: worded by the chosen
// catalogue, in Welsh with Cymraeg and exactly as before in English — never the code itself.
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { enGB } from '../../../src/domain/words/en-GB/index.ts';
import { loadMessages, type Messages } from '../../../src/domain/words/index.ts';
import {
  describePause,
  queueProblemText,
  storyProblemText,
  storyReasonText,
} from '../../../src/domain/words/sendWords.ts';
import type { StorySummary } from '../../../src/ui/actions.ts';
import { TextContext } from '../../../src/ui/shared/text.ts';
import { NeedsAttention } from '../../../src/ui/story/queued/NeedsAttention.tsx';
import { SaveStatus } from '../../../src/ui/story/SaveStatus.tsx';

const cy = await loadMessages('cy');

const refused: StorySummary = {
  id: 's',
  title: 'A',
  state: 'needs-attention',
  createdAt: 0,
  updatedAt: 0,
  services: [],
  postedOnBehalf: false,
  mayHaveArrived: false,
  editable: true,
  problem: 'fields',
  fieldProblems: [
    { field: 'title', message: '' },
    { field: 'author.postcode', message: 'Not a known postcode' },
  ],
};

function render(t: Messages): string {
  return renderToString(
    <TextContext.Provider value={t}>
      <NeedsAttention story={refused} onFix={() => {}} />
      <SaveStatus status={{ kind: 'failed', failure: { ok: false, kind: 'other', reason: 'notEditable' } }} />
    </TextContext.Provider>,
  );
}

describe('send reasons are worded by the screens', () => {
  it('English reads as it did when the words were stored', () => {
    const html = render(enGB);
    expect(html).toContain('Some details need changing');
    expect(html).toContain('Please check this');
    // The server's own words are shown as they came.
    expect(html).toContain('Not a known postcode');
    expect(html).toContain('This story is waiting to send and cannot be changed now.');
    expect(html).not.toMatch(/\bfields\b|notEditable/);
  });

  it('Cymraeg words the same codes in Welsh', () => {
    const html = render(cy);
    expect(html).toContain(cy.send.reasons.fields);
    expect(html).toContain(cy.story.pleaseCheck);
    expect(html).toContain(cy.home.reasons.notEditable);
    expect(html).not.toContain('Some details need changing');
    expect(html).not.toContain('Please check this');
  });

  it('each kind of code finds its own words', () => {
    expect(storyProblemText('requeue', cy)).toBe(cy.home.reasons.requeue);
    expect(storyProblemText('unreadable', cy)).toBe(cy.home.reasons.unreadable);
    expect(storyProblemText('timeout', cy)).toBe(cy.send.reasons.timeout);
    expect(storyReasonText('alreadySent', enGB)).toBe(
      'This story has already been sent to Care Opinion, or may have been.',
    );
    expect(storyReasonText('storageFull', cy)).toBe(cy.home.reasons.storageFull);
    expect(queueProblemText('unexpected', enGB)).toBe(
      'Sending stopped for a moment because of an unexpected problem. Nothing is lost; it will try again.',
    );
    expect(describePause('deviceRevoked', cy)).toBe(cy.send.pausedRevoked(cy.send.reasons.deviceRevoked));
    expect(describePause('keyRejected', enGB)).toMatch(
      /^Sending is paused: The key was not accepted\. The key/,
    );
  });
});
