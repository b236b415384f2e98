type Simplify<T> = { [K in keyof T]: T[K] };

/** T with every member that may be undefined turned into an optional member without undefined. */
export type Compact<T> = Simplify<
  { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & {
    [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
  }
>;

/**
 * Drops members whose value is undefined. AWS responses omit members that
 * have no value rather than sending null (reference §1.2), and optional
 * members are absent, never undefined, throughout this code base.
 */
export function compact<T extends object>(value: T): Compact<T> {
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    if (member !== undefined) out[key] = member;
  }
  return out as Compact<T>;
}
