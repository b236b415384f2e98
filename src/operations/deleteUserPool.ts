import { deletePool } from "../domain/pools/pools.js";
import { forgetSigningKeys } from "../domain/tokens/signingKeys.js";
import { UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { required, struct } from "./shape.js";

export const DeleteUserPool = defineOperation(
  "DeleteUserPool",
  struct({ UserPoolId: required(UserPoolIdType) }),
  async (ctx, { UserPoolId }) => {
    await deletePool(ctx, UserPoolId);
    forgetSigningKeys(ctx, UserPoolId);
    return {};
  },
);
