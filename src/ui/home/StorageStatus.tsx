// Home's storage line: protected or best effort, and space used (PLATFORM.md). Never blocks work.
import { describeStorage } from '../../domain/words/storageWords.ts';
import { useApp } from '../actions.ts';
import { useText } from '../shared/text.ts';

export function StorageStatus() {
  const { state } = useApp();
  const t = useText();
  const { protection, usage } = describeStorage(state.storage.value, t);
  return (
    <section class="note" aria-label={t.home.storageLabel}>
      <p>{protection}</p>
      {usage && <p>{usage}</p>}
    </section>
  );
}
