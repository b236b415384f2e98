import type { AliasColumn, UserKeys } from "../../store/records.js";
import { isCaseSensitive, type PoolSettings } from "../pools/poolSettings.js";

/** Folds a username-like value the way the pool compares them (reference §2.4). */
export function foldCase(settings: PoolSettings, value: string): string {
  return isCaseSensitive(settings) ? value : value.toLowerCase();
}

/**
 * Case-insensitive pools lower-case usernames, preferred_username and email
 * in what they store and return (developer guide, "user pool case
 * sensitivity"; research notes). Case-sensitive pools keep values as given.
 */
export function foldAttributes(settings: PoolSettings, attributes: Record<string, string>): Record<string, string> {
  if (isCaseSensitive(settings)) return attributes;
  const out = { ...attributes };
  for (const name of ["email", "preferred_username"]) {
    const value = out[name];
    if (value !== undefined) out[name] = value.toLowerCase();
  }
  return out;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function looksLikeEmail(value: string): boolean {
  return value.includes("@");
}

export function looksLikePhoneNumber(value: string): boolean {
  return /^\+[0-9]+$/.test(value);
}

export function looksLikeSub(value: string): boolean {
  return UUID.test(value);
}

/**
 * Which alias columns a pool uses. With UsernameAttributes the email/phone
 * is the sign-in name and must be unique whether verified or not; with
 * AliasAttributes only a verified email/phone (and any preferred_username)
 * is an alias (reference §2.4).
 */
function aliasValue(settings: PoolSettings, attributes: Record<string, string>, name: "email" | "phone_number"): string | null {
  const value = attributes[name];
  if (value === undefined) return null;
  if (settings.UsernameAttributes?.includes(name)) return foldCase(settings, value);
  if (settings.AliasAttributes?.includes(name) && attributes[`${name}_verified`] === "true") return foldCase(settings, value);
  return null;
}

/**
 * The normalised keys a user row carries: search copies (ListUsers filters
 * are case-insensitive, reference §6) and alias columns (unique per pool).
 */
export function userKeys(settings: PoolSettings, attributes: Record<string, string>): UserKeys {
  const lower = (name: string) => attributes[name]?.toLowerCase() ?? null;
  const preferred = attributes.preferred_username;
  return {
    email: lower("email"),
    phoneNumber: lower("phone_number"),
    name: lower("name"),
    givenName: lower("given_name"),
    familyName: lower("family_name"),
    preferredUsername: lower("preferred_username"),
    aliasEmail: aliasValue(settings, attributes, "email"),
    aliasPhoneNumber: aliasValue(settings, attributes, "phone_number"),
    aliasPreferredUsername:
      preferred !== undefined && settings.AliasAttributes?.includes("preferred_username") ? foldCase(settings, preferred) : null,
  };
}

/** The alias columns a sign-in name could be found in, for this pool and this value. */
export function aliasColumnsFor(settings: PoolSettings, name: string): AliasColumn[] {
  const signIn = [...(settings.UsernameAttributes ?? []), ...(settings.AliasAttributes ?? [])];
  const columns: AliasColumn[] = [];
  if (signIn.includes("email") && looksLikeEmail(name)) columns.push("aliasEmail");
  if (signIn.includes("phone_number") && looksLikePhoneNumber(name)) columns.push("aliasPhoneNumber");
  if (signIn.includes("preferred_username")) columns.push("aliasPreferredUsername");
  return columns;
}

/** The attribute each alias column holds, to un-verify it when the alias moves to another user. */
export const ALIAS_ATTRIBUTE: Record<AliasColumn, string> = {
  aliasEmail: "email",
  aliasPhoneNumber: "phone_number",
  aliasPreferredUsername: "preferred_username",
};
