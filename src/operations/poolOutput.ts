import type { DomainContext } from "../domain/kernel/context.js";
import { type Pool, poolArn } from "../domain/pools/pools.js";
import { epochSeconds } from "./operation.js";

/** UserPoolType, as CreateUserPool and DescribeUserPool return it. */
export function userPoolType(ctx: DomainContext, pool: Pool, estimatedNumberOfUsers: number) {
  // MfaFactors is not a UserPoolType member: GetUserPoolMfaConfig shows it.
  const { SchemaAttributes, MfaFactors: _factors, ...settings } = pool.settings;
  return {
    Id: pool.id,
    Name: pool.name,
    ...settings,
    SchemaAttributes,
    LastModifiedDate: epochSeconds(pool.modifiedAt),
    CreationDate: epochSeconds(pool.createdAt),
    EstimatedNumberOfUsers: estimatedNumberOfUsers,
    Arn: poolArn(ctx, pool.id),
  };
}
