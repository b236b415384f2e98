import { updateTerms } from "../domain/hostedUi/terms.js";
import { compact } from "../domain/kernel/compact.js";
import { UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { LinksType, TermsEnforcementType, TermsIdType, TermsNameType, TermsSourceType } from "./poolResourceTypes.js";
import { required, struct } from "./shape.js";
import { termsType } from "./termsOutput.js";

export const UpdateTerms = defineOperation(
  "UpdateTerms",
  struct({
    TermsId: required(TermsIdType),
    UserPoolId: required(UserPoolIdType),
    TermsName: TermsNameType,
    TermsSource: TermsSourceType,
    Enforcement: TermsEnforcementType,
    Links: LinksType,
  }),
  async (ctx, { TermsId, UserPoolId, TermsName, Links }) => ({
    Terms: termsType(await updateTerms(ctx, UserPoolId, TermsId, compact({ name: TermsName, links: Links }))),
  }),
);
