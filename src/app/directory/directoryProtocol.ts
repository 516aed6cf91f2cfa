// The messages between the page (directory.ts) and the directory worker: each request carries an
// id, and its answer the same id.
import type { SearchResult } from '../../domain/directory/search.ts';
import type { ServiceIndex } from '../../domain/directory/serviceIndex.ts';

export type WorkerRequest =
  | { id: number; kind: 'load' }
  /** A first directory's index, searched at once while its services are stored. */
  | { id: number; kind: 'use'; index: ServiceIndex }
  | { id: number; kind: 'search'; query: string; type?: string | undefined }
  | { id: number; kind: 'chosen'; nacs: string };

export type WorkerAnswer =
  | { id: number; kind: 'loaded'; count: number }
  | { id: number; kind: 'results'; results: SearchResult[] }
  | { id: number; kind: 'done' }
  | { id: number; kind: 'failed' };
