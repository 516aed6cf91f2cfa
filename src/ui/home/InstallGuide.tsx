// In a Safari tab, storage may be cleared after 7 days unused, and stories typed in a tab do not
// appear in the installed app (PLATFORM.md): a non-blocking guide to add it to the Home Screen.
import { useApp } from '../actions.ts';

export function InstallGuide() {
  const { state } = useApp();
  if (state.standalone.value) return null;
  return (
    <aside class="note" aria-label="Add to Home Screen">
      <p>
        <strong>Add to Home Screen before collecting stories.</strong> In Safari, tap Share, then “Add to Home
        Screen”, and open Story Collector from there. Stories typed in a browser tab stay in the tab and may
        be cleared by the browser.
      </p>
    </aside>
  );
}
