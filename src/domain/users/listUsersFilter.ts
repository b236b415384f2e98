import { InvalidParameterException } from "../../errors.js";
import type { SearchColumn, UserQuery } from "../../store/records.js";
import type { PoolSettings } from "../pools/poolSettings.js";
import type { UserStatus } from "./user.js";
import { foldCase } from "./userKeys.js";

/**
 * The ListUsers `Filter` (reference §6): `AttributeName Operator "Value"`,
 * one attribute per filter, no `and`/`or`. Parsing is split in two pure
 * steps so each can be tested alone: the syntax (parseFilterExpression),
 * then what the attribute means in the store (toUserFilter).
 */

export type FilterOperator = "=" | "^=";

/** A filter as written, with the value unescaped. */
export interface FilterExpression {
  attribute: string;
  operator: FilterOperator;
  value: string;
}

/** A filter in store terms, as UserQuery takes it. */
export type UserFilter = NonNullable<UserQuery["filter"]>;

/** Research notes (pools-clients-errors §6, user-lifecycle §8; H): the real service's text, trailing period included. */
export const FILTER_PARSE_ERROR = "Error while parsing filter.";

function parseError(): InvalidParameterException {
  return new InvalidParameterException(FILTER_PARSE_ERROR);
}

/**
 * Whitespace around the name, the operator and the value is optional here:
 * the docs' grammar puts one space on each side of the operator, but whether
 * Cognito insists on it is UNVERIFIED (reference §6), and refusing
 * `email="a"` would break callers for no benefit.
 */
function isSpace(c: string | undefined): boolean {
  return c !== undefined && /\s/u.test(c);
}

/**
 * Reads a filter's syntax. An empty or blank filter is "no filter"
 * (reference §6) and gives undefined; anything else that is not exactly one
 * expression is InvalidParameterException "Error while parsing filter.".
 *
 * Inside the double-quoted value, `\"` stands for `"` and `\\` for `\` (the
 * docs escape quotes with a backslash, reference §6). A backslash before any
 * other character stands for itself: the docs only ask for quotes to be
 * escaped, so a value such as `"C:\dir"` written without doubling the
 * backslash is read the way its author meant.
 */
export function parseFilterExpression(text: string): FilterExpression | undefined {
  const end = text.length;
  let i = 0;
  const skipSpace = () => {
    while (i < end && isSpace(text[i])) i++;
  };

  skipSpace();
  if (i === end) return undefined;

  const nameStart = i;
  while (i < end) {
    const c = text[i];
    if (isSpace(c) || c === "=" || c === "^" || c === '"') break;
    i++;
  }
  const attribute = text.slice(nameStart, i);
  if (attribute === "") throw parseError();

  skipSpace();
  let operator: FilterOperator;
  if (text.startsWith("^=", i)) {
    operator = "^=";
    i += 2;
  } else if (text[i] === "=") {
    operator = "=";
    i += 1;
  } else {
    throw parseError();
  }

  skipSpace();
  if (text[i] !== '"') throw parseError();
  i += 1;
  let value = "";
  for (;;) {
    if (i >= end) throw parseError();
    const c = text[i] as string;
    if (c === '"') {
      i += 1;
      break;
    }
    const next = text[i + 1];
    if (c === "\\" && (next === '"' || next === "\\")) {
      value += next;
      i += 2;
      continue;
    }
    value += c;
    i += 1;
  }

  skipSpace();
  if (i !== end) throw parseError();
  return { attribute, operator, value };
}

/** Writes a value as a filter's quoted value, escaping what parseFilterExpression unescapes. */
export function quoteFilterValue(value: string): string {
  return `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}

/**
 * Every UserStatus this server can store. A Record over the union makes the
 * compiler reject a status added to UserStatus but not here, so `^=` on
 * `cognito:user_status` can never miss one.
 */
const STORED_STATUSES: Record<UserStatus, true> = {
  UNCONFIRMED: true,
  CONFIRMED: true,
  FORCE_CHANGE_PASSWORD: true,
  RESET_REQUIRED: true,
  EXTERNAL_PROVIDER: true,
};
const USER_STATUSES = Object.keys(STORED_STATUSES) as UserStatus[];

/** `status` takes exactly these words, case-sensitively (reference §6); the store keeps the flag as 1/0. */
const ENABLED_FLAG: ReadonlyMap<string, string> = new Map([
  ["Enabled", "1"],
  ["Disabled", "0"],
]);

/**
 * Standard attributes whose search columns hold lower-cased copies, because
 * Cognito's searches on them are case-insensitive (reference §6; userKeys
 * writes the columns). A Map, not an object, so `__proto__` and the like are
 * simply unknown names.
 */
const LOWER_CASED_COLUMNS: ReadonlyMap<string, SearchColumn> = new Map<string, SearchColumn>([
  ["email", "email"],
  ["phone_number", "phone_number"],
  ["name", "name"],
  ["given_name", "given_name"],
  ["family_name", "family_name"],
  ["preferred_username", "preferred_username"],
  // Subs are stored as generated: lower-case hex.
  ["sub", "sub"],
]);

/**
 * For the two attributes with a closed set of values, `=` and `^=` become
 * the set of stored values they match. A value matching none gives an empty
 * "in": no users, not an error. No source shows Cognito refusing such a
 * value (reference §6 names no error for it), and the answer "nobody has
 * that status" is true.
 */
function closedSet(column: SearchColumn, operator: FilterOperator, value: string, candidates: readonly string[]): UserFilter {
  const matching = candidates.filter((candidate) => (operator === "=" ? candidate === value : candidate.startsWith(value)));
  if (operator === "=" && matching.length === 1) return { column, op: "equals", values: matching };
  return { column, op: "in", values: matching };
}

/**
 * What a parsed filter means in the store. Searchable attributes are those
 * of reference §6; any other (custom attributes, `address`, …) is
 * InvalidParameterException "Invalid search attribute: <name>" (the real text
 * is unconfirmed; this is moto's, research notes pools-clients-errors §6).
 */
function toUserFilter(settings: PoolSettings, expression: FilterExpression): UserFilter {
  const { attribute, operator, value } = expression;
  const op = operator === "=" ? "equals" : "prefix";
  if (attribute === "username") {
    // Usernames compare as the pool compares them: exactly, or case-folded in case-insensitive pools (reference §2.4, §6).
    return { column: "username_key", op, values: [foldCase(settings, value)] };
  }
  const lowerCased = LOWER_CASED_COLUMNS.get(attribute);
  if (lowerCased !== undefined) return { column: lowerCased, op, values: [value.toLowerCase()] };
  if (attribute === "cognito:user_status") {
    // Case-insensitive (reference §6); statuses are stored upper-case.
    return closedSet("status", operator, value.toUpperCase(), USER_STATUSES);
  }
  if (attribute === "status") {
    const words = [...ENABLED_FLAG.keys()];
    const matched = closedSet("enabled", operator, value, words);
    return { ...matched, values: matched.values.map((word) => ENABLED_FLAG.get(word) ?? "") };
  }
  throw new InvalidParameterException(`Invalid search attribute: ${attribute}`);
}

/** Parses a ListUsers Filter for a pool; undefined when there is no filter (absent, empty or blank). */
export function parseListUsersFilter(settings: PoolSettings, filter: string | undefined): UserFilter | undefined {
  if (filter === undefined) return undefined;
  const expression = parseFilterExpression(filter);
  return expression === undefined ? undefined : toUserFilter(settings, expression);
}

/** True for a filter no stored user can satisfy (an empty "in"); the store need not be asked. */
export function matchesNothing(filter: UserFilter | undefined): boolean {
  return filter?.op === "in" && filter.values.length === 0;
}
