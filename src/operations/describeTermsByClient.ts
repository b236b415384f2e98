import { getTermsByClient } from "../domain/hostedUi/terms.js";
import { ClientIdType, UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { TermsNameType } from "./poolResourceTypes.js";
import { required, struct } from "./shape.js";
import { termsType } from "./termsOutput.js";

export const DescribeTermsByClient = defineOperation(
  "DescribeTermsByClient",
  struct({ ClientId: required(ClientIdType), UserPoolId: required(UserPoolIdType), TermsName: required(TermsNameType) }),
  async (ctx, { ClientId, UserPoolId, TermsName }) => ({
    Terms: termsType(await getTermsByClient(ctx, UserPoolId, ClientId, TermsName)),
  }),
);
