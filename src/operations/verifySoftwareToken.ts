import { verifyOwnSoftwareToken } from "../domain/flows/ownMfa.js";
import { verifyDuringSetup } from "../domain/signIn/factors/mfaSetup.js";
import { SessionType, SoftwareTokenMFAUserCodeType, StringType, TokenModelType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { required, struct } from "./shape.js";
import { authorityOf } from "./softwareTokenSession.js";

/** With a Session (MFA_SETUP) the answer carries the Session the MFA_SETUP answer takes (reference §4.5). */
export const VerifySoftwareToken = defineOperation(
  "VerifySoftwareToken",
  struct({
    AccessToken: TokenModelType,
    Session: SessionType,
    UserCode: required(SoftwareTokenMFAUserCodeType),
    FriendlyDeviceName: StringType,
  }),
  async (ctx, input) => {
    const authority = authorityOf("VerifySoftwareToken", input);
    if ("accessToken" in authority) {
      await verifyOwnSoftwareToken(ctx, authority.accessToken, input.UserCode, input.FriendlyDeviceName);
      return { Status: "SUCCESS" };
    }
    const session = await verifyDuringSetup(ctx, authority.session, input.UserCode, input.FriendlyDeviceName);
    return { Status: "SUCCESS", Session: session };
  },
);
