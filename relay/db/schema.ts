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

/** The posting desk's key (one row, name `current`): `wrapped` exactly as the lead's browser sent it. */
export type DeskKeyTable = {
  name: string;
  kid: string;
  public_jwk: string;
  /** JSON: the private key wrapped with the lead's passphrase; the relay never opens it. */
  wrapped: string;
  created_at: number;
};

/**
 * A story sealed to the desk (issue 27), one per (device, Idempotency-Key). `sealed` is the
 * ciphertext while it waits, null once posted or withdrawn; `body_hash` a SHA-256 of `{ kid, sealed }`
 * (a ciphertext under a fresh key: nothing to guess), to tell a replay from a reused key.
 */
export type DeskStoriesTable = {
  id: string;
  device_id: string;
  idempotency_key: string;
  body_hash: string;
  kid: string;
  sealed: string | null;
  state: 'waiting' | 'posted' | 'withdrawn';
  received_at: number;
  story_number: string | null;
  posted_at: number | null;
  /** Who posted it: `admin-token` (the one shared admin secret; there are no named accounts). */
  posted_by: string | null;
  /** The address the admin request came from (per RELAY_TRUST_PROXY). */
  posted_from: string | null;
  withdrawn_at: number | null;
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
  desk_key: DeskKeyTable;
  desk_stories: DeskStoriesTable;
};
