// Under the service search: says when the directory is empty or still downloading, and where to get it.
import { useApp } from '../actions.ts';
import { StaffOnly } from '../handover/StaffOnly.tsx';

export function DirectoryNote() {
  const { state } = useApp();
  const dir = state.directory.value;
  if (dir.phase === 'refreshing' && dir.count === 0) {
    return (
      <p class="note" role="status">
        The service directory is downloading to this device
        {dir.progress ? ` (${dir.progress.fetched} services so far)` : ''}. Search works once it has finished.
      </p>
    );
  }
  if (dir.count > 0 && dir.ready === false) {
    return (
      <p class="note" role="status">
        Opening the service directory stored on this device ({dir.count} services)… Search works in a moment.
      </p>
    );
  }
  if (dir.count > 0) return null;
  return (
    <StaffOnly>
      <p class="note note-warn">
        No service directory is stored on this device yet, so search finds nothing. Go to{' '}
        <a href="/settings">Settings</a> and use “Refresh service directory” while there is a signal.
      </p>
    </StaffOnly>
  );
}
