// The story screen (/story/:id, loaded lazily): opens a draft where it was left, or shows where a
// queued story stands. /story/new is a new story kept only in memory until its first answer is
// typed; then it is stored and the address becomes its own (the screen stays as it is).
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import type { Draft } from '../../domain/story/story.ts';
import { useApp, useErrors, useStoryActions } from '../actions.ts';
import { HandoverHeader } from '../handover/HandoverHeader.tsx';
import { useHandedOver } from '../handover/handover.ts';
import { StaffOnly } from '../handover/StaffOnly.tsx';
import { useText } from '../shared/text.ts';
import { QueuedPanel } from './queued/QueuedPanel.tsx';
import { StoryFlow } from './StoryFlow.tsx';
import type { CardDetails } from './StorytellerCard.tsx';

/** `unreadable`: its sealed text cannot be opened on this device (kept as it is, never edited). */
type Loaded = { id: string; draft: Draft | null; failed: false | 'unreadable' | 'other' };
type Started = { id: string; draft: Draft };

export const NEW_STORY = 'new';

export function Story() {
  const { params } = useRoute();
  const { route } = useLocation();
  const isNew = params.id === NEW_STORY;
  const { state } = useApp();
  const actions = useStoryActions();
  const { reportError } = useErrors();
  const handedOver = useHandedOver();
  const [started, setStarted] = useState<Started | null>(null);
  // The new story stays on screen once stored, when the address changes to its id.
  const startedHere = useRef<string | null>(null);
  const id = isNew ? (started?.id ?? '') : (params.id ?? '');
  const fresh = started !== null && started.id === id;
  const t = useText();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [opened, setOpened] = useState(0);
  // The story just sent from this screen, and its card (by id: "New story" reuses this screen).
  const [queuedHere, setQueuedHere] = useState<{ id: string; card: CardDetails } | null>(null);
  const justQueued = queuedHere?.id === id;
  useEffect(() => {
    if (!isNew) return;
    let live = true;
    setStarted(null);
    actions.startStory().then(
      (next) => {
        if (!live) return;
        startedHere.current = next.id;
        setStarted(next);
      },
      // No data layer to start it in (unexpected: to the handler): say so instead of "Opening…" for ever.
      (error: unknown) => {
        reportError(error);
        if (live) setLoaded({ id: '', draft: null, failed: 'other' });
      },
    );
    return () => {
      live = false;
    };
  }, [actions, isNew]);
  useEffect(() => {
    if (isNew || id === startedHere.current) return;
    let live = true;
    setLoaded(null);
    actions.loadDraft(id).then(
      (draft) => live && setLoaded({ id, draft, failed: false }),
      (error: unknown) => {
        // Its sealed draft cannot be opened here (said so); anything else is unexpected.
        const failed = error instanceof Error && error.message === 'unreadable' ? 'unreadable' : 'other';
        if (failed === 'other') reportError(error);
        if (live) setLoaded({ id, draft: null, failed });
      },
    );
    return () => {
      live = false;
    };
  }, [actions, id, isNew, opened]);
  // Someone listening does not touch the screen: keep it on while a story is open, where allowed.
  useEffect(() => actions.keepScreenOn(), [actions]);
  const summary = state.stories.value.find((story) => story.id === id);
  const current = fresh ? { id, draft: started.draft, failed: false as const } : loaded;
  const shown = current?.id === id ? current : null;
  const queued = justQueued || (summary !== undefined && summary.state !== 'draft');
  const flowShown = !queued && shown?.draft != null;
  return (
    <main
      class={handedOver ? 'screen story-screen handover' : 'screen story-screen'}
      aria-labelledby="story-title"
    >
      {handedOver ? (
        <HandoverHeader />
      ) : flowShown ? (
        // The open draft's compact header (StoryFlow) says where the story is: the title is for
        // assistive technology only, so the first field shows on the first view.
        <h1 id="story-title" class="visually-hidden">
          {t.story.screenTitle}
        </h1>
      ) : (
        <header class="screen-header">
          <h1 id="story-title">{t.story.screenTitle}</h1>
          <a class="button" href="/">
            {t.story.home}
          </a>
        </header>
      )}
      {queued ? (
        <StaffOnly>
          <QueuedPanel
            id={id}
            state={summary?.state === 'draft' || !summary ? 'queued' : summary.state}
            editable={summary?.editable ?? false}
            justQueued={justQueued}
            card={justQueued ? queuedHere?.card : undefined}
            problem={summary?.problem}
            onEdited={() => {
              // Taken back to edit: read from the device again, as any stored story.
              setQueuedHere(null);
              setStarted(null);
              startedHere.current = null;
              setOpened(opened + 1);
            }}
          />
        </StaffOnly>
      ) : shown === null ? (
        <p role="status">{t.story.opening}</p>
      ) : shown.draft === null ? (
        <p role="alert" class="message-error">
          {shown.failed
            ? shown.failed === 'unreadable' || summary?.unreadable
              ? t.story.unreadable
              : t.story.notOpened
            : t.story.notHere}
        </p>
      ) : (
        <StoryFlow
          key={`${id}-${opened}`}
          id={id}
          initial={shown.draft}
          stored={!fresh}
          onStored={() => route(`/story/${encodeURIComponent(id)}`, true)}
          onQueued={(card) => setQueuedHere({ id, card })}
        />
      )}
    </main>
  );
}
