// The relay's tables as Kysely sees them. Times are epoch milliseconds (bigint in Postgres, read
// back as numbers). No table holds a story's text, username, email or postcode.

export type DevicesTable = {
  id: string;
  name: string;
  token_hash: string;
  enrolled_at: number;
  last_seen_at: number | null;
  revoked_at: number | null;
  /** The name the iPad sent when it connected (its own description), shown beside `name`. */
  description: string | null;
  /** The enrolment it connected with (audit trail). */
  enrolment_id: string | null;
};

export type EnrolmentsTable = {
  code_hash: string;
  /** Not the code: named in the audit trail when a device connects with it. */
  id: string | null;
  name: string | null;
  created_at: number;
  expires_at: number;
  used_at: number | null;
};

/** Wrong enrolment codes, by a hash of the address, kept for a minute. */
export type CodeAttemptsTable = { id: string; address_hash: string; at: number };

/** One row per Idempotency-Key: the claim while in flight (with a lease), then the answer. */
export type IdempotencyTable = {
  key: string;
  device_id: string;
  body_hash: string;
  state: 'in-flight' | 'done';
  owner: string | null;
  lease_until: number;
  status: number | null;
  answer: string | null;
  created_at: number;
  completed_at: number | null;
};

/** Every answer the relay gave a story post that reached upstream (or failed to): no content. */
export type DeliveriesTable = {
  id: string;
  at: number;
  device_id: string;
  idempotency_key: string;
  status: number;
  care_opinion_id: string | null;
};

export type ServicesTable = {
  nacs: string;
  /** The name lower-cased (Unicode-aware), for `name=` matching as upstream does. */
  name_key: string;
  type_key: string;
  added_at: number | null;
  /** The item exactly as upstream sent it (JSON). */
  item: string;
};

export type DirectoryStateTable = {
  id: number;
  version: string;
  count: number;
  updated_at: number | null;
  full_at: number | null;
  incremental_at: number | null;
  /** Why the last refresh failed (`upstream-key-refused`, `upstream-unavailable`), null after a success. */
  last_error: string | null;
};

/** Named leases shared by every instance (the directory refresh job). */
export type LeasesTable = { name: string; owner: string; until: number };

/**
 * The shared upstream rate: the earliest time the next request may leave (GCRA / token bucket),
 * and when the last one actually left (so a late timer cannot bunch two departures).
 */
export type RateSlotsTable = { name: string; next_at: number; last_sent_at: number };

/** A device's latest status report (issue 26): counts, the oldest waiting time as sent, no content. */
export type DeviceStatusTable = {
  device_id: string;
  reported_at: number;
  waiting: number;
  needs_attention: number;
  ready_to_post: number;
  drafts: number;
  oldest_waiting_at: string | null;
  app_version: string;
  /** 1 or 0 (SQLite has no boolean). */
  storage_persisted: number;
  used_bytes: number;
  quota_bytes: number;
};

/** The relay's export key (one row, name `current`): its private half sealed (exportKey.ts). */
export type ExportKeysTable = {
  name: string;
  kid: string;
  public_jwk: string;
  private_sealed: string;
  created_at: number;
};

export type Tables = {
  devices: DevicesTable;
  enrolments: EnrolmentsTable;
  code_attempts: CodeAttemptsTable;
  idempotency: IdempotencyTable;
  deliveries: DeliveriesTable;
  services: ServicesTable;
  directory_state: DirectoryStateTable;
  leases: LeasesTable;
  rate_slots: RateSlotsTable;
  device_status: DeviceStatusTable;
  export_keys: ExportKeysTable;
};
