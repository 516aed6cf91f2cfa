// Home, when the iPad has nowhere to send stories (no API address, posting by hand not chosen):
// says so, with a link to Settings' "How stories reach Care Opinion"; and when an enrolment link
// waits for "Connect" (kept through PIN set-up), offers it. Silent until the sealed settings are
// open (before that every reader sees the defaults, which have no address).
import { hasDestination } from '../../domain/settings/destination.ts';
import { useApp } from '../actions.ts';
import { useText } from '../shared/text.ts';

export function NoDestination() {
  const { state } = useApp();
  const t = useText();
  if (!state.settingsReady.value) return null;
  const link = state.pendingEnrolment.value;
  if (link && state.settings.value.relayToken === '')
    return (
      <div class="note">
        <p>
          <bdi>{t.settings.relayOffer(link.relay)}</bdi>
        </p>
        <p>
          <a href="/settings#relay">{t.home.enrolmentWaiting}</a>
        </p>
      </div>
    );
  if (hasDestination(state.settings.value)) return null;
  return (
    <div class="note note-warn">
      <p>{t.home.noDestination}</p>
      <p>
        <a href="/settings#delivery">{t.home.noDestinationFix}</a>
      </p>
    </div>
  );
}
