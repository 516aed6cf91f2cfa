// Home: start a story, reach Settings, and see the device's state at a glance.
import { useLocation } from 'preact-iso';
import { useApp } from '../actions.ts';
import { InstallGuide } from '../components/InstallGuide.tsx';
import { NetworkHint } from '../components/NetworkHint.tsx';
import { StorageStatus } from '../components/StorageStatus.tsx';

export function Home() {
  const { route } = useLocation();
  const { state } = useApp();
  return (
    <main class="screen" aria-labelledby="home-title">
      <header class="screen-header">
        <h1 id="home-title">Story Collector</h1>
        <nav aria-label="App">
          <a class="button button-secondary" href="/settings">
            Settings
          </a>
        </nav>
      </header>
      <NetworkHint />
      <button type="button" class="button button-primary button-large" onClick={() => route('/story/new')}>
        New story
      </button>
      <InstallGuide />
      <StorageStatus />
      <footer class="version">Version {state.buildId}</footer>
    </main>
  );
}
