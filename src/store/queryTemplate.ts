import type { Compilable, CompiledQuery } from "kysely";

const MARKER = "\u0000userpool-param:";

/** The placeholder for argument `i` of a template; see QueryTemplate. */
export function param(i: number): string {
  return `${MARKER}${i}`;
}

/** A placeholder for a numeric argument (user ids, limits); the template binds a number there at run time. */
export const numberParam = (i: number) => param(i) as unknown as number;

/**
 * A query built and compiled once, then run with fresh arguments. On the
 * hot lookups (a user by name, a pool, a client) kysely's builder and
 * compiler cost more than the keyed SQLite lookup itself, so those queries
 * are written as templates: build them with `param(i)` where argument i goes.
 */
export class QueryTemplate<R> {
  private compiled: CompiledQuery<R> | undefined;
  private slots: number[] = [];

  constructor(private readonly build: () => Compilable<R>) {}

  bind(args: readonly unknown[]): CompiledQuery<R> {
    if (this.compiled === undefined) {
      const compiled = this.build().compile();
      this.slots = compiled.parameters.map((p) => {
        if (typeof p !== "string" || !p.startsWith(MARKER)) throw new Error(`query template has a fixed parameter: ${String(p)}`);
        return Number(p.slice(MARKER.length));
      });
      this.compiled = compiled;
    }
    return { ...this.compiled, parameters: this.slots.map((slot) => args[slot]) };
  }
}
