import { createTerms } from "../domain/hostedUi/terms.js";
import { compact } from "../domain/kernel/compact.js";
import { ClientIdType, UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { LinksType, TermsEnforcementType, TermsNameType, TermsSourceType } from "./poolResourceTypes.js";
import { required, struct } from "./shape.js";
import { termsType } from "./termsOutput.js";

export const CreateTerms = defineOperation(
  "CreateTerms",
  struct({
    UserPoolId: required(UserPoolIdType),
    ClientId: required(ClientIdType),
    TermsName: required(TermsNameType),
    TermsSource: required(TermsSourceType),
    Enforcement: required(TermsEnforcementType),
    Links: LinksType,
  }),
  async (ctx, { UserPoolId, ClientId, TermsName, Links }) => ({
    Terms: termsType(await createTerms(ctx, UserPoolId, ClientId, compact({ name: TermsName, links: Links }))),
  }),
);
