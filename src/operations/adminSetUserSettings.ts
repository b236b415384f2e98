import { adminSetUserSettings } from "../domain/mfa/adminMfa.js";
import { MFAOptionListType, UsernameType, UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { required, struct } from "./shape.js";

export const AdminSetUserSettings = defineOperation(
  "AdminSetUserSettings",
  struct({ UserPoolId: required(UserPoolIdType), Username: required(UsernameType), MFAOptions: required(MFAOptionListType) }),
  async (ctx, { UserPoolId, Username, MFAOptions }) => {
    await adminSetUserSettings(ctx, UserPoolId, Username, MFAOptions);
    return {};
  },
);
