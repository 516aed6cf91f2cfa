// The reference Argon2 build's bytes (argon2.ts), for the worker and the page's fallback: its own
// file in the build, precached by the service worker, fetched only when a PIN is set or typed.
import wasmUrl from '@phi-ag/argon2/argon2.wasm?url';

export async function referenceWasm(): Promise<ArrayBuffer> {
  const response = await fetch(wasmUrl);
  if (!response.ok) throw new Error(`The Argon2 WebAssembly did not load (${response.status})`);
  return response.arrayBuffer();
}
