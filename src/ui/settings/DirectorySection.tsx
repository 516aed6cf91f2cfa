// Settings' service-directory block: what is stored, a refresh with progress and Cancel, problems.
import { describeProblem, describeProgress, describeStored } from '../../domain/words/directoryWords.ts';
import { useApp, useDirectoryActions } from '../actions.ts';
import { useText } from '../shared/text.ts';

export function DirectorySection() {
  const { state } = useApp();
  const actions = useDirectoryActions();
  const t = useText();
  const dir = state.directory.value;
  const refreshing = dir.phase === 'refreshing';
  return (
    <section class="card" aria-labelledby="directory-title">
      <h2 id="directory-title">{t.settings.directory.title}</h2>
      <p>{describeStored(dir.count, dir.lastRefreshAt, t)}</p>
      {dir.interrupted && !refreshing && <p>{t.settings.directory.interrupted}</p>}
      {refreshing && (
        <p role="status" aria-live="polite">
          {dir.progress ? describeProgress(dir.progress, t) : t.settings.directory.contacting}
        </p>
      )}
      {dir.phase === 'failed' && dir.problem && (
        <p role="alert" class="message-error">
          {describeProblem(dir.problem.problem, t)}
        </p>
      )}
      <div class="button-row">
        <button type="button" disabled={refreshing} onClick={() => void actions.refreshDirectory()}>
          {t.settings.directory.refresh}
        </button>
        {refreshing && (
          <button type="button" onClick={() => actions.cancelDirectoryRefresh()}>
            {t.settings.directory.cancel}
          </button>
        )}
      </div>
    </section>
  );
}
