// The admin page's look and words, without a browser (the page itself is tested in Chromium,
// tests/e2e/relay-admin.spec.ts): its design tokens are the app's, light and dark, and an
// enrolment code's lifetime is one figure in the relay, the admin page, `npm start` and the app.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODE_LIFETIME_WORDS, DEFAULT_CODE_MINUTES } from '../../../relay/devices.ts';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** `--name: value` pairs of the first block that `selector` opens. */
function tokens(css: string, selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  if (start === -1) throw new Error(`no ${selector} block`);
  const block = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries([...block.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2]?.trim()]));
}

// The app's style sheet: wherever the app keeps it (src/ is being reorganised), the one with the tokens.
const appCss = files('src')
  .filter((path) => path.endsWith('.css'))
  .map((path) => readFileSync(path, 'utf8'))
  .find((css) => css.includes(':root[data-theme="dark"]')) as string;
const adminCss = readFileSync('relay/admin/assets/admin.css', 'utf8');

describe('the admin page', () => {
  it('uses the app’s design tokens, light and dark', () => {
    expect(appCss).toBeDefined();
    const light = tokens(appCss, ':root');
    expect(Object.keys(light).length).toBeGreaterThan(10);
    expect(tokens(adminCss, ':root')).toEqual(light);
    const darkInAdmin = tokens(
      adminCss.slice(adminCss.indexOf('@media (prefers-color-scheme: dark)')),
      '  :root',
    );
    expect(darkInAdmin).toEqual(tokens(appCss, ':root[data-theme="dark"]'));
  });

  it('gives a code’s lifetime as one figure: the relay’s default, the page, npm start and the app’s hint', () => {
    expect([DEFAULT_CODE_MINUTES, CODE_LIFETIME_WORDS]).toEqual([60, 'an hour']);
    const page = readFileSync('relay/admin/assets/admin.js', 'utf8');
    expect(page).toContain("minutes === 60 ? 'an hour'");
    expect(readFileSync('tests/tools/serve.ts', 'utf8')).toContain('valid for $' + '{CODE_LIFETIME_WORDS}');
    expect(readFileSync('tests/tools/serve.ts', 'utf8')).not.toContain('expiresInMinutes');
    const hint = files('src')
      .filter((path) => path.includes('en-GB') && path.endsWith('.ts'))
      .map((path) => readFileSync(path, 'utf8'))
      .join('\n')
      .match(/enrolmentCodeHint: '([^']+)'/)?.[1];
    expect(hint).toBe(`A one-time code, valid for ${CODE_LIFETIME_WORDS}.`);
  });
});
