// The search index as read back from storage: checked to have the shape this version of the app
// builds, else not used (the caller rebuilds it). Bump INDEX_FORMAT whenever ServiceIndex changes.
import type { ServiceIndex } from './serviceIndex.ts';
import { isServiceTable } from './serviceTable.ts';

export const INDEX_FORMAT = 3;

export const NUMBER_ARRAYS = [
  'keyLength',
  'postingStart',
  'postings',
  'wordStart',
  'nameEnd',
  'words',
  'alphabetical',
  'alphabeticalPlace',
  'typeOf',
  'siteOf',
  'organisationOf',
] as const;
export const TEXT_ARRAYS = ['vocabulary', 'typeNames', 'organisations', 'organisationKeys'] as const;
/** Arrays with one entry per service. */
const PER_SERVICE = [
  'keyLength',
  'nameEnd',
  'alphabetical',
  'alphabeticalPlace',
  'typeOf',
  'siteOf',
] as const;

/** The index if `value` has every part, of the right kind and consistent sizes; else null. */
export function asServiceIndex(value: unknown): ServiceIndex | null {
  if (typeof value !== 'object' || value === null) return null;
  const index = value as Record<string, unknown>;
  if (!isServiceTable(index.services)) return null;
  if (NUMBER_ARRAYS.some((field) => !(index[field] instanceof Int32Array))) return null;
  if (TEXT_ARRAYS.some((field) => !Array.isArray(index[field]))) return null;
  const ok = value as ServiceIndex;
  const size = ok.services.count;
  if (PER_SERVICE.some((field) => ok[field].length !== size) || ok.organisationOf.length !== size)
    return null;
  if (ok.wordStart.length !== size + 1 || ok.postingStart.length !== ok.vocabulary.length + 1) return null;
  return ok;
}
