// `npm run release`: writes release/ — what a trust copies to its server and starts with
// `npm ci --omit=dev && npm start` (DEPLOY.md). Inside:
//   app/       the built app, each text file also precompressed (brotli and gzip) for the relay
//   server/    the relay bundled into plain JavaScript by esbuild (no TypeScript runner at run
//              time), its admin page's files beside it, with the posting desk's script bundled
//              into server/assets/desk.js (the relay bundles it itself only in the repository)
//   package.json, package-lock.json   only the relay's runtime dependencies, at exactly the
//              versions the repository's lockfile holds (cut from it, not resolved again)
//   story-relay.service, nginx.conf, relay.env, DEPLOY.md   from relay/deploy/
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { writeDeskBundle } from '../../relay/admin/deskBundle.ts';

const ROOT = resolve(import.meta.dirname, '../..');
/** Bundled into server/relay.js: pure JavaScript with no native part or files of its own. */
const BUNDLED = new Set(['zod', 'uqr']);
const COMPRESSIBLE = new Set([
  '.js',
  '.mjs',
  '.css',
  '.html',
  '.svg',
  '.json',
  '.webmanifest',
  '.txt',
  '.wasm',
]);

type Lock = { packages: Record<string, LockEntry> } & Record<string, unknown>;
type LockEntry = {
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  dev?: boolean;
  devOptional?: boolean;
  optional?: boolean;
  [field: string]: unknown;
};

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Brotli (quality 11) and gzip (level 9) copies beside every text file over 1 kB. */
export function precompress(dir: string): void {
  for (const path of walk(dir)) {
    if (!COMPRESSIBLE.has(extname(path))) continue;
    const body = readFileSync(path);
    if (body.length < 1024) continue;
    writeFileSync(
      `${path}.br`,
      brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    );
    writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
  }
}

/** Where Node would find `name` from the package at `from` (a lockfile key), per the lockfile. */
function resolveIn(lock: Lock, from: string, name: string): string | undefined {
  let base = from;
  for (;;) {
    const candidate = base ? `${base}/node_modules/${name}` : `node_modules/${name}`;
    if (lock.packages[candidate]) return candidate;
    if (!base) return undefined;
    const cut = base.lastIndexOf('/node_modules/');
    base = cut === -1 ? '' : base.slice(0, cut);
  }
}

/** The repository lockfile cut down to `dependencies` and what they need, as a release's own. */
export function releaseLock(lock: Lock, name: string, version: string, dependencies: Record<string, string>) {
  const keep = new Map<string, LockEntry>();
  // The workspace's own packages may sit under relay/node_modules: look there first.
  const queue: [string, string][] = Object.keys(dependencies).map((dep) => ['relay', dep]);
  while (queue.length > 0) {
    const [from, dep] = queue.shift() as [string, string];
    const key = resolveIn(lock, from, dep);
    if (!key) continue; // an optional dependency for another platform, or an optional peer
    const target = key.startsWith('relay/') ? key.slice('relay/'.length) : key;
    if (keep.has(target)) continue;
    const { dev: _dev, devOptional: _devOptional, ...entry } = lock.packages[key] as LockEntry;
    keep.set(target, entry);
    const needs = {
      ...entry.dependencies,
      ...entry.optionalDependencies,
      ...Object.fromEntries(
        Object.entries(entry.peerDependencies ?? {}).filter(
          ([peer]) => !entry.peerDependenciesMeta?.[peer]?.optional,
        ),
      ),
    };
    for (const need of Object.keys(needs)) queue.push([key, need]);
  }
  const packages: Record<string, LockEntry> = {
    '': { name, version, dependencies, engines: { node: '>=20.19' } },
  };
  for (const key of [...keep.keys()].sort()) packages[key] = keep.get(key) as LockEntry;
  return { name, version, lockfileVersion: 3, requires: true, packages };
}

export type ReleaseOptions = {
  /** Build the app with Vite (default true); false reuses `appFrom`, e.g. an existing dist/. */
  buildApp?: boolean;
  appFrom?: string;
};

export async function buildRelease(out: string, options: ReleaseOptions = {}): Promise<void> {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const app = join(out, 'app');
  if (options.buildApp === false) cpSync(resolve(ROOT, options.appFrom ?? 'dist'), app, { recursive: true });
  else {
    execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
      {
        cwd: ROOT,
        env: { ...process.env, OUT_DIR: app },
        stdio: 'inherit',
      },
    );
  }
  precompress(app);

  const relayPackage = JSON.parse(readFileSync(join(ROOT, 'relay/package.json'), 'utf8')) as {
    version: string;
    dependencies: Record<string, string>;
  };
  const runtime = Object.fromEntries(
    Object.entries(relayPackage.dependencies).filter(([dep]) => !BUNDLED.has(dep)),
  );
  await build({
    entryPoints: [join(ROOT, 'relay/main.ts')],
    outfile: join(out, 'server/relay.js'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    // esbuild: only the repository's relay bundles the desk page (page.ts); a release ships it built.
    external: [...Object.keys(runtime), 'esbuild'],
    define: { __RELAY_RELEASE__: 'true' },
    // A CommonJS module bundled into ESM may still call require() for Node's own modules.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    legalComments: 'linked',
    logLevel: 'warning',
  });
  cpSync(join(ROOT, 'relay/admin/assets'), join(out, 'server/assets'), { recursive: true });
  await writeDeskBundle(join(out, 'server/assets/desk.js'));

  const name = 'story-collector-relay';
  const version = relayPackage.version;
  const manifest = {
    name,
    version,
    private: true,
    type: 'module',
    description: 'Story Collector: the relay and the app it serves. DEPLOY.md says how to run it.',
    engines: { node: '>=20.19' },
    scripts: { start: 'node server/relay.js' },
    dependencies: runtime,
  };
  writeFileSync(join(out, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as Lock;
  writeFileSync(
    join(out, 'package-lock.json'),
    `${JSON.stringify(releaseLock(lock, name, version, runtime), null, 2)}\n`,
  );
  for (const file of readdirSync(join(ROOT, 'relay/deploy'))) {
    cpSync(join(ROOT, 'relay/deploy', file), join(out, file));
  }
}

/** Bytes in a folder, all files. */
export function folderBytes(dir: string): number {
  return walk(dir).reduce((sum, path) => sum + statSync(path).size, 0);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const out = resolve(ROOT, process.argv[2] ?? 'release');
  const started = performance.now();
  await buildRelease(out);
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
  console.log(
    `release/ written in ${((performance.now() - started) / 1000).toFixed(1)} s: ${mb(folderBytes(out))} ` +
      `(app ${mb(folderBytes(join(out, 'app')))}, server ${mb(folderBytes(join(out, 'server')))}). ` +
      'On the server: npm ci --omit=dev && npm start (DEPLOY.md).',
  );
}
