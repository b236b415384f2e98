import { setOwnMfaPreference } from "../domain/flows/ownMfa.js";
import { mfaPreferenceMembers, TokenModelType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { required, struct } from "./shape.js";

export const SetUserMFAPreference = defineOperation(
  "SetUserMFAPreference",
  struct({ ...mfaPreferenceMembers, AccessToken: required(TokenModelType) }),
  async (ctx, { AccessToken, ...input }) => {
    await setOwnMfaPreference(ctx, AccessToken, input);
    return {};
  },
);
