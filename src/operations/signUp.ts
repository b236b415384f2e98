import { compact } from "../domain/compact.js";
import { signUp } from "../domain/signUp.js";
import {
  AnalyticsMetadataType,
  AttributeListType,
  ClientIdType,
  ClientMetadataType,
  PasswordType,
  SecretHashType,
  UserContextDataType,
  UsernameType,
} from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { required, struct } from "./shape.js";

export const SignUp = defineOperation(
  "SignUp",
  struct({
    ClientId: required(ClientIdType),
    SecretHash: SecretHashType,
    Username: required(UsernameType),
    Password: PasswordType,
    UserAttributes: AttributeListType,
    // ValidationData, ClientMetadata, AnalyticsMetadata and UserContextData feed triggers and
    // analytics; accepted and checked until those exist.
    ValidationData: AttributeListType,
    AnalyticsMetadata: AnalyticsMetadataType,
    UserContextData: UserContextDataType,
    ClientMetadata: ClientMetadataType,
  }),
  async (ctx, input) => {
    const result = await signUp(
      ctx,
      compact({
        clientId: input.ClientId,
        secretHash: input.SecretHash,
        username: input.Username,
        password: input.Password,
        attributes: input.UserAttributes ?? [],
      }),
    );
    // UserConfirmed is true only when a PreSignUp trigger confirms the user (reference §3.4).
    return compact({ UserConfirmed: false, UserSub: result.userSub, CodeDeliveryDetails: result.codeDeliveryDetails });
  },
);
