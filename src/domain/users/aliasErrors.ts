import { AliasExistsException, UsernameExistsException } from "../../errors.js";
import type { AliasColumn } from "../../store/records.js";
import { UniqueViolation } from "../../store/store.js";
import type { Pool } from "../pools/pools.js";
import { ALIAS_ATTRIBUTE } from "./userKeys.js";

/** The error for an alias value another user holds. In UsernameAttributes pools the value is a sign-in name. */
export function aliasTaken(pool: Pool, column: AliasColumn): Error {
  const attribute = ALIAS_ATTRIBUTE[column];
  if (column !== "aliasPreferredUsername" && pool.settings.UsernameAttributes?.includes(attribute as "email" | "phone_number")) {
    return new UsernameExistsException(`An account with the given ${attribute} already exists.`);
  }
  return new AliasExistsException(`An account with the ${attribute} already exists.`);
}

function isAliasColumn(key: string): key is AliasColumn {
  return Object.hasOwn(ALIAS_ATTRIBUTE, key);
}

/**
 * What a failed user write answers: the unique index on an alias column is
 * what keeps alias values unique (reference §2.4), so its violation is
 * aliasTaken's error; any other error is returned as it is.
 */
export function aliasClash(pool: Pool, error: unknown): unknown {
  return error instanceof UniqueViolation && isAliasColumn(error.key) ? aliasTaken(pool, error.key) : error;
}
