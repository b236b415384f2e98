import { deleteDomain } from "../domain/hostedUi/domains.js";
import { UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { DomainType } from "./poolResourceTypes.js";
import { required, struct } from "./shape.js";

export const DeleteUserPoolDomain = defineOperation(
  "DeleteUserPoolDomain",
  struct({ Domain: required(DomainType), UserPoolId: required(UserPoolIdType) }),
  async (ctx, { Domain, UserPoolId }) => {
    await deleteDomain(ctx, UserPoolId, Domain);
    return {};
  },
);
