import { updateOwnAttributes } from "../domain/flows/ownUser.js";
import { AttributeListType, ClientMetadataType, TokenModelType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { required, struct } from "./shape.js";

export const UpdateUserAttributes = defineOperation(
  "UpdateUserAttributes",
  struct({
    UserAttributes: required(AttributeListType),
    AccessToken: required(TokenModelType),
    // Goes to the CustomMessage trigger; accepted and checked until triggers exist.
    ClientMetadata: ClientMetadataType,
  }),
  async (ctx, { UserAttributes, AccessToken }) => {
    const delivered = await updateOwnAttributes(ctx, AccessToken, UserAttributes);
    // Cognito omits the list when no code went out (CodeDeliveryDetailsList is optional in the model).
    return delivered.length > 0 ? { CodeDeliveryDetailsList: delivered } : {};
  },
);
