import type { Generated } from "kysely";

/** Table shapes as Kysely sees them. Times are epoch milliseconds; booleans are 0/1 on both engines. */
export interface Database {
  settings: { key: string; value: string };
  admin_keys: {
    access_key_id: string;
    sealed_secret: string;
    description: string | null;
    created_at: number;
  };
  pools: {
    id: string;
    name: string;
    created_at: number;
    modified_at: number;
    settings: string;
  };
  clients: {
    id: string;
    pool_id: string;
    name: string;
    sealed_secret: string | null;
    created_at: number;
    modified_at: number;
    settings: string;
  };
  users: {
    id: Generated<number>;
    pool_id: string;
    username: string;
    username_key: string;
    sub: string;
    status: string;
    enabled: number;
    created_at: number;
    modified_at: number;
    attributes: string;
    password_hash: string | null;
    password_expires_at: number | null;
    srp_salt: string | null;
    srp_verifier: string | null;
    email: string | null;
    phone_number: string | null;
    name: string | null;
    given_name: string | null;
    family_name: string | null;
    preferred_username: string | null;
    alias_email: string | null;
    alias_phone_number: string | null;
    alias_preferred_username: string | null;
    version: number;
    mfa_enabled: string;
    mfa_preferred: string | null;
    totp_secret: string | null;
    totp_pending_secret: string | null;
    totp_device_name: string | null;
    totp_last_step: number | null;
  };
  codes: {
    id: Generated<number>;
    pool_id: string;
    user_id: number;
    purpose: string;
    code_hash: string;
    created_at: number;
    expires_at: number;
    failed_attempts: number;
    payload: string | null;
    superseded_hash: string | null;
  };
  signing_keys: {
    kid: string;
    pool_id: string;
    key_use: string;
    public_jwk: string;
    sealed_private_key: string;
    created_at: number;
    retired_at: number | null;
  };
  refresh_tokens: {
    id: string;
    pool_id: string;
    client_id: string;
    user_id: number;
    user_sub: string;
    secret_hash: string;
    auth_time: number;
    created_at: number;
    expires_at: number;
    revoked_at: number | null;
    /** The family's first token; null on that token itself (migration 010). */
    family_id: string | null;
    rotated_at: number | null;
  };
  auth_sessions: {
    id: string;
    pool_id: string;
    client_id: string;
    user_id: number;
    challenge: string;
    /** JSON { passed: string[], state: object } (migration 006). */
    progress: string;
    failed_attempts: number;
    created_at: number;
    expires_at: number;
  };
  sign_in_failures: {
    user_id: number;
    pool_id: string;
    failures: number;
    last_failure_at: number;
    locked_until: number | null;
  };
  /** Per-user quota counters (migration 008): `used` in the window that opened at `window_start`. */
  user_quotas: {
    user_id: number;
    quota: string;
    pool_id: string;
    window_start: number;
    used: number;
  };
  groups: {
    pool_id: string;
    name: string;
    description: string | null;
    role_arn: string | null;
    precedence: number | null;
    created_at: number;
    modified_at: number;
  };
  /** One row per (user, group); the username key is copied from the user (usernames never change) so a group lists its members in username order. */
  group_members: {
    user_id: number;
    group_name: string;
    pool_id: string;
    username_key: string;
  };
  /** A pool's configuration objects read and written whole (migration 009): body is JSON. */
  pool_resources: {
    pool_id: string;
    kind: string;
    name: string;
    body: string;
    created_at: number;
    modified_at: number;
  };
  outbox: {
    id: Generated<number>;
    pool_id: string;
    created_at: number;
    username: string;
    delivery_medium: string;
    destination: string;
    subject: string | null;
    body: string;
    reason: string;
  };
}
