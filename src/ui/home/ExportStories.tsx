// Home's "Export unsent stories" button (issue 26): there only on a relay with its export key and a
// story waiting (state.exportOffered); the panel — PIN, sealing, sharing — loads when it is used.
import { useState } from 'preact/hooks';
import { lazy } from 'preact-iso';
import { useApp } from '../actions.ts';
import { useText } from '../shared/text.ts';

const ExportPanel = lazy(() => import('../export/ExportPanel.tsx').then((m) => m.ExportPanel));

export function ExportStories() {
  const { state } = useApp();
  const t = useText();
  const [open, setOpen] = useState(false);
  if (open) return <ExportPanel onClose={() => setOpen(false)} />;
  if (!state.exportOffered.value) return null;
  return (
    <button type="button" class="export-button" onClick={() => setOpen(true)}>
      {t.home.export.button}
    </button>
  );
}
