// The fleet (issue 26): what each iPad last said it holds — numbers only, kept per device — and the
// one place the relay decides which devices need a look: stories waiting more than 3 days, or a
// device not seen for 7. The admin list, its order and the metrics all read these rules.
import type { RelayDb } from './db/database.ts';
import type { DeviceRow, Devices } from './devices.ts';
import type { DeviceStatus } from './shared.ts';

const DAY = 24 * 60 * 60 * 1000;
/** A story waiting longer than this on an iPad is at risk. */
export const STALE_WAITING_MS = 3 * DAY;
/** A device not heard from for this long may be in a drawer, or broken. */
export const UNSEEN_MS = 7 * DAY;

/** Why a device is at risk, as codes the admin page words. */
export type Warning = 'stories-waiting-over-3-days' | 'not-seen-for-7-days';

/** The last report as the admin list shows it (the body's own names), and when it came. */
export type Reported = DeviceStatus & { reportedAt: string };

/** What the fleet rules need of a device. */
export type FleetDevice = {
  name: string;
  enrolledAt: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
  report: Reported | null;
};

/**
 * The warnings for one device at `now`. A revoked device is expected to go quiet, so only its
 * stories still waiting warn (they are stuck there until a sealed file carries them out).
 */
export function warningsOf(device: FleetDevice, now: number): Warning[] {
  const warnings: Warning[] = [];
  const report = device.report;
  const oldest = report?.oldestWaitingAt ? Date.parse(report.oldestWaitingAt) : Number.NaN;
  if (report && report.waiting > 0 && now - oldest > STALE_WAITING_MS)
    warnings.push('stories-waiting-over-3-days');
  const seen = Date.parse(device.lastSeenAt ?? device.enrolledAt);
  if (!device.revokedAt && now - seen > UNSEEN_MS) warnings.push('not-seen-for-7-days');
  return warnings;
}

/**
 * Riskiest first: stories waiting over 3 days, then not seen for 7, then more stories held
 * (waiting and needing attention), then the oldest waiting story, then the longest unseen, then by name.
 */
export function byRisk<T extends FleetDevice>(devices: T[], now: number): T[] {
  const key = (d: T) => {
    const w = warningsOf(d, now);
    return {
      stale: w.includes('stories-waiting-over-3-days') ? 1 : 0,
      unseen: w.includes('not-seen-for-7-days') ? 1 : 0,
      held: (d.report?.waiting ?? 0) + (d.report?.needsAttention ?? 0),
      oldest: d.report?.oldestWaitingAt ? Date.parse(d.report.oldestWaitingAt) : Number.POSITIVE_INFINITY,
      seen: Date.parse(d.lastSeenAt ?? d.enrolledAt),
    };
  };
  const keyed = devices.map((device) => ({ device, k: key(device) }));
  keyed.sort(
    (a, b) =>
      b.k.stale - a.k.stale ||
      b.k.unseen - a.k.unseen ||
      b.k.held - a.k.held ||
      a.k.oldest - b.k.oldest ||
      a.k.seen - b.k.seen ||
      a.device.name.localeCompare(b.device.name),
  );
  return keyed.map(({ device }) => device);
}

export function createFleet({ db }: RelayDb, now: () => number) {
  return {
    /** Keeps the latest report per device (insert or replace, one statement on both databases). */
    async report(deviceId: string, status: DeviceStatus): Promise<void> {
      const row = {
        reported_at: now(),
        waiting: status.waiting,
        needs_attention: status.needsAttention,
        ready_to_post: status.readyToPost,
        drafts: status.drafts,
        oldest_waiting_at: status.oldestWaitingAt,
        app_version: status.appVersion,
        storage_persisted: status.storage.persisted ? 1 : 0,
        used_bytes: status.storage.usedBytes,
        quota_bytes: status.storage.quotaBytes,
      };
      await db
        .insertInto('device_status')
        .values({ device_id: deviceId, ...row })
        .onConflict((oc) => oc.column('device_id').doUpdateSet(row))
        .execute();
    },

    /** Every device's last report, by device id. */
    async reports(): Promise<Map<string, Reported>> {
      const rows = await db.selectFrom('device_status').selectAll().execute();
      return new Map(
        rows.map((row) => [
          row.device_id,
          {
            waiting: Number(row.waiting),
            needsAttention: Number(row.needs_attention),
            readyToPost: Number(row.ready_to_post),
            drafts: Number(row.drafts),
            oldestWaitingAt: row.oldest_waiting_at,
            appVersion: row.app_version,
            storage: {
              persisted: Number(row.storage_persisted) === 1,
              usedBytes: Number(row.used_bytes),
              quotaBytes: Number(row.quota_bytes),
            },
            reportedAt: new Date(Number(row.reported_at)).toISOString(),
          },
        ]),
      );
    },
  };
}

export type Fleet = ReturnType<typeof createFleet>;

/** The admin list's device: its row, its last report's fields (null when it never reported), warnings. */
export type FleetRow = DeviceRow & {
  [K in keyof DeviceStatus]: DeviceStatus[K] | null;
} & { reportedAt: string | null; warnings: Warning[] };

const NEVER_REPORTED = {
  waiting: null,
  needsAttention: null,
  readyToPost: null,
  drafts: null,
  oldestWaitingAt: null,
  appVersion: null,
  storage: null,
  reportedAt: null,
};

/** GET /admin/api/devices: every device with its last report and warnings, riskiest first. */
export async function listFleet(
  devices: Pick<Devices, 'list'>,
  fleet: Fleet,
  now: number,
): Promise<FleetRow[]> {
  const [rows, reports] = await Promise.all([devices.list(), fleet.reports()]);
  const withReports = rows.map((row) => ({ ...row, report: reports.get(row.deviceId) ?? null }));
  return byRisk(withReports, now).map(({ report, ...row }) => ({
    ...row,
    ...(report ?? NEVER_REPORTED),
    warnings: warningsOf({ ...row, report }, now),
  }));
}

/** The fleet's figures for /metrics: stories waiting, devices with stale stories, devices per app version. */
export function summarise(rows: FleetRow[]): {
  waiting: number;
  staleDevices: number;
  versions: Map<string, number>;
} {
  const versions = new Map<string, number>();
  for (const row of rows)
    if (row.appVersion) versions.set(row.appVersion, (versions.get(row.appVersion) ?? 0) + 1);
  return {
    waiting: rows.reduce((sum, row) => sum + (row.waiting ?? 0), 0),
    staleDevices: rows.filter((row) => row.warnings.includes('stories-waiting-over-3-days')).length,
    versions,
  };
}
