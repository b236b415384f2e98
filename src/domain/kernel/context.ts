import type { Store } from "../../store/store.js";
import type { MessageSender } from "./messageSender.js";
import type { PasswordHasher } from "./passwordHasher.js";
import type { Clock, Random } from "./runtime.js";
import type { Sealer } from "./sealer.js";

/** Where the domain tells the operator of an event worth knowing; never secrets, passwords or codes. */
export interface EventLog {
  info(fields: Record<string, string | number>, message: string): void;
}

/** Everything the domain needs from outside, passed in so tests can replace any of it. */
export interface DomainContext {
  store: Store;
  clock: Clock;
  random: Random;
  sealer: Sealer;
  hasher: PasswordHasher;
  sender: MessageSender;
  /** The server's logger. */
  log: EventLog;
  /** The AWS region this server answers as (pool ids and ARNs carry it). */
  region: string;
  /** The 12-digit account id in ARNs. */
  accountId: string;
  /**
   * The public base URL tokens name as their issuer (`iss` = this + "/" +
   * pool id) and that serves the JWKS; the server's own URL unless configured.
   */
  publicUrl: string;
}

/** The same context over another store, e.g. the one a transaction hands out. */
export function withStore(ctx: DomainContext, store: Store): DomainContext {
  return { ...ctx, store };
}
