import { verifyOwnAttribute } from "../domain/flows/attributeVerification.js";
import { AttributeNameType, ConfirmationCodeType, TokenModelType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { required, struct } from "./shape.js";

export const VerifyUserAttribute = defineOperation(
  "VerifyUserAttribute",
  struct({
    AccessToken: required(TokenModelType),
    AttributeName: required(AttributeNameType),
    Code: required(ConfirmationCodeType),
  }),
  async (ctx, { AccessToken, AttributeName, Code }) => {
    await verifyOwnAttribute(ctx, AccessToken, AttributeName, Code);
    return {};
  },
);
