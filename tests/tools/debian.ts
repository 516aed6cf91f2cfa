// Finds a tool the tests need, or installs its Debian package when running as root. Never a
// silent skip: without the tool and without root, it stops with the command to run.
import { execSync } from 'node:child_process';

export type DebianTool<T> = {
  /** What the tests need, in words ("a Chromium for the end-to-end tests"). */
  what: string;
  /** The shell command that installs it (run as root). */
  install: string;
  find(): T | null;
  /** Another way out, shown after the command (e.g. an environment variable). */
  hint?: string;
};

export class MissingTool extends Error {}

export const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

export function ensureDebianTool<T>(tool: DebianTool<T>): T {
  const found = tool.find();
  if (found !== null) return found;
  if (!isRoot()) {
    const hint = tool.hint ? `\n\n${tool.hint}` : '';
    throw new MissingTool(`No ${tool.what} found. Install it with:\n\n  sudo sh -c '${tool.install}'${hint}`);
  }
  console.log(`No ${tool.what} found; installing Debian's package: ${tool.install}`);
  execSync(tool.install, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  const installed = tool.find();
  if (installed === null) throw new MissingTool(`Running "${tool.install}" did not provide ${tool.what}.`);
  return installed;
}
