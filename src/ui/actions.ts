// What screens read (AppState) and the ports they act through, one per feature. Each feature's
// controller in src/app builds its port; ui declares their types so it never imports app.
import type { ReadonlySignal } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { DirectoryFailure } from '../domain/directory/directoryProblem.ts';
import type { SearchResult } from '../domain/directory/search.ts';
import type { LockProblem } from '../domain/lock/lockProblem.ts';
import type { QueueStatus } from '../domain/send/queueStatus.ts';
import type { QueueState } from '../domain/send/sendEntry.ts';
import type { ExportProblem, StoryActionReason, StoryProblem } from '../domain/send/sendProblem.ts';
import type { CollectingSession, SessionInput } from '../domain/session/session.ts';
import type { ConnectionVerdict } from '../domain/settings/connection.ts';
import type { Display } from '../domain/settings/display.ts';
import type { Settings } from '../domain/settings/settings.ts';
import type { SettingsProblem, SetupNote } from '../domain/settings/settingsProblem.ts';
import type { StorageStatus } from '../domain/settings/storage.ts';
import type { MissingField, MissingItem } from '../domain/story/sendReadiness.ts';
import type { Draft } from '../domain/story/story.ts';
import type { StoryAddressProblem } from '../domain/story/storyAddress.ts';
import type { QueuedStory } from '../domain/story/submission.ts';
import type { Messages } from '../domain/words/index.ts';

export type { LockProblem };

/** A save of Settings, the display choices or a session; why not, as a code the screen words. */
export type SaveResult = { ok: true } | { ok: false; reason: SettingsProblem | LockProblem };

/** Why a save did not commit, as a code, and whether the disk is full (a blocking state). */
/** `refused`: the story may not be written any more (queued elsewhere, damaged): not retried. */
export type SaveFailure = {
  ok: false;
  reason: StoryActionReason;
  kind: 'quota' | 'connection-lost' | 'other' | 'refused';
};
export type DraftSaveResult = { ok: true; savedAt: number } | SaveFailure;

export type QueueResult = { ok: true } | { ok: false; missing: MissingItem[] } | SaveFailure;

/** One row of Home's list. Holds no email, postcode or username. */
export type StorySummary = {
  id: string;
  title: string;
  state: QueueState;
  createdAt: number;
  updatedAt: number;
  services: string[];
  /** A draft's step reached and what is still missing (field names, never values). */
  step?: number | undefined;
  missing?: MissingField[] | undefined;
  postedOnBehalf: boolean;
  /** A request went out and no answer settled it as refused: it may be at Care Opinion (domain's rule). */
  mayHaveArrived: boolean;
  /** A person may change it now (the domain's canEdit). */
  editable: boolean;
  /** Its sealed draft cannot be opened on this device: shown as such, never edited. */
  unreadable?: boolean | undefined;
  /** The last problem (a code, worded on screen), and when the next try is due. */
  problem?: StoryProblem | undefined;
  /** What Care Opinion refused, field by field (needs attention). */
  fieldProblems?: { field: string; message: string }[] | undefined;
  nextAttemptAt?: number | undefined;
  /** Care Opinion's id once sent. */
  sentId?: string | undefined;
  collectedAt?: string | undefined;
  /** Withdrawn by the storyteller. */
  withdrawn?: boolean | undefined;
  /** Posted on Care Opinion's website by a person (hand-off). */
  byHand?: boolean | undefined;
  /** Carried out in a sealed file for the relay (issue 26): "Exported", and still sent from here. */
  exported?: boolean | undefined;
};

export type StoryCounts = {
  total: number;
  /** Started today (drafts too). */
  today: number;
  /** Started today and collected (consented and put in the queue). */
  collectedToday: number;
  /** Confirmed by Care Opinion (or posted by hand) since local midnight: receipts, so a reload keeps them. */
  sentToday: number;
  /** The same since this iPad's collecting session started; null with no session. */
  sentThisSession: number | null;
  month: { onBehalf: number; all: number };
  allTime: { onBehalf: number; all: number };
};

/** The send queue as Home shows it (the runner's own status type). */
export type QueueSummary = QueueStatus;

/** The service directory on this device, and any refresh in progress. */
export type DirectoryStatus = {
  phase: 'idle' | 'refreshing' | 'failed';
  count: number;
  /** False while the stored directory is being read into memory at start (search not ready yet). */
  ready?: boolean | undefined;
  lastRefreshAt?: number | undefined;
  /** A refresh stopped part-way; the next one continues from there. */
  interrupted?: boolean | undefined;
  progress?:
    | { fetched: number; totalEstimate?: number | undefined; kind: 'full' | 'incremental' }
    | undefined;
  problem?: DirectoryFailure | undefined;
};

export type AppState = {
  /** Language, theme and text size on this iPad (readable before an unlock). */
  display: ReadonlySignal<Display>;
  /** The interface words of the chosen language (screens read them with useText). */
  messages: ReadonlySignal<Messages>;
  settings: ReadonlySignal<Settings>;
  /** The app was opened from an enrolment link (`#enrol=…`): the relay and code to connect with. */
  pendingEnrolment: ReadonlySignal<{ relay: string; code: string } | null>;
  /** Drafts not saved yet (kept sealed in memory, retried): Home says so. */
  unsavedDrafts: ReadonlySignal<number>;
  /** How settings were first set up, or why a set-up file was ignored. */
  setupNote: ReadonlySignal<SetupNote | null>;
  /** A destination has been chosen on this device: changing it needs the recovery code. */
  destinationChosen: ReadonlySignal<boolean>;
  /** Settings are sealed: false until this page's first unlock has opened them. */
  settingsReady: ReadonlySignal<boolean>;
  storage: ReadonlySignal<StorageStatus>;
  /** navigator.onLine: only a hint (PLATFORM.md). */
  onlineHint: ReadonlySignal<boolean>;
  updateWaiting: ReadonlySignal<boolean>;
  /** Installed to the Home Screen (standalone), where Safari keeps storage. */
  standalone: ReadonlySignal<boolean>;
  directory: ReadonlySignal<DirectoryStatus>;
  queue: ReadonlySignal<QueueSummary>;
  /** The page listing what the sandbox received, when the app talks to the built-in sandbox. */
  sandboxPage: ReadonlySignal<string | null>;
  /** Home offers "Export unsent stories": on a relay with its export key, and a story waiting (issue 26). */
  exportOffered: ReadonlySignal<boolean>;
  /** The stories on this device Home has read so far (the newest page, more on request), newest first. */
  stories: ReadonlySignal<StorySummary[]>;
  /** Counts from indexes, over every story: all rows, started today, the posted-on-behalf tally. */
  storyCounts: ReadonlySignal<StoryCounts>;
  /** Who is collecting on this iPad now ("Start collecting"); null when nobody has started. */
  session: ReadonlySignal<CollectingSession | null>;
  /** The session that ended at midnight or after the long idle: Home asks "Still …?" (null otherwise). */
  lapsedSession: ReadonlySignal<CollectingSession | null>;
  /** False between an unlock and the session read back: Home shows none of the three until then. */
  sessionKnown: ReadonlySignal<boolean>;
  buildId: string;
  /** Something unexpected failed: the banner says so (nothing is lost) until dismissed. */
  failure: ReadonlySignal<boolean>;
};

/** Settings and the display (Settings' sections, the language switch). */
export type SettingsActions = {
  /** Language, theme or text size: stored in plain text and applied at once. */
  saveDisplay(display: Display): Promise<SaveResult>;
  /** `recoveryCode`: needed to change where stories go once chosen (destinationChangeNeedsCode). */
  saveSettings(settings: Settings, recoveryCode?: string): Promise<SaveResult>;
  /** "Connect" (to a relay): enrols this iPad with the code and keeps its token sealed; a new destination needs the recovery code. */
  connectRelay(relayAddress: string, code: string, recoveryCode?: string): Promise<SaveResult>;
  /** "Test connection": the saved connection (its key or relay token) when the address is the saved one and no key is typed; else the address and key as typed, never the saved key. */
  testConnection(apiAddress: string, key: string): Promise<ConnectionVerdict>;
};

/** This iPad: a waiting version of the app, its storage. */
export type DeviceActions = {
  /** Saves open work, then switches to the waiting version of the app. */
  applyUpdate(): Promise<void>;
  refreshStorageStatus(): Promise<void>;
};

/** The service directory (Settings' section, the service picker). */
export type DirectoryActions = {
  /** "Refresh service directory": a full download, with progress in `state.directory`. */
  refreshDirectory(): Promise<void>;
  cancelDirectoryRefresh(): void;
  /** Search-as-you-type over the stored directory, offline (answered by a worker). */
  searchServices(query: string, type?: string): Promise<SearchResult[]>;
  /** A service was chosen in the picker: searches on this device put it first from now on. */
  noteServiceChosen(nacs: string): void;
};

/** A story in a sealed file, by its id and the key it was sealed under (never its words). */
export type ExportedStory = { id: string; idempotencyKey: string };

/** "Export unsent stories": the sealed file (its name, bytes and stories), or why there is none, as a code. */
export type ExportResult =
  | { ok: true; name: string; bytes: Uint8Array; stories: ExportedStory[] }
  | { ok: false; reason: ExportProblem };

/** Sending: the send bar and the hand-off screen. */
export type SendActions = {
  /** "Send now": every waiting story is tried at once, and the backoff starts again. */
  sendNow(): Promise<void>;
  /** A story ready to post by hand: its frozen, consented body (null: not ready to post, or unreadable). */
  loadHandOff(id: string): Promise<QueuedStory | null>;
  /**
   * "I have posted it": only with a Care Opinion story address or number (else why not: the address's
   * `problem`, or the device's `reason`); then a receipt "posted by hand", and the story's text and
   * personal data are deleted.
   */
  postedByHand(
    id: string,
    address: string,
  ): Promise<
    | { ok: true; storyNumber: string }
    | { ok: false; problem: StoryAddressProblem }
    | { ok: false; reason: StoryActionReason }
  >;
  /**
   * "Export unsent stories" (issue 26, asked after the PIN again): every story waiting to be sent,
   * sealed to the relay in one file. Nothing on the device changes until `markExported`.
   */
  exportUnsent(): Promise<ExportResult>;
  /** The file was shared or saved: its stories are marked "Exported" (and still sent by the iPad). */
  markExported(stories: readonly ExportedStory[]): Promise<void>;
};

/** Stories: Home's list, the story screen and its steps. */
export type StoryActions = {
  /** "Show more" on Home: the next page of older stories. */
  showMoreStories(): Promise<void>;
  /** "New story": a blank draft with its id, kept in memory only (nothing is stored until an answer). */
  startStory(): Promise<{ id: string; draft: Draft }>;
  /** Stores a started draft, once its first answer is typed; resolves after the write committed. */
  createStory(id: string, draft: Draft): Promise<DraftSaveResult>;
  loadDraft(id: string): Promise<Draft | null>;
  /** Resolves only after the write has committed ("Saved on this device"). */
  saveDraft(id: string, draft: Draft): Promise<DraftSaveResult>;
  /** A draft whose save failed as its screen closed or the app locked: kept sealed, retried until saved
   * (`isNew`: a new story whose first save never committed, created by the retry). */
  keepUnsavedDraft(id: string, draft: Draft, isNew?: boolean): Promise<void>;
  /** "Send to Care Opinion": freezes the payload with a fixed Idempotency-Key in the outbox. */
  queueStory(id: string): Promise<QueueResult>;
  /** A queued story never attempted goes back to draft to be edited (its key is dropped), or one
   * that needs attention; `step` opens it at the step that fixes the problem. */
  editQueuedStory(id: string, step?: number): Promise<DraftSaveResult>;
  /** Withdraw: deletes the story (or, if it may have arrived, keeps a receipt saying so). */
  withdrawStory(id: string): Promise<DraftSaveResult>;
  /** The common first names and surnames list, loaded lazily (outside the initial bundle). */
  loadCommonNames(): Promise<ReadonlySet<string>>;
  /** Work that must be saved before the page goes away on purpose (update, lock). */
  registerSaveHook(hook: () => Promise<void>): () => void;
  /** While a story is open: the screen stays on where the browser allows it; returns the release. */
  keepScreenOn(): () => void;
};

/** The collecting session ("Start collecting", "End session"). */
export type SessionActions = {
  /** "Start collecting": who collects now, this session's services and focus theme (sealed). */
  startSession(input: SessionInput): Promise<SaveResult | { ok: false; missing: 'name' }>;
  /** "Carry on" after "Still …?": the last session's person, role and services, starting now. */
  carryOn(): Promise<SaveResult | { ok: false; missing: 'name' }>;
  /** "Start afresh" after "Still …?": the last session is forgotten. */
  startAfresh(): Promise<void>;
  /** "End session": clears the session and locks. */
  endSession(): Promise<void>;
};

/** The one error handler: an unexpected failure is recorded (nothing personal) and the banner says
 * "Something went wrong; nothing is lost" (`state.failure`) until dismissed. */
export type ErrorActions = {
  reportError(error: unknown): void;
  dismissError(): void;
};

/** Each feature's port, built by its controller in src/app; a screen takes only the one it uses. */
export type AppPorts = {
  settings: SettingsActions;
  device: DeviceActions;
  directory: DirectoryActions;
  send: SendActions;
  story: StoryActions;
  session: SessionActions;
  errors: ErrorActions;
};

export type AppContextValue = { state: AppState; ports: AppPorts };

export const AppContext = createContext<AppContextValue | null>(null);

function useAppContext(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('AppContext missing: render screens inside <App>');
  return value;
}

/** The app's state (read-only signals), for any screen. */
export function useApp(): { state: AppState } {
  return { state: useAppContext().state };
}

export const useSettingsActions = (): SettingsActions => useAppContext().ports.settings;
export const useDeviceActions = (): DeviceActions => useAppContext().ports.device;
export const useDirectoryActions = (): DirectoryActions => useAppContext().ports.directory;
export const useSendActions = (): SendActions => useAppContext().ports.send;
export const useStoryActions = (): StoryActions => useAppContext().ports.story;
export const useSessionActions = (): SessionActions => useAppContext().ports.session;
export const useErrors = (): ErrorActions => useAppContext().ports.errors;
