// The HTML pages: "what arrived" for people watching a demo (email and postcode masked, all stored
// text escaped, since stories may hold markup) and the login page a rejected key is sent to.
import { escapeHtml } from './http.ts';
import type { StoredStory } from './storage.ts';

/** `person@example.org` → `p•••@e•••.org`. */
export function maskEmail(email: string | null): string {
  if (email === null) return '(none: posted on behalf)';
  const [local = '', domain = ''] = email.split('@');
  const dot = domain.lastIndexOf('.');
  const tld = dot >= 0 ? domain.slice(dot) : '';
  return `${local.charAt(0)}•••@${domain.charAt(0)}•••${tld}`;
}

/** `NG5 1PB` → `NG5 •••`. */
export function maskPostcode(postcode: string): string {
  const compact = postcode.replace(/\s+/g, '').toUpperCase();
  return `${compact.slice(0, Math.max(0, compact.length - 3))} •••`;
}

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem;color:#1b1b1b}table{border-collapse:collapse}
td,th{border:1px solid #ccc;padding:.4rem .6rem;text-align:left;vertical-align:top}</style></head>
<body>${body}</body>
</html>
`;
}

function storyRow(story: StoredStory): string {
  const services = story.body.healthservices.map((service) => escapeHtml(service.name)).join('<br>');
  const cells = [
    escapeHtml(story.receivedAt),
    escapeHtml(story.title),
    services,
    escapeHtml(story.body.author.role),
    escapeHtml(maskEmail(story.body.author.email)),
    escapeHtml(maskPostcode(story.body.author.postcode)),
  ];
  return `<tr>${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`;
}

export function renderReceivedPage(stories: StoredStory[]): string {
  const heading = '<h1>Sandbox Care Opinion: stories received</h1>';
  if (stories.length === 0)
    return layout('Stories received', `${heading}<p>No stories have arrived yet.</p>`);
  const head = ['Received (UTC)', 'Title', 'Services', 'Role', 'Email', 'Postcode'].map(
    (h) => `<th>${h}</th>`,
  );
  const rows = [...stories].reverse().map(storyRow).join('\n');
  const count = `<p>${stories.length} ${stories.length === 1 ? 'story' : 'stories'} received, newest first.</p>`;
  const table = `<table><thead><tr>${head.join('')}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
  return layout('Stories received', `${heading}${count}${table}`);
}

export function renderLoginPage(): string {
  return layout(
    'Sign in to Care Opinion',
    `<h1>Sign in to Care Opinion</h1>
<p>This is the sandbox's stand-in for the website's login page. An API request arrives here when its
subscription key is missing or wrong.</p>
<form><label>Email <input type="email" name="email"></label>
<label>Password <input type="password" name="password"></label>
<button type="button">Sign in</button></form>`,
  );
}
