import { listIdentityProviders } from "../domain/federation/identityProviders.js";
import { compact } from "../domain/kernel/compact.js";
import { providerDescription } from "./identityProviderOutput.js";
import { PaginationKeyType, UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { ListProvidersLimitType } from "./poolResourceTypes.js";
import { required, struct } from "./shape.js";

export const ListIdentityProviders = defineOperation(
  "ListIdentityProviders",
  struct({ UserPoolId: required(UserPoolIdType), MaxResults: ListProvidersLimitType, NextToken: PaginationKeyType }),
  async (ctx, { UserPoolId, MaxResults, NextToken }) => {
    const page = await listIdentityProviders(ctx, UserPoolId, MaxResults, NextToken);
    return compact({ Providers: page.providers.map(providerDescription), NextToken: page.nextToken });
  },
);
