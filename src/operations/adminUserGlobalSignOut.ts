import { getPool } from "../domain/pools/pools.js";
import { signOutEverywhere } from "../domain/tokens/signOut.js";
import { requireUser } from "../domain/users/userLookup.js";
import { UsernameType, UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { required, struct } from "./shape.js";

export const AdminUserGlobalSignOut = defineOperation(
  "AdminUserGlobalSignOut",
  struct({ UserPoolId: required(UserPoolIdType), Username: required(UsernameType) }),
  async (ctx, { UserPoolId, Username }) => {
    await signOutEverywhere(ctx, await requireUser(ctx, await getPool(ctx, UserPoolId), Username));
    return {};
  },
);
