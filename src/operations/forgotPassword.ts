import { compact } from "../domain/compact.js";
import { forgotPassword } from "../domain/passwordReset.js";
import {
  AnalyticsMetadataType,
  ClientIdType,
  ClientMetadataType,
  SecretHashType,
  UserContextDataType,
  UsernameType,
} from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { required, struct } from "./shape.js";

export const ForgotPassword = defineOperation(
  "ForgotPassword",
  struct({
    ClientId: required(ClientIdType),
    SecretHash: SecretHashType,
    UserContextData: UserContextDataType,
    Username: required(UsernameType),
    // Analytics and trigger input; accepted and checked until those exist.
    AnalyticsMetadata: AnalyticsMetadataType,
    ClientMetadata: ClientMetadataType,
  }),
  async (ctx, input) => {
    const details = await forgotPassword(
      ctx,
      compact({ clientId: input.ClientId, secretHash: input.SecretHash, username: input.Username }),
    );
    return { CodeDeliveryDetails: details };
  },
);
