import { InvalidParameterException } from "../../errors.js";
import type { DomainContext } from "../kernel/context.js";
import { getPool } from "./pools.js";

const KIND = "log-delivery";

export interface LogConfiguration {
  LogLevel: "ERROR" | "INFO";
  EventSource: "userNotification" | "userAuthEvents";
  CloudWatchLogsConfiguration?: { LogGroupArn?: string };
  S3Configuration?: { BucketArn?: string };
  FirehoseConfiguration?: { StreamArn?: string };
}

/**
 * SetLogDeliveryConfiguration: stored and returned; nothing is delivered
 * (README). Each configuration names one destination, and an event source
 * appears once (message guessed, research-pool-surface.md). The call
 * replaces the pool's configurations.
 */
export async function setLogDelivery(
  ctx: DomainContext,
  poolId: string,
  configurations: LogConfiguration[],
): Promise<LogConfiguration[]> {
  const pool = await getPool(ctx, poolId);
  const sources = new Set(configurations.map((c) => c.EventSource));
  if (sources.size !== configurations.length) {
    throw new InvalidParameterException("Only one log configuration per event source is allowed.");
  }
  for (const c of configurations) {
    const destinations = [c.CloudWatchLogsConfiguration, c.S3Configuration, c.FirehoseConfiguration].filter(
      (d) => d !== undefined,
    );
    if (destinations.length !== 1) {
      throw new InvalidParameterException("A log configuration must have exactly one destination.");
    }
  }
  const now = ctx.clock.now();
  await ctx.store.poolResources.put({
    poolId: pool.id,
    kind: KIND,
    name: "",
    body: configurations,
    createdAt: now,
    modifiedAt: now,
  });
  return configurations;
}

/** GetLogDeliveryConfiguration: a pool never configured answers no configurations. */
export async function getLogDelivery(ctx: DomainContext, poolId: string): Promise<LogConfiguration[]> {
  const pool = await getPool(ctx, poolId);
  const row = await ctx.store.poolResources.get(pool.id, KIND, "");
  return row === undefined ? [] : (row.body as LogConfiguration[]);
}
