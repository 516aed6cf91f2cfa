// Finds a Chromium for the end-to-end tests, or installs Debian's when running as root.
// It never lets the e2e step skip: no browser means a non-zero exit with the command to run.
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ensureDebianTool, MissingTool } from './debian.ts';

export const CHROMIUM_ENV = 'CHROMIUM_PATH';
const INSTALL = 'apt-get update && apt-get install -y chromium';

function fromPlaywrightCache(): string | null {
  const cache = process.env.PLAYWRIGHT_BROWSERS_PATH ?? join(homedir(), '.cache', 'ms-playwright');
  if (!existsSync(cache)) return null;
  for (const dir of readdirSync(cache)
    .filter((d) => d.startsWith('chromium'))
    .sort()
    .reverse()) {
    for (const rel of ['chrome-linux64/chrome', 'chrome-linux/chrome']) {
      const candidate = join(cache, dir, rel);
      if (existsSync(candidate)) return candidate;
    }
  }
  return null;
}

export function findChromium(): string | null {
  const fromEnv = process.env[CHROMIUM_ENV];
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`${CHROMIUM_ENV}=${fromEnv} does not exist.`);
  }
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (existsSync(candidate)) return candidate;
  }
  return fromPlaywrightCache();
}

/** A Chromium path, installing Debian's package first when none is found and we are root. */
export function ensureChromium(): string {
  try {
    return ensureDebianTool({
      what: 'Chromium for the end-to-end tests',
      install: INSTALL,
      find: findChromium,
      hint: `or set ${CHROMIUM_ENV} to a Chromium binary.`,
    });
  } catch (error) {
    if (!(error instanceof MissingTool)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
