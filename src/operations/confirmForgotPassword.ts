import { compact } from "../domain/compact.js";
import { confirmForgotPassword } from "../domain/passwordReset.js";
import {
  AnalyticsMetadataType,
  ClientIdType,
  ClientMetadataType,
  ConfirmationCodeType,
  PasswordType,
  SecretHashType,
  UserContextDataType,
  UsernameType,
} from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { required, struct } from "./shape.js";

export const ConfirmForgotPassword = defineOperation(
  "ConfirmForgotPassword",
  struct({
    ClientId: required(ClientIdType),
    SecretHash: SecretHashType,
    Username: required(UsernameType),
    ConfirmationCode: required(ConfirmationCodeType),
    Password: required(PasswordType),
    // Analytics and PostConfirmation trigger input; accepted and checked until those exist.
    AnalyticsMetadata: AnalyticsMetadataType,
    UserContextData: UserContextDataType,
    ClientMetadata: ClientMetadataType,
  }),
  async (ctx, input) => {
    await confirmForgotPassword(
      ctx,
      compact({
        clientId: input.ClientId,
        secretHash: input.SecretHash,
        username: input.Username,
        code: input.ConfirmationCode,
        password: input.Password,
      }),
    );
    return {};
  },
);
