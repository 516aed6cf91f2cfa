// Home: start a story, reach Settings, and see the device's stories and state at a glance. In the
// initial bundle: keep it light (no username, postcode or story schemas here).
import { useApp } from '../actions.ts';
import { NewStoryButton } from '../shared/NewStoryButton.tsx';
import { useText } from '../shared/text.ts';
import { ExportStories } from './ExportStories.tsx';
import { InstallGuide } from './InstallGuide.tsx';
import { NetworkHint } from './NetworkHint.tsx';
import { NoDestination } from './NoDestination.tsx';
import { OnBehalfShare } from './OnBehalfShare.tsx';
import { SendBar } from './SendBar.tsx';
import { SessionBar } from './SessionBar.tsx';
import { StorageStatus } from './StorageStatus.tsx';
import { StoryList } from './StoryList.tsx';

export function Home() {
  const { state } = useApp();
  const t = useText();
  return (
    <main class="screen" aria-labelledby="home-title">
      <header class="screen-header">
        <h1 id="home-title">{t.home.title}</h1>
        <nav aria-label={t.home.navLabel}>
          <a class="button button-secondary" href="/settings">
            {t.home.settings}
          </a>
        </nav>
      </header>
      {/* Just unlocked, the session not read back yet (tens of milliseconds): the rest at once when
          it is, so nothing below moves under a finger when the session bar appears. */}
      {state.sessionKnown.value && <HomeBody />}
    </main>
  );
}

function HomeBody() {
  const { state } = useApp();
  const t = useText();
  const stories = state.stories.value;
  const counts = state.storyCounts.value;
  return (
    <>
      <NetworkHint />
      <NoDestination />
      <SessionBar />
      <NewStoryButton large />
      <SendBar />
      <ExportStories />
      <InstallGuide />
      <section aria-labelledby="stories-title">
        <h2 id="stories-title">{t.home.storiesTitle}</h2>
        <p>{t.numbers.today(counts.collectedToday, state.queue.value.waiting, counts.sentToday)}</p>
        <StoryList stories={stories} total={counts.total} />
      </section>
      <OnBehalfShare />
      <StorageStatus />
      <footer class="version">{t.home.version(state.buildId)}</footer>
    </>
  );
}
