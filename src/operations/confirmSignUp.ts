import { compact } from "../domain/compact.js";
import { confirmSignUp } from "../domain/confirmSignUp.js";
import {
  AnalyticsMetadataType,
  ClientIdType,
  ClientMetadataType,
  ConfirmationCodeType,
  SecretHashType,
  SessionType,
  UserContextDataType,
  UsernameType,
} from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { boolean, required, struct } from "./shape.js";

export const ConfirmSignUp = defineOperation(
  "ConfirmSignUp",
  struct({
    ClientId: required(ClientIdType),
    SecretHash: SecretHashType,
    Username: required(UsernameType),
    ConfirmationCode: required(ConfirmationCodeType),
    ForceAliasCreation: boolean(),
    // AnalyticsMetadata, UserContextData and ClientMetadata feed analytics and triggers; Session
    // continues a choice-based sign-in, which this server does not offer. Accepted and checked.
    AnalyticsMetadata: AnalyticsMetadataType,
    UserContextData: UserContextDataType,
    ClientMetadata: ClientMetadataType,
    Session: SessionType,
  }),
  async (ctx, input) => {
    await confirmSignUp(
      ctx,
      compact({
        clientId: input.ClientId,
        secretHash: input.SecretHash,
        username: input.Username,
        code: input.ConfirmationCode,
        forceAliasCreation: input.ForceAliasCreation ?? false,
      }),
    );
    return {};
  },
);
