// Whether this iPad has somewhere to send stories: an API address (a relay, or Care Opinion with a
// key) or "Post them on the Care Opinion website myself" chosen. With neither, stories still wait
// on the device (as "Ready to post"), but nobody chose that: Home says so, with the way to fix it.
import type { Settings } from './settings.ts';

export function hasDestination(settings: Pick<Settings, 'apiAddress' | 'delivery'>): boolean {
  return settings.apiAddress.trim() !== '' || settings.delivery === 'by-hand';
}
