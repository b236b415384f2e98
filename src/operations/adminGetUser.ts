import { mfaReport } from "../domain/mfa/userMfa.js";
import { getPool } from "../domain/pools/pools.js";
import { attributeList } from "../domain/users/user.js";
import { requireUser } from "../domain/users/userLookup.js";
import { UsernameType, UserPoolIdType } from "./modelTypes.js";
import { defineOperation, epochSeconds } from "./operation.js";
import { required, struct } from "./shape.js";

export const AdminGetUser = defineOperation(
  "AdminGetUser",
  struct({ UserPoolId: required(UserPoolIdType), Username: required(UsernameType) }),
  async (ctx, { UserPoolId, Username }) => {
    const user = await requireUser(ctx, await getPool(ctx, UserPoolId), Username);
    return {
      Username: user.username,
      UserAttributes: attributeList(user),
      UserCreateDate: epochSeconds(user.createdAt),
      UserLastModifiedDate: epochSeconds(user.modifiedAt),
      Enabled: user.enabled,
      UserStatus: user.status,
      ...mfaReport(user),
    };
  },
);
