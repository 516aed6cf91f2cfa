// Times importing a sealed file of 200 stories (issue 26's closing note), on SQLite and Postgres,
// against the sandbox at Care Opinion's own rate (5/s) and at 1000/s (the relay's own work): not a
// test (nothing asserted on time), a script that prints. `npx tsx tests/unit/relay/importTime.ts`
// (IMPORT_STORIES=50 for fewer).
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import type { DatabaseUrl } from '../../../relay/config.ts';
import { startRelay } from '../../../relay/server.ts';
import { startPostgres } from '../../tools/postgres.ts';
import { startTestSandbox } from '../sandbox/helpers.ts';
import { sqliteUrl } from './databases.ts';
import { exportKeyOf, importFile, sealFor, storiesFor } from './fleetHelpers.ts';
import { configFor, enrol } from './harness.ts';

const STORIES = Number(process.env.IMPORT_STORIES ?? 200);

async function time(label: string, database: DatabaseUrl, rate: number): Promise<void> {
  const sandbox = await startTestSandbox({ rate });
  const config = configFor(sandbox.url, database, { upstreamRate: rate });
  const relay = await startRelay(config, { log: pino({ level: 'silent' }), schedule: false });
  try {
    const { deviceId, token } = await enrol(relay);
    const started = performance.now();
    const file = await sealFor(await exportKeyOf(relay, token), deviceId, storiesFor(STORIES));
    const sealedMs = performance.now() - started;
    const begun = performance.now();
    const res = await importFile(relay, file);
    const answer = (await res.json()) as { sent: number; alreadyThere: number; refused: number };
    const importMs = performance.now() - begun;
    const again = performance.now();
    const second = (await (await importFile(relay, file)).json()) as { alreadyThere: number };
    const againMs = performance.now() - again;
    console.log(
      `${label}, upstream ${rate}/s: ${STORIES} stories, ${(file.length / 1024).toFixed(0)} KiB sealed in ${sealedMs.toFixed(0)} ms; ` +
        `import ${(importMs / 1000).toFixed(2)} s (${answer.sent} sent, ${answer.alreadyThere} already there, ${answer.refused} refused); ` +
        `again ${(againMs / 1000).toFixed(2)} s (${second.alreadyThere} already there)`,
    );
  } finally {
    await relay.close();
    await sandbox.close();
  }
}

const postgres = await startPostgres();
try {
  for (const rate of [5, 1000]) {
    await time('SQLite', sqliteUrl(), rate);
    await time('Postgres', { kind: 'postgres', url: await postgres.createDatabase() }, rate);
  }
} finally {
  await postgres.stop();
}
