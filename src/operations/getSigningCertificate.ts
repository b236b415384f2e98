import { signingCertificate } from "../domain/tokens/signingCertificate.js";
import { UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { required, struct } from "./shape.js";

export const GetSigningCertificate = defineOperation(
  "GetSigningCertificate",
  struct({ UserPoolId: required(UserPoolIdType) }),
  async (ctx, { UserPoolId }) => ({ Certificate: await signingCertificate(ctx, UserPoolId) }),
);
