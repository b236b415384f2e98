import { listTerms } from "../domain/hostedUi/terms.js";
import { compact } from "../domain/kernel/compact.js";
import { PaginationKeyType, UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { ListTermsLimitType } from "./poolResourceTypes.js";
import { required, struct } from "./shape.js";
import { termsDescription } from "./termsOutput.js";

export const ListTerms = defineOperation(
  "ListTerms",
  struct({ UserPoolId: required(UserPoolIdType), MaxResults: ListTermsLimitType, NextToken: PaginationKeyType }),
  async (ctx, { UserPoolId, MaxResults, NextToken }) => {
    const page = await listTerms(ctx, UserPoolId, MaxResults, NextToken);
    return compact({ Terms: page.terms.map(termsDescription), NextToken: page.nextToken });
  },
);
