import { adminSetUserMfaPreference } from "../domain/mfa/adminMfa.js";
import { mfaPreferenceMembers, UsernameType, UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { required, struct } from "./shape.js";

export const AdminSetUserMFAPreference = defineOperation(
  "AdminSetUserMFAPreference",
  struct({ ...mfaPreferenceMembers, Username: required(UsernameType), UserPoolId: required(UserPoolIdType) }),
  async (ctx, { Username, UserPoolId, ...input }) => {
    await adminSetUserMfaPreference(ctx, UserPoolId, Username, input);
    return {};
  },
);
