import { associateOwnSoftwareToken } from "../domain/flows/ownMfa.js";
import { associateDuringSetup } from "../domain/signIn/factors/mfaSetup.js";
import { SessionType, TokenModelType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { struct } from "./shape.js";
import { authorityOf } from "./softwareTokenSession.js";

/** With a Session (MFA_SETUP) the answer carries the next Session too (reference §4.5). */
export const AssociateSoftwareToken = defineOperation(
  "AssociateSoftwareToken",
  struct({ AccessToken: TokenModelType, Session: SessionType }),
  async (ctx, input) => {
    const authority = authorityOf("AssociateSoftwareToken", input);
    if ("accessToken" in authority) return { SecretCode: await associateOwnSoftwareToken(ctx, authority.accessToken) };
    const { secret, session } = await associateDuringSetup(ctx, authority.session);
    return { SecretCode: secret, Session: session };
  },
);
