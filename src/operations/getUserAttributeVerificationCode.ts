import { sendOwnVerificationCode } from "../domain/flows/attributeVerification.js";
import { AttributeNameType, ClientMetadataType, TokenModelType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { required, struct } from "./shape.js";

export const GetUserAttributeVerificationCode = defineOperation(
  "GetUserAttributeVerificationCode",
  struct({
    AccessToken: required(TokenModelType),
    AttributeName: required(AttributeNameType),
    // Goes to the CustomMessage trigger; accepted and checked until triggers exist.
    ClientMetadata: ClientMetadataType,
  }),
  async (ctx, { AccessToken, AttributeName }) => ({
    CodeDeliveryDetails: await sendOwnVerificationCode(ctx, AccessToken, AttributeName),
  }),
);
