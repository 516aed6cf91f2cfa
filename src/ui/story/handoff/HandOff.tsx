// The hand-off screen (loaded lazily): a story ready to post on Care Opinion's website. "Open Care
// Opinion" opens the invitation link or the region's "Tell your story" page in a new tab (on an
// iPad it can sit in Split View beside the app); then every field to copy, in the website's order,
// and "I have posted it" with the story's address or number. With no email address, staff are told to
// choose "staff member posting for a patient/service user" on the website.
import { useEffect, useRef, useState } from 'preact/hooks';
import { placesFromLabels } from '../../../domain/directory/serviceLabel.ts';
import { handOffPage } from '../../../domain/story/handOff.ts';
import type { QueuedStory } from '../../../domain/story/submission.ts';
import { handOffFields } from '../../../domain/words/handOffWords.ts';
import { useApp, useErrors, useSendActions } from '../../actions.ts';
import { useText } from '../../shared/text.ts';
import { CopyFields } from './CopyFields.tsx';
import { clearClipboard } from './clearClipboard.ts';
import { PostedForm } from './PostedForm.tsx';
import { PrintStory } from './PrintStory.tsx';

export type HandOffProps = { id: string };

type Loaded = { story: QueuedStory | null } | null;

const writeClipboard = (text: string) => navigator.clipboard.writeText(text);

export function HandOff({ id }: HandOffProps) {
  const { state } = useApp();
  const actions = useSendActions();
  const { reportError } = useErrors();
  const t = useText();
  const [loaded, setLoaded] = useState<Loaded>(null);
  const copiedSomething = useRef(false);
  const copy = async (text: string) => {
    await writeClipboard(text);
    copiedSomething.current = true;
  };
  // Leaving the screen (Home, another story, the lock) leaves nothing of the story on the
  // clipboard of a shared iPad: at once, or at the next tap where WebKit needs one to write it.
  useEffect(
    () => () => {
      if (copiedSomething.current) clearClipboard(writeClipboard, document);
    },
    [],
  );
  useEffect(() => {
    let live = true;
    actions.loadHandOff(id).then(
      (story) => live && setLoaded({ story }),
      (error: unknown) => {
        reportError(error); // unreadable comes back as null: a throw is unexpected
        if (live) setLoaded({ story: null });
      },
    );
    return () => {
      live = false;
    };
  }, [actions, id]);
  if (loaded === null) return <p role="status">{t.story.opening}</p>;
  if (loaded.story === null)
    return (
      <p role="alert" class="message-error">
        {t.story.unreadable}
      </p>
    );
  const story = loaded.story;
  const labels = state.stories.value.find((row) => row.id === id)?.services ?? [];
  const places = placesFromLabels(
    story.healthservices.map((service) => service.name),
    labels,
  );
  return (
    <div class="handoff">
      <p>{t.handoff.intro}</p>
      {story.author.email === null && <p class="note note-warn">{t.handoff.noEmailReminder}</p>}
      <p>
        <a
          class="button button-primary"
          href={handOffPage(state.settings.value, t.format.language)}
          target="_blank"
          rel="noopener noreferrer"
        >
          {t.handoff.openCareOpinion}
        </a>
      </p>
      <CopyFields fields={handOffFields(story, t, places)} copy={copy} />
      <PostedForm id={id} clearClipboard={() => writeClipboard('')} />
      <PrintStory story={story} />
    </div>
  );
}
