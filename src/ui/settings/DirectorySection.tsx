// Settings' service-directory block: what is stored, a refresh with progress and Cancel, problems.
import { describeProblem, describeProgress, describeStored } from '../../domain/directoryWords.ts';
import { useApp } from '../actions.ts';

const formatTime = (t: number) =>
  new Date(t).toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

export function DirectorySection() {
  const { state, actions } = useApp();
  const dir = state.directory.value;
  const refreshing = dir.phase === 'refreshing';
  return (
    <section class="card" aria-labelledby="directory-title">
      <h2 id="directory-title">Service directory</h2>
      <p>{describeStored(dir.count, dir.lastRefreshAt, formatTime)}</p>
      {dir.interrupted && !refreshing && (
        <p>The last refresh stopped part-way; the next one continues from there.</p>
      )}
      {refreshing && (
        <p role="status" aria-live="polite">
          {dir.progress ? describeProgress(dir.progress) : 'Contacting Care Opinion…'}
        </p>
      )}
      {dir.phase === 'failed' && dir.problem && (
        <p role="alert" class="message-error">
          {describeProblem(dir.problem.problem)}
        </p>
      )}
      <div class="button-row">
        <button type="button" disabled={refreshing} onClick={() => void actions.refreshDirectory()}>
          Refresh service directory
        </button>
        {refreshing && (
          <button type="button" onClick={() => actions.cancelDirectoryRefresh()}>
            Cancel
          </button>
        )}
      </div>
    </section>
  );
}
