// The dependency rules of ARCHITECTURE.md as data, and a checker over source text.
export const LAYERS = ['domain', 'store', 'sync', 'ui', 'app'] as const;
type Layer = (typeof LAYERS)[number];

/** Which of our layers each layer may import (value imports); `typeOnly` may also be imported as types. */
const ALLOWED: Record<Layer, { value: Layer[]; typeOnly: Layer[] }> = {
  domain: { value: ['domain'], typeOnly: [] },
  store: { value: ['store', 'domain'], typeOnly: [] },
  sync: { value: ['sync', 'store', 'domain'], typeOnly: [] },
  ui: { value: ['ui', 'domain'], typeOnly: ['store', 'sync'] },
  app: { value: [...LAYERS], typeOnly: [] },
};

/** Packages that only one layer may import. */
const PACKAGE_OWNERS: Record<string, Layer[]> = { dexie: ['store'], 'idb-keyval': ['store'] };

export type SourceFile = { path: string; source: string };
export type Violation = { file: string; specifier: string; reason: string };

const IMPORT_RE = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
const DYNAMIC_RE = /import\(\s*['"]([^'"]+)['"]\s*\)/g;

function layerOf(path: string): Layer | null {
  const match = /^src\/([^/]+)\//.exec(path);
  const name = match?.[1];
  return (LAYERS as readonly string[]).includes(name ?? '') ? (name as Layer) : null;
}

function resolveRelative(from: string, specifier: string): string {
  const parts = from.split('/').slice(0, -1);
  for (const piece of specifier.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.') parts.push(piece);
  }
  return parts.join('/');
}

/** `src/<layer>/<feature>` for a file inside a feature folder; null for a layer's shared top level. */
function featureOf(path: string): string | null {
  return /^(src\/[^/]+\/[^/]+)\/./.exec(path)?.[1] ?? null;
}

/** A specifier's module path, `.ts` added when the specifier has no extension. */
function moduleAt(from: string, specifier: string): string {
  const target = resolveRelative(from, specifier);
  return /\.tsx?$/.test(target) ? target : `${target}.ts`;
}

/**
 * A feature's surface: its `index.ts` and the modules that file names. Another feature imports only
 * these — directly rather than through the index, because a barrel keeps every module it re-exports
 * that runs code when loaded (the zod schemas), which pulled lazy code into the first download
 * (51.7 → 83.5 kB gzip when tried). The index is the declaration; the check holds imports to it.
 */
function surfaces(files: readonly SourceFile[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const file of files) {
    const feature = featureOf(file.path);
    if (!feature || file.path !== `${feature}/index.ts`) continue;
    const named = imports(file.source)
      .filter(({ specifier }) => specifier.startsWith('.'))
      .map(({ specifier }) => moduleAt(file.path, specifier).replace(/\.tsx?$/, ''));
    out.set(feature, new Set([`${feature}/index`, ...named]));
  }
  return out;
}

/** An import from one feature into another that skips the other's surface (its index.ts). */
function featureViolations(files: readonly SourceFile[]): Violation[] {
  const surface = surfaces(files);
  const out: Violation[] = [];
  for (const file of files) {
    if (!file.path.startsWith('src/')) continue;
    const own = featureOf(file.path);
    for (const { specifier } of imports(file.source)) {
      if (!specifier.startsWith('.')) continue;
      const target = moduleAt(file.path, specifier);
      const feature = featureOf(target);
      if (!feature || feature === own) continue;
      const allowed = surface.get(feature);
      if (allowed?.has(target.replace(/\.tsx?$/, ''))) continue;
      const why = allowed ? 'is not named in its index.ts' : 'has no index.ts';
      out.push({ file: file.path, specifier, reason: `${feature} ${why}` });
    }
  }
  return out;
}

function imports(source: string): { specifier: string; typeOnly: boolean }[] {
  const found = [...source.matchAll(IMPORT_RE)].map((m) => ({
    specifier: m[3] ?? '',
    typeOnly: Boolean(m[2]),
  }));
  const dynamic = [...source.matchAll(DYNAMIC_RE)].map((m) => ({ specifier: m[1] ?? '', typeOnly: false }));
  return [...found, ...dynamic];
}

/** The relay (a server) shares the app's rules and nothing else: it may import src/domain only. */
function relayViolations(file: SourceFile): Violation[] {
  return imports(file.source)
    .filter(({ specifier }) => specifier.startsWith('.'))
    .map(({ specifier }) => ({ specifier, target: resolveRelative(file.path, specifier) }))
    .filter(({ target }) => target.startsWith('src/') && layerOf(target) !== 'domain')
    .map(({ specifier }) => ({ file: file.path, specifier, reason: 'relay may import only src/domain' }));
}

export function findViolations(files: readonly SourceFile[]): Violation[] {
  const out: Violation[] = featureViolations(files);
  for (const file of files) {
    const isSw = file.path.startsWith('sw/');
    if (file.path.startsWith('relay/')) {
      out.push(...relayViolations(file));
      continue;
    }
    const layer = layerOf(file.path);
    for (const { specifier, typeOnly } of imports(file.source)) {
      if (isSw) {
        if (!specifier.startsWith('workbox-'))
          out.push({ file: file.path, specifier, reason: 'sw/ imports only Workbox' });
        continue;
      }
      if (!layer) continue;
      if (specifier.startsWith('.')) {
        const target = layerOf(resolveRelative(file.path, specifier));
        if (!target) continue;
        const rule = ALLOWED[layer];
        if (rule.value.includes(target) || (typeOnly && rule.typeOnly.includes(target))) continue;
        const how = rule.typeOnly.includes(target) ? ' except with `import type`' : '';
        out.push({ file: file.path, specifier, reason: `${layer} may not import ${target}${how}` });
        continue;
      }
      const owners = PACKAGE_OWNERS[specifier];
      if (owners && !owners.includes(layer))
        out.push({ file: file.path, specifier, reason: `${specifier} belongs to ${owners.join(', ')}` });
    }
  }
  return out;
}
