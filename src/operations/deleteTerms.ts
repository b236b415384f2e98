import { deleteTerms } from "../domain/hostedUi/terms.js";
import { UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { TermsIdType } from "./poolResourceTypes.js";
import { required, struct } from "./shape.js";

export const DeleteTerms = defineOperation(
  "DeleteTerms",
  struct({ TermsId: required(TermsIdType), UserPoolId: required(UserPoolIdType) }),
  async (ctx, { TermsId, UserPoolId }) => {
    await deleteTerms(ctx, UserPoolId, TermsId);
    return {};
  },
);
