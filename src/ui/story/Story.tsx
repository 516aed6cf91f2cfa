// The story screen (/story/:id, loaded lazily): opens a draft where it was left, or shows where a
// queued story stands.
import { useEffect, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import type { Draft } from '../../domain/story.ts';
import { useApp } from '../actions.ts';
import { useText } from '../shared/text.ts';
import { QueuedPanel } from './QueuedPanel.tsx';
import { StoryFlow } from './StoryFlow.tsx';

/** `unreadable`: its sealed text cannot be opened on this device (kept as it is, never edited). */
type Loaded = { id: string; draft: Draft | null; failed: false | 'unreadable' | 'other' };

export function Story() {
  const { params } = useRoute();
  const id = params.id ?? '';
  const { state, actions } = useApp();
  const t = useText();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [opened, setOpened] = useState(0);
  // The story just sent from this screen (by id: "New story" reuses this screen for the next one).
  const [queuedHere, setQueuedHere] = useState<string | null>(null);
  const justQueued = queuedHere === id;
  useEffect(() => {
    let live = true;
    setLoaded(null);
    actions.loadDraft(id).then(
      (draft) => live && setLoaded({ id, draft, failed: false }),
      (error: unknown) => {
        const failed = error instanceof Error && error.message === 'unreadable' ? 'unreadable' : 'other';
        if (live) setLoaded({ id, draft: null, failed });
      },
    );
    return () => {
      live = false;
    };
  }, [actions, id, opened]);
  const summary = state.stories.value.find((story) => story.id === id);
  const current = loaded?.id === id ? loaded : null;
  const queued = justQueued || (summary !== undefined && summary.state !== 'draft');
  return (
    <main class="screen story-screen" aria-labelledby="story-title">
      <header class="screen-header">
        <h1 id="story-title">{t.story.screenTitle}</h1>
        <a class="button" href="/">
          {t.story.home}
        </a>
      </header>
      {queued ? (
        <QueuedPanel
          id={id}
          state={summary?.state === 'draft' || !summary ? 'queued' : summary.state}
          editable={summary?.editable ?? false}
          justQueued={justQueued}
          problem={summary?.problem}
          onEdited={() => {
            setQueuedHere(null);
            setOpened(opened + 1);
          }}
        />
      ) : current === null ? (
        <p role="status">{t.story.opening}</p>
      ) : current.draft === null ? (
        <p role="alert" class="message-error">
          {current.failed
            ? current.failed === 'unreadable' || summary?.unreadable
              ? t.story.unreadable
              : t.story.notOpened
            : t.story.notHere}
        </p>
      ) : (
        <StoryFlow
          key={`${id}-${opened}`}
          id={id}
          initial={current.draft}
          onQueued={() => setQueuedHere(id)}
        />
      )}
    </main>
  );
}
