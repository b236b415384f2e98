import { mfaConfigOf } from "../domain/pools/poolMfa.js";
import { setPoolMfaConfig } from "../domain/pools/pools.js";
import {
  EmailMfaConfigType,
  SmsMfaConfigType,
  SoftwareTokenMfaConfigType,
  UserPoolIdType,
  UserPoolMfaType,
  WebAuthnConfigurationType,
} from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { required, struct } from "./shape.js";

export const SetUserPoolMfaConfig = defineOperation(
  "SetUserPoolMfaConfig",
  struct({
    UserPoolId: required(UserPoolIdType),
    SmsMfaConfiguration: SmsMfaConfigType,
    SoftwareTokenMfaConfiguration: SoftwareTokenMfaConfigType,
    EmailMfaConfiguration: EmailMfaConfigType,
    MfaConfiguration: UserPoolMfaType,
    WebAuthnConfiguration: WebAuthnConfigurationType,
  }),
  async (ctx, { UserPoolId, ...input }) => mfaConfigOf((await setPoolMfaConfig(ctx, UserPoolId, input)).settings),
);
