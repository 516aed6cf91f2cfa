// Fails on an import that breaks the dependency direction of ARCHITECTURE.md.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findViolations, type SourceFile } from './imports.ts';

function sources(dir: string): SourceFile[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [{ path, source: readFileSync(path, 'utf8') }] : [];
  });
}

function folders(dir: string): string[] {
  return [
    dir,
    ...readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? folders(path) : [];
    }),
  ];
}

describe('dependency direction', () => {
  it('src/, sw/ and relay/ follow app → sync → store → domain, app → ui → domain, relay → domain', () => {
    const files = [...sources('src'), ...sources('sw'), ...sources('relay')];
    expect(files.length).toBeGreaterThan(10);
    expect(findViolations(files)).toEqual([]);
  });

  it.each([
    ['src/domain/a.ts', "import { x } from '../store/db.ts';", 'domain may not import store'],
    ['src/store/a.ts', "import { x } from '../sync/client.ts';", 'store may not import sync'],
    [
      'src/ui/a.tsx',
      "import { x } from '../store/db.ts';",
      'ui may not import store except with `import type`',
    ],
    ['src/ui/a.tsx', "import { App } from '../app/main.tsx';", 'ui may not import app'],
    ['src/sync/a.ts', "import { Home } from '../ui/home/Home.tsx';", 'sync may not import ui'],
    ['src/ui/a.tsx', "import { Dexie } from 'dexie';", 'dexie belongs to store'],
    // Feature folders inside a layer keep their layer's rule.
    [
      'src/domain/send/a.ts',
      "import { x } from '../../store/send/outbox.ts';",
      'domain may not import store',
    ],
    ['src/store/vault/a.ts', "import { x } from '../../sync/send/queue.ts';", 'store may not import sync'],
    ['src/sync/send/a.ts', "import { x } from '../../app/send/queue.ts';", 'sync may not import app'],
    [
      'src/ui/story/fields/a.tsx',
      "import { x } from '../../../store/story/stories.ts';",
      'ui may not import store except with `import type`',
    ],
    [
      'src/ui/a.tsx',
      "const m = import('../sync/queue.ts');",
      'ui may not import sync except with `import type`',
    ],
    ['sw/sw.ts', "import { x } from '../src/domain/a.ts';", 'sw/ imports only Workbox'],
    ['relay/a.ts', "import { x } from '../src/store/db.ts';", 'relay may import only src/domain'],
    [
      'relay/db/a.ts',
      "import type { x } from '../../src/sync/queue.ts';",
      'relay may import only src/domain',
    ],
    ['relay/a.ts', "import { x } from '../src/ui/main.tsx';", 'relay may import only src/domain'],
    ['relay/a.ts', "const m = import('../src/app/main.tsx');", 'relay may import only src/domain'],
  ])('reports %s importing with "%s"', (path, source, reason) => {
    expect(findViolations([{ path, source }])).toContainEqual(expect.objectContaining({ reason }));
  });

  const surfaces: SourceFile[] = [
    { path: 'src/domain/send/index.ts', source: "export * from './sendRules.ts';" },
    { path: 'src/store/directory/index.ts', source: "export * from './directory.ts';" },
  ];

  it('allows a feature to import another feature of its own or a lower layer', () => {
    const source =
      "import { x } from '../../domain/send/sendRules.ts';\nimport { y } from '../directory/directory.ts';\nimport { z } from './outbox.ts';";
    expect(findViolations([...surfaces, { path: 'src/store/send/a.ts', source }])).toEqual([]);
  });

  it.each([
    ["import { x } from '../../domain/send/sendReducer.ts';", 'src/domain/send is not named in its index.ts'],
    [
      "import type { x } from '../../domain/send/sendReducer.ts';",
      'src/domain/send is not named in its index.ts',
    ],
    [
      "const m = import('../directory/directoryIndex.ts');",
      'src/store/directory is not named in its index.ts',
    ],
    ["import { x } from '../vault/vault.ts';", 'src/store/vault has no index.ts'],
  ])('reaches another feature only through its surface: %s', (source, reason) => {
    expect(findViolations([...surfaces, { path: 'src/store/send/a.ts', source }])).toEqual([
      expect.objectContaining({ reason }),
    ]);
  });

  it("lets a layer's shared top level be imported by any feature, and a feature use its own files", () => {
    const source = "import { db } from '../db.ts';\nimport { x } from './sendWriter.ts';";
    expect(findViolations([...surfaces, { path: 'src/store/send/a.ts', source }])).toEqual([]);
  });

  it('no folder in src/ holds more than 15 files at its top level (its README included)', () => {
    const crowded = folders('src')
      .map((dir) => ({
        dir,
        files: readdirSync(dir).filter((name) => !statSync(join(dir, name)).isDirectory()).length,
      }))
      .filter(({ files }) => files > 15);
    expect(crowded).toEqual([]);
  });

  it('allows the relay to import src/domain', () => {
    const source = "import { QueuedStorySchema } from '../src/domain/queuedStory.ts';";
    expect(findViolations([{ path: 'relay/opinions.ts', source }])).toEqual([]);
  });

  it('allows type-only imports from store and sync in ui', () => {
    const source =
      "import type { StoryDb } from '../store/db.ts';\nimport type { Client } from '../sync/client.ts';";
    expect(findViolations([{ path: 'src/ui/a.tsx', source }])).toEqual([]);
  });
});
