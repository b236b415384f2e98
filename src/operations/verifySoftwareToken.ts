import { verifyOwnSoftwareToken } from "../domain/flows/ownMfa.js";
import { SessionType, SoftwareTokenMFAUserCodeType, StringType, TokenModelType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { required, struct } from "./shape.js";
import { accessTokenOf } from "./softwareTokenSession.js";

export const VerifySoftwareToken = defineOperation(
  "VerifySoftwareToken",
  struct({
    AccessToken: TokenModelType,
    Session: SessionType,
    UserCode: required(SoftwareTokenMFAUserCodeType),
    FriendlyDeviceName: StringType,
  }),
  async (ctx, input) => {
    const accessToken = accessTokenOf("VerifySoftwareToken", input);
    await verifyOwnSoftwareToken(ctx, accessToken, input.UserCode, input.FriendlyDeviceName);
    return { Status: "SUCCESS" };
  },
);
