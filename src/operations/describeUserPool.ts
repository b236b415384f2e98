import { domainOfPool } from "../domain/hostedUi/domains.js";
import { countUsers, getPool } from "../domain/pools/pools.js";
import { UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { userPoolType } from "./poolOutput.js";
import { required, struct } from "./shape.js";

export const DescribeUserPool = defineOperation(
  "DescribeUserPool",
  struct({ UserPoolId: required(UserPoolIdType) }),
  async (ctx, { UserPoolId }) => {
    const pool = await getPool(ctx, UserPoolId);
    // A prefix domain shows as Domain, a custom one as CustomDomain (UserPoolType of the model).
    const domain = await domainOfPool(ctx, pool.id);
    const domainMember =
      domain === undefined
        ? {}
        : domain.customDomainConfig === undefined
          ? { Domain: domain.domain }
          : { CustomDomain: domain.domain };
    return {
      UserPool: { ...userPoolType(ctx, pool, await countUsers(ctx, UserPoolId)), ...domainMember },
    };
  },
);
