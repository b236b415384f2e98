import { associateOwnSoftwareToken } from "../domain/flows/ownMfa.js";
import { SessionType, TokenModelType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { struct } from "./shape.js";
import { accessTokenOf } from "./softwareTokenSession.js";

export const AssociateSoftwareToken = defineOperation(
  "AssociateSoftwareToken",
  struct({ AccessToken: TokenModelType, Session: SessionType }),
  async (ctx, input) => ({
    SecretCode: await associateOwnSoftwareToken(ctx, accessTokenOf("AssociateSoftwareToken", input)),
  }),
);
