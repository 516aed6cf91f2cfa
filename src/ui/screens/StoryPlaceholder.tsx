// Placeholder for the guided story screen (issue 5 builds the six steps here).
export function StoryPlaceholder() {
  return (
    <main class="screen" aria-labelledby="story-title">
      <header class="screen-header">
        <h1 id="story-title">New story</h1>
        <a class="button button-secondary" href="/">
          Home
        </a>
      </header>
      <p>The guided conversation is not built yet.</p>
    </main>
  );
}
