import { InvalidParameterException, SerializationException } from "../errors.js";

/**
 * A tiny schema language for request shapes of the Cognito API model.
 *
 * Parsing distinguishes the two failures AWS JSON services report:
 * - a JSON value of the wrong type → SerializationException (thrown at once);
 * - a value that breaks a model constraint (required, length, pattern, enum,
 *   range) or holds U+0000 → collected, then one InvalidParameterException in AWS's
 *   "N validation errors detected: …" form (reference §1.5). Values of
 *   `sensitive` members are never echoed.
 */
export interface Shape<T> {
  parse(value: unknown, path: string, issues: Issues): T;
  /**
   * What a missing required member is read as. Cognito's front end reads a
   * missing integer as 0 and reports the range it breaks ("Value '0' at
   * 'maxResults' …", research notes) rather than "must not be null".
   */
  readonly whenMissing?: unknown;
}

export type Infer<S> = S extends Shape<infer T> ? T : never;

/**
 * AWS's "N validation errors detected" messages list only some violations.
 * This server stops looking after MAX_ISSUES: a 1 MiB body can hold hundreds
 * of thousands, and finding and describing them all once cost seconds and a
 * 36 MB answer. A request with more is answered as one with MAX_ISSUES.
 */
const MAX_ISSUES = 10;

/** The violations found in a request so far; the shapes stop walking once it is `full`. */
export class Issues {
  readonly found: string[] = [];

  add(message: string): void {
    if (!this.full) this.found.push(message);
  }

  get full(): boolean {
    return this.found.length >= MAX_ISSUES;
  }
}

interface StringRules {
  min?: number;
  max?: number;
  /** The model's regular expression, as written in the model (Java syntax). */
  pattern?: string;
  /** The same language as `pattern`, written so that matching takes linear time (linearPatterns.ts); matched instead. */
  linearPattern?: string;
  sensitive?: boolean;
}

function typeError(path: string, expected: string): SerializationException {
  return new SerializationException(`Value at '${path}' must be ${expected}.`);
}

function valueLabel(value: unknown, path: string, sensitive: boolean | undefined): string {
  return sensitive ? `Value at '${path}'` : `Value '${String(value)}' at '${path}'`;
}

const compiled = new Map<string, RegExp>();
/** Compiles a model (Java) pattern so that it must match the whole value, as the model means. */
export function modelPattern(pattern: string): RegExp {
  let re = compiled.get(pattern);
  if (re === undefined) {
    const dotAll = pattern.startsWith("(?s)");
    const body = dotAll ? pattern.slice(4) : pattern;
    re = new RegExp(`^(?:${body})$`, dotAll ? "su" : "u");
    compiled.set(pattern, re);
  }
  return re;
}

const NO_NUL = "Member must not contain U+0000";

/** Length in code points, as the model's Java implementation counts, without copying the string. */
function codePoints(value: string): number {
  let surrogatePairs = 0;
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    const next = value.charCodeAt(i + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      surrogatePairs++;
      i++;
    }
  }
  return value.length - surrogatePairs;
}

export function string(rules: StringRules = {}): Shape<string> {
  const matchWith = rules.linearPattern ?? rules.pattern;
  const re = matchWith === undefined ? undefined : modelPattern(matchWith);
  return {
    parse(value, path, issues) {
      if (typeof value !== "string") throw typeError(path, "a string");
      const label = () => valueLabel(value, path, rules.sensitive);
      const length = codePoints(value);
      if (rules.min !== undefined && length < rules.min) {
        issues.add(`${label()} failed to satisfy constraint: Member must have length greater than or equal to ${rules.min}`);
      }
      // A value over the maximum is refused without matching: the length bounds what matching costs.
      if (rules.max !== undefined && length > rules.max) {
        issues.add(`${label()} failed to satisfy constraint: Member must have length less than or equal to ${rules.max}`);
        return value;
      }
      // U+0000 has no use in any member, and PostgreSQL cannot store or compare it in text: refused
      // here, the same on every engine, instead of failing in the store.
      if (value.includes("\u0000")) {
        issues.add(`${label()} failed to satisfy constraint: ${NO_NUL}`);
        return value;
      }
      if (re !== undefined && rules.pattern !== undefined && !re.test(value)) {
        issues.add(`${label()} failed to satisfy constraint: Member must satisfy regular expression pattern: ${rules.pattern}`);
      }
      return value;
    },
  };
}

export function enumOf<const V extends string>(values: readonly V[]): Shape<V> {
  const allowed = new Set<string>(values);
  return {
    parse(value, path, issues) {
      if (typeof value !== "string") throw typeError(path, "a string");
      if (!allowed.has(value)) {
        issues.add(
          `Value '${value}' at '${path}' failed to satisfy constraint: Member must satisfy enum value set: [${values.join(", ")}]`,
        );
      }
      return value as V;
    },
  };
}

export function integer(rules: { min?: number; max?: number } = {}): Shape<number> {
  return {
    whenMissing: 0,
    parse(value, path, issues) {
      if (typeof value !== "number" || !Number.isInteger(value)) throw typeError(path, "an integer");
      if (rules.min !== undefined && value < rules.min) {
        issues.add(
          `Value '${value}' at '${path}' failed to satisfy constraint: Member must have value greater than or equal to ${rules.min}`,
        );
      }
      if (rules.max !== undefined && value > rules.max) {
        issues.add(
          `Value '${value}' at '${path}' failed to satisfy constraint: Member must have value less than or equal to ${rules.max}`,
        );
      }
      return value;
    },
  };
}

export function boolean(): Shape<boolean> {
  return {
    parse(value, path) {
      if (typeof value !== "boolean") throw typeError(path, "a boolean");
      return value;
    },
  };
}

export function list<T>(item: Shape<T>, rules: { min?: number; max?: number } = {}): Shape<T[]> {
  return {
    parse(value, path, issues) {
      if (!Array.isArray(value)) throw typeError(path, "a list");
      if (rules.min !== undefined && value.length < rules.min) {
        issues.add(
          `Value at '${path}' failed to satisfy constraint: Member must have length greater than or equal to ${rules.min}`,
        );
      }
      if (rules.max !== undefined && value.length > rules.max) {
        issues.add(`Value at '${path}' failed to satisfy constraint: Member must have length less than or equal to ${rules.max}`);
        // The request is refused already; its members, however many, are not looked at.
        return value as T[];
      }
      const out: T[] = [];
      for (let i = 0; i < value.length && !issues.full; i++) {
        const element: unknown = value[i];
        const elementPath = `${path}.${i + 1}.member`;
        if (element === null || element === undefined) {
          issues.add(`Value null at '${elementPath}' failed to satisfy constraint: Member must not be null`);
          continue;
        }
        out.push(item.parse(element, elementPath, issues));
      }
      return out;
    },
  };
}

export function map<V>(valueShape: Shape<V>): Shape<Record<string, V>> {
  return {
    parse(value, path, issues) {
      if (!isPlainObject(value)) throw typeError(path, "a map");
      const out: Record<string, V> = {};
      for (const [key, element] of Object.entries(value)) {
        if (issues.full) break;
        if (key.includes("\u0000")) {
          issues.add(`Value at '${path}' failed to satisfy constraint: Map keys must satisfy constraint: [${NO_NUL}]`);
          continue;
        }
        out[key] = valueShape.parse(element, `${path}.${key}`, issues);
      }
      return out;
    },
  };
}

/**
 * A map whose keys have their own constraints. AWS reports a bad key as
 * "Value '{…}' at 'tags' failed to satisfy constraint: Map keys must satisfy
 * constraint: [Member must …]" (the AWS JSON validation message form).
 */
export function mapWithKeys<V>(keyShape: Shape<string>, valueShape: Shape<V>): Shape<Record<string, V>> {
  const values = map(valueShape);
  return {
    parse(value, path, issues) {
      const out = values.parse(value, path, issues);
      for (const key of Object.keys(out)) {
        if (issues.full) break;
        const keyIssues = new Issues();
        keyShape.parse(key, path, keyIssues);
        for (const issue of keyIssues.found) {
          const rule = issue.slice(issue.indexOf("failed to satisfy constraint: ") + "failed to satisfy constraint: ".length);
          issues.add(`Value '{${key}}' at '${path}' failed to satisfy constraint: Map keys must satisfy constraint: [${rule}]`);
        }
      }
      return out;
    },
  };
}

/** A JSON document member (the model's `document` type): any JSON value, kept as sent. */
export function document(): Shape<unknown> {
  return { parse: (value) => value };
}

export interface Field<T, R extends boolean> {
  readonly shape: Shape<T>;
  readonly required: R;
}

export function required<T>(shape: Shape<T>): Field<T, true> {
  return { shape, required: true };
}

type Fields = Record<string, Shape<unknown> | Field<unknown, boolean>>;
type FieldType<F> = F extends Field<infer T, boolean> ? T : F extends Shape<infer T> ? T : never;
type RequiredKeys<F extends Fields> = {
  [K in keyof F]: F[K] extends Field<unknown, true> ? K : never;
}[keyof F];
type OptionalKeys<F extends Fields> = Exclude<keyof F, RequiredKeys<F>>;
export type StructOf<F extends Fields> = {
  [K in RequiredKeys<F>]: FieldType<F[K]>;
} & {
  [K in OptionalKeys<F>]?: FieldType<F[K]>;
} extends infer O
  ? { [K in keyof O]: O[K] }
  : never;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Model member names appear in messages in lowerCamelCase (reference §1.5). */
function memberPath(parent: string, member: string): string {
  const camel = member.charAt(0).toLowerCase() + member.slice(1);
  return parent === "" ? camel : `${parent}.${camel}`;
}

export function struct<F extends Fields>(fields: F): Shape<StructOf<F>> {
  const entries = Object.entries(fields).map(([name, def]) => {
    const field = "shape" in def ? def : { shape: def, required: false };
    return [name, field] as const;
  });
  return {
    parse(value, path, issues) {
      if (!isPlainObject(value)) throw typeError(path === "" ? "request body" : path, "a structure");
      const out: Record<string, unknown> = {};
      for (const [name, field] of entries) {
        if (issues.full) break;
        const raw = value[name];
        const childPath = memberPath(path, name);
        // JSON null is treated as absent, as the AWS SDKs never send it.
        if (raw === undefined || raw === null) {
          if (!field.required) continue;
          if (field.shape.whenMissing === undefined) {
            issues.add(`Value null at '${childPath}' failed to satisfy constraint: Member must not be null`);
            continue;
          }
          out[name] = field.shape.parse(field.shape.whenMissing, childPath, issues);
          continue;
        }
        out[name] = field.shape.parse(raw, childPath, issues);
      }
      return out as StructOf<F>;
    },
  };
}

/** Parses a request body against its shape, throwing the AWS error a client mistake deserves. */
export function parseInput<T>(shape: Shape<T>, body: unknown): T {
  const issues = new Issues();
  const value = shape.parse(body, "", issues);
  const { found } = issues;
  if (found.length > 0) {
    const count = found.length === 1 ? "1 validation error detected" : `${found.length} validation errors detected`;
    throw new InvalidParameterException(`${count}: ${found.join("; ")}`);
  }
  return value;
}
