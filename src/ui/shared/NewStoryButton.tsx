// "New story": opens a blank story (/story/new). Nothing is stored until its first answer is typed,
// so a stray tap leaves no draft behind.
import { useLocation } from 'preact-iso';
import { useText } from './text.ts';

export type NewStoryButtonProps = { large?: boolean };

export function NewStoryButton({ large = false }: NewStoryButtonProps) {
  const t = useText();
  const { route } = useLocation();
  return (
    <button
      type="button"
      class={large ? 'button-primary button-large' : 'button-primary'}
      onClick={() => route('/story/new')}
    >
      {t.send.newStory}
    </button>
  );
}
