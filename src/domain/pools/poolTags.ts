import { InvalidParameterException, ResourceNotFoundException } from "../../errors.js";
import type { DomainContext } from "../kernel/context.js";
import { getPool, type Pool, poolArn, savePool } from "./pools.js";

/** AWS tagging: at most 50 tags on a resource (Cognito's tagging docs: "up to 50 tags per user pool"). */
export const MAX_TAGS = 50;

/**
 * The pool a user pool ARN names. Tags are kept in the pool's UserPoolTags,
 * so TagResource, UntagResource, ListTagsForResource and
 * Create/Update/DescribeUserPool see the same tags. Messages guessed
 * (research-pool-surface.md).
 */
async function poolOfArn(ctx: DomainContext, arn: string): Promise<Pool> {
  const match = /^arn:aws:cognito-idp:([^:]+):(\d{12}):userpool\/([\w-]+_[0-9a-zA-Z]+)$/.exec(arn);
  if (match === null) throw new InvalidParameterException(`Invalid resource ARN: ${arn}`);
  const [, , , poolId = ""] = match;
  if (poolArn(ctx, poolId) !== arn) throw new ResourceNotFoundException(`User pool ${poolId} does not exist.`);
  return getPool(ctx, poolId);
}

export async function tagsOf(ctx: DomainContext, arn: string): Promise<Record<string, string>> {
  return (await poolOfArn(ctx, arn)).settings.UserPoolTags ?? {};
}

/** TagResource: adds tags, replacing the values of keys the pool has. */
export async function tagPool(ctx: DomainContext, arn: string, tags: Record<string, string>): Promise<void> {
  const pool = await poolOfArn(ctx, arn);
  const merged = { ...(pool.settings.UserPoolTags ?? {}), ...tags };
  if (Object.keys(merged).length > MAX_TAGS) {
    throw new InvalidParameterException(`A user pool can have at most ${MAX_TAGS} tags.`);
  }
  await savePool(ctx, { ...pool, settings: { ...pool.settings, UserPoolTags: merged } });
}

/** UntagResource: removes the keys named; a key the pool lacks is no error. */
export async function untagPool(ctx: DomainContext, arn: string, keys: readonly string[]): Promise<void> {
  const pool = await poolOfArn(ctx, arn);
  const remaining = { ...(pool.settings.UserPoolTags ?? {}) };
  for (const key of keys) delete remaining[key];
  await savePool(ctx, { ...pool, settings: { ...pool.settings, UserPoolTags: remaining } });
}
