// A section of Settings that a link elsewhere points at (Home's "/settings#delivery", "#relay"):
// scrolled into view once it is laid out (the route may still be swapping in when it mounts).
import { useEffect, useRef } from 'preact/hooks';

const TRIES = 40;
const EVERY_MS = 50;

export function useShowWhenAsked<T extends HTMLElement>(hash: string) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (window.location.hash !== hash) return;
    let tries = 0;
    let timer = 0;
    const show = () => {
      const element = ref.current;
      if (element && element.getClientRects().length > 0) element.scrollIntoView({ block: 'start' });
      else if (++tries < TRIES) timer = window.setTimeout(show, EVERY_MS);
    };
    timer = window.setTimeout(show, 0);
    return () => window.clearTimeout(timer);
  }, [hash]);
  return ref;
}
