// Why a service-directory refresh stopped: a code (Settings words it through the catalogue's
// `settings.directory.problems`), with the answer's own `SendProblem` when there was one.
import type { SendProblem } from '../send/sendProblem.ts';

export type DirectoryProblem = 'key-rejected' | 'unreachable' | 'cancelled' | 'not-configured';

export type DirectoryFailure = { problem: DirectoryProblem; reason?: SendProblem | undefined };
