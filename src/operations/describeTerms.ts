import { getTerms } from "../domain/hostedUi/terms.js";
import { UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { TermsIdType } from "./poolResourceTypes.js";
import { required, struct } from "./shape.js";
import { termsType } from "./termsOutput.js";

export const DescribeTerms = defineOperation(
  "DescribeTerms",
  struct({ TermsId: required(TermsIdType), UserPoolId: required(UserPoolIdType) }),
  async (ctx, { TermsId, UserPoolId }) => ({ Terms: termsType(await getTerms(ctx, UserPoolId, TermsId)) }),
);
