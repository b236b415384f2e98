import { adminDeleteSoftwareToken } from "../domain/mfa/adminMfa.js";
import { UsernameType, UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { required, struct } from "./shape.js";

export const AdminDeleteSoftwareToken = defineOperation(
  "AdminDeleteSoftwareToken",
  struct({ UserPoolId: required(UserPoolIdType), Username: required(UsernameType) }),
  async (ctx, { UserPoolId, Username }) => {
    await adminDeleteSoftwareToken(ctx, UserPoolId, Username);
    return {};
  },
);
