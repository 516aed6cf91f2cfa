// Fails on a bare `catch {}` or `.catch(() => undefined)` that does not say which failure it
// expects, in every layer: anything else goes to the one handler (src/app/errors.ts).
import { describe, expect, it } from 'vitest';
import { findSilentCatches, sourcesUnder } from './catches.ts';

const ENFORCED = ['domain', 'store', 'sync', 'app', 'ui'] as const;

describe('silent catches', () => {
  it.each(ENFORCED)('src/%s names the failure at every bare catch', (layer) => {
    const files = sourcesUnder(`src/${layer}`);
    expect(files.length).toBeGreaterThan(5);
    expect(findSilentCatches(files)).toEqual([]);
  });

  it.each([
    ['} catch {\n  return null;\n}', 1],
    ['} catch (e) {}', 1],
    ['p.catch(() => undefined);', 1],
    ['const body = await res.json().catch(() => null);', 1],
    ['tail = turn.catch(() => {});', 1],
    ['} catch {\n  // not a URL\n  return null;\n}', 0],
    ['} catch { // not a URL\n  return null;\n}', 0],
    ['// a lost lease: it runs out by itself\np.catch(() => undefined);', 0],
    ['} catch (error) {\n  if (!(error instanceof TypeError)) throw error;\n}', 0],
    ['z.catch(z.string(), "")', 0],
    ['// no bare catch {} here', 0],
  ])('the checker counts %j as %i silent', (source, count) => {
    expect(findSilentCatches([{ path: 'src/x.ts', source }])).toHaveLength(count);
  });
});
