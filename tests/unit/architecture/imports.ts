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
  const out: Violation[] = [];
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
