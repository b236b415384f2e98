import type { UserRecord } from "../../store/records.js";

/** Reference §2.1. ARCHIVED, COMPROMISED and UNKNOWN are never emitted. */
export type UserStatus = "UNCONFIRMED" | "CONFIRMED" | "FORCE_CHANGE_PASSWORD" | "RESET_REQUIRED" | "EXTERNAL_PROVIDER";

export type User = Omit<UserRecord, "status"> & { status: UserStatus };

/** The store keeps statuses as the domain wrote them. */
export function userFromRecord(record: UserRecord): User {
  return record as User;
}

/** A user's attributes in Cognito's list form: `sub` first, then the stored ones. */
export function attributeList(user: User, only?: ReadonlySet<string>): { Name: string; Value: string }[] {
  const out: { Name: string; Value: string }[] = [];
  if (only === undefined || only.has("sub")) out.push({ Name: "sub", Value: user.sub });
  for (const [Name, Value] of Object.entries(user.attributes)) {
    if (only === undefined || only.has(Name)) out.push({ Name, Value });
  }
  return out;
}
