import { setOwnUserSettings } from "../domain/flows/ownMfa.js";
import { MFAOptionListType, TokenModelType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { required, struct } from "./shape.js";

export const SetUserSettings = defineOperation(
  "SetUserSettings",
  struct({ AccessToken: required(TokenModelType), MFAOptions: required(MFAOptionListType) }),
  async (ctx, { AccessToken, MFAOptions }) => {
    await setOwnUserSettings(ctx, AccessToken, MFAOptions);
    return {};
  },
);
