// Handing over the sealed file on an iPad (PLATFORM.md): the share sheet (AirDrop, Mail, Files) when
// the browser can share this file — a fresh tap, since Safari shares only during one — else a
// download from an object URL. `onHanded` once it was shared or the download was started.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { SEALED_FILE_TYPE } from '../../domain/fleet/sealedFile.ts';
import { useErrors } from '../actions.ts';
import { useText } from '../shared/text.ts';

export type ShareFileProps = { name: string; bytes: Uint8Array; onHanded(): void };

type ShareNavigator = Navigator & {
  canShare?: (data: { files: File[] }) => boolean;
  share?: (data: { files: File[] }) => Promise<void>;
};

export function ShareFile({ name, bytes, onHanded }: ShareFileProps) {
  const t = useText();
  const { reportError } = useErrors();
  const nav = navigator as ShareNavigator;
  const file = useMemo(() => new File([bytes.slice()], name, { type: SEALED_FILE_TYPE }), [bytes, name]);
  const [refused, setRefused] = useState(false);
  const shareable = !refused && typeof nav.share === 'function' && nav.canShare?.({ files: [file] }) === true;
  const url = useMemo(() => (shareable ? null : URL.createObjectURL(file)), [shareable, file]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  const handleShare = async () => {
    try {
      await nav.share?.({ files: [file] });
      onHanded();
    } catch (error) {
      // the person closed the share sheet: nothing was handed over, they may tap again
      if (error instanceof DOMException && error.name === 'AbortError') return;
      // the browser refused to share it after all: the download instead
      if (error instanceof DOMException && error.name === 'NotAllowedError') setRefused(true);
      else reportError(error);
    }
  };
  if (shareable)
    return (
      <button type="button" class="button-primary" onClick={() => void handleShare()}>
        {t.home.export.share}
      </button>
    );
  return (
    <>
      {refused && <p class="message-error">{t.home.export.notShared}</p>}
      <a class="button button-primary" href={url ?? undefined} download={name} onClick={onHanded}>
        {t.home.export.save}
      </a>
    </>
  );
}
