// The curtain: the moment the page is hidden (the app switcher, the Home Screen, a sleeping iPad)
// or left (pagehide), the whole app is hidden — synchronously, inside the event, so the snapshot
// the system takes shows only the curtain. It lifts on return, in the next frame: by then the lock
// controller has heard the same event and, if the page was hidden too long, the Lock screen is
// what shows. Never on blur: Split View beside another app must keep working.

/** `name`: the app's name in the chosen language, read each time the curtain closes. */
export function installCurtain(root: HTMLElement, doc: Document, win: Window, name: () => string): void {
  const curtain = doc.createElement('div');
  curtain.className = 'curtain';
  curtain.hidden = true;
  curtain.setAttribute('aria-hidden', 'true');
  root.after(curtain);
  let focused: Element | null = null;
  let frame: number | null = null;

  const close = () => {
    if (frame !== null) win.cancelAnimationFrame(frame);
    frame = null;
    if (!root.hidden) focused = doc.activeElement;
    root.hidden = true;
    root.inert = true;
    curtain.textContent = name();
    curtain.hidden = false;
  };
  const lift = () => {
    frame = null;
    if (doc.visibilityState === 'hidden') return;
    root.hidden = false;
    root.inert = false;
    curtain.hidden = true;
    if (focused instanceof HTMLElement && focused.isConnected) focused.focus({ preventScroll: true });
    focused = null;
  };
  const onVisibility = () => {
    if (doc.visibilityState === 'hidden') close();
    else if (root.hidden) frame ??= win.requestAnimationFrame(lift);
  };
  const onPageShow = () => {
    if (root.hidden) frame ??= win.requestAnimationFrame(lift);
  };
  doc.addEventListener('visibilitychange', onVisibility);
  win.addEventListener('pagehide', close);
  win.addEventListener('pageshow', onPageShow);
}
