import type { DomainContext } from "../domain/kernel/context.js";
import { parseInput, type Shape } from "./shape.js";

/**
 * One API operation: its request shape (constraints from the model) and what
 * it does with a valid request. The protocol layer decides whether a caller
 * may invoke it; the operation never sees HTTP.
 */
export interface Operation {
  readonly name: string;
  /** Validates the decoded JSON body against the request shape, then runs. */
  invoke(ctx: DomainContext, body: unknown): Promise<object>;
}

export function defineOperation<I>(
  name: string,
  input: Shape<I>,
  run: (ctx: DomainContext, input: I) => Promise<object>,
): Operation {
  return { name, invoke: (ctx, body) => run(ctx, parseInput(input, body)) };
}

/** Epoch milliseconds as the AWS JSON protocol writes timestamps: epoch seconds (reference §1.2). */
export function epochSeconds(ms: number): number {
  return ms / 1000;
}
