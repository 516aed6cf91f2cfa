// Under the service search: says when the directory is empty or still downloading, and where to get it.
import { useApp } from '../../actions.ts';
import { StaffOnly } from '../../handover/StaffOnly.tsx';
import { useText } from '../../shared/text.ts';

export function DirectoryNote() {
  const { state } = useApp();
  const t = useText();
  const dir = state.directory.value;
  if (dir.phase === 'refreshing' && dir.count === 0) {
    return (
      <p class="note" role="status">
        {t.picker.downloading(dir.progress ? dir.progress.fetched : null)}
      </p>
    );
  }
  if (dir.count > 0 && dir.ready === false) {
    return (
      <p class="note" role="status">
        {t.picker.opening(dir.count)}
      </p>
    );
  }
  if (dir.count > 0) return null;
  return (
    <StaffOnly>
      <p class="note note-warn">
        {t.picker.noDirectoryBefore} <a href="/settings">{t.picker.settings}</a> {t.picker.noDirectoryAfter}
      </p>
    </StaffOnly>
  );
}
