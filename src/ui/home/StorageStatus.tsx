// Home's storage line: protected or best effort, and space used (PLATFORM.md). Never blocks work.
import { describeStorage } from '../../domain/storage.ts';
import { useApp } from '../actions.ts';

export function StorageStatus() {
  const { state } = useApp();
  const { protection, usage } = describeStorage(state.storage.value);
  return (
    <section class="note" aria-label="Storage on this device">
      <p>{protection}</p>
      {usage && <p>{usage}</p>}
    </section>
  );
}
