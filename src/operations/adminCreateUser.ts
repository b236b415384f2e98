import { adminCreateUser } from "../domain/flows/adminCreateUser.js";
import { compact } from "../domain/kernel/compact.js";
import {
  AttributeListType,
  ClientMetadataType,
  DeliveryMediumType,
  MessageActionType,
  PasswordType,
  UsernameType,
  UserPoolIdType,
} from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { boolean, list, required, struct } from "./shape.js";
import { userType } from "./userOutput.js";

export const AdminCreateUser = defineOperation(
  "AdminCreateUser",
  struct({
    UserPoolId: required(UserPoolIdType),
    Username: required(UsernameType),
    UserAttributes: AttributeListType,
    // ValidationData and ClientMetadata go to the PreSignUp trigger; accepted and checked until triggers exist.
    ValidationData: AttributeListType,
    TemporaryPassword: PasswordType,
    ForceAliasCreation: boolean(),
    MessageAction: MessageActionType,
    DesiredDeliveryMediums: list(DeliveryMediumType),
    ClientMetadata: ClientMetadataType,
  }),
  async (ctx, input) => {
    const user = await adminCreateUser(
      ctx,
      input.UserPoolId,
      compact({
        username: input.Username,
        attributes: input.UserAttributes ?? [],
        temporaryPassword: input.TemporaryPassword,
        forceAliasCreation: input.ForceAliasCreation ?? false,
        messageAction: input.MessageAction,
        deliveryMediums: input.DesiredDeliveryMediums,
      }),
    );
    return { User: userType(user) };
  },
);
