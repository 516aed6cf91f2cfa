// The story's steps read their words from the chosen catalogue: in Cymraeg the step names, scripts,
// labels, consent and "Send" are Welsh (none of the English), in English (UK) exactly the words the
// e2e tests find. Consent comes after the read-back on the last step.
import { signal } from '@preact/signals';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { startSession } from '../../../src/domain/session/session.ts';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings/settings.ts';
import { enGB } from '../../../src/domain/words/en-GB/index.ts';
import { loadMessages, type Messages } from '../../../src/domain/words/index.ts';
import { AppContext, type AppContextValue } from '../../../src/ui/actions.ts';
import { TextContext } from '../../../src/ui/shared/text.ts';
import { StepIndicator } from '../../../src/ui/story/StepIndicator.tsx';
import { CheckStep } from '../../../src/ui/story/steps/CheckStep.tsx';
import { IntroduceStep } from '../../../src/ui/story/steps/IntroduceStep.tsx';
import { StoryStep } from '../../../src/ui/story/steps/StoryStep.tsx';
import { StorytellerStep } from '../../../src/ui/story/steps/StorytellerStep.tsx';
import { completeDraft } from '../domain/storyFixtures.ts';

const sessionOf = (name: string) => {
  const started = startSession({ name, role: '', services: [], theme: '' }, Date.UTC(2026, 11, 1, 9));
  if (!started.ok) throw new Error('no session');
  return started.session;
};

const app = {
  state: {
    settings: signal(DEFAULT_SETTINGS),
    stories: signal([]),
    // Who is collecting is the session's (staff name no longer a device setting).
    session: signal(sessionOf('Sam')),
  },
  ports: { story: {}, send: {}, directory: {}, errors: {} },
} as unknown as AppContextValue;
const draft = completeDraft({ consent: { publish: false, clearedAt: '2026-11-24T10:41:00.000Z' } });
const none = () => {};

function render(t: Messages): string {
  return renderToString(
    <AppContext.Provider value={app}>
      <TextContext.Provider value={t}>
        <StepIndicator current={4} onGo={none} />
        <IntroduceStep draft={draft} onChange={none} />
        <StoryStep draft={draft} onChange={none} />
        <StorytellerStep draft={draft} onChange={none} />
        <CheckStep
          id="d1"
          draft={draft}
          onChange={none}
          flush={async () => true}
          onGo={none}
          onQueued={none}
        />
      </TextContext.Provider>
    </AppContext.Provider>,
  ).replaceAll('&#39;', "'");
}

const ENGLISH = [
  'Check and finish',
  'About the storyteller',
  'My name is Sam',
  'What would you call this story',
  'What happened',
  'What was good',
  'What could have been different',
  'Follow-up prompts',
  'Who is telling the story',
  'Age group (optional)',
  'The storyteller gives consent to publish this story on Care Opinion',
  'Consent was cleared because the story changed after it was given. Ask again.',
  'Send to Care Opinion',
];

describe('the story steps in Welsh', () => {
  it('English (UK) shows the words PRODUCT.md and the e2e tests rely on, consent after the read-back', () => {
    const html = render(enGB);
    for (const words of ENGLISH) expect(html).toContain(words);
    expect(html.indexOf('class="read-back"')).toBeLessThan(html.indexOf('id="consent-box"'));
    expect(html.indexOf('id="consent-box"')).toBeLessThan(html.indexOf('Send to Care Opinion'));
  });

  it('Cymraeg shows Welsh words and none of those English ones', async () => {
    const html = render(await loadMessages('cy'));
    for (const words of [
      'Gwirio a gorffen',
      'Fy enw i yw Sam',
      'Beth fyddech chi’n galw’r stori hon?',
      'Anfon at Care Opinion',
    ])
      expect(html).toContain(words);
    for (const words of ENGLISH) expect(html).not.toContain(words);
  });
});
