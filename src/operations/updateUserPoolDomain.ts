import { cloudFrontDistribution, updateDomain } from "../domain/hostedUi/domains.js";
import { compact } from "../domain/kernel/compact.js";
import { UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { CustomDomainConfigType, DomainType, ManagedLoginVersionType, RoutingType } from "./poolResourceTypes.js";
import { required, struct } from "./shape.js";

/** UpdateUserPoolDomain: answers the managed login version and, for a custom domain, its CloudFront target. */
export const UpdateUserPoolDomain = defineOperation(
  "UpdateUserPoolDomain",
  struct({
    Domain: required(DomainType),
    UserPoolId: required(UserPoolIdType),
    ManagedLoginVersion: ManagedLoginVersionType,
    CustomDomainConfig: CustomDomainConfigType,
    Routing: RoutingType,
  }),
  async (ctx, { Domain, UserPoolId, ManagedLoginVersion, CustomDomainConfig, Routing }) => {
    const domain = await updateDomain(
      ctx,
      UserPoolId,
      Domain,
      compact({ customDomainConfig: CustomDomainConfig, managedLoginVersion: ManagedLoginVersion, routing: Routing }),
    );
    return compact({
      ManagedLoginVersion: domain.managedLoginVersion,
      CloudFrontDomain: domain.customDomainConfig === undefined ? undefined : cloudFrontDistribution(domain.domain),
    });
  },
);
