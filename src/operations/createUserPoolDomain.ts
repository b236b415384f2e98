import { cloudFrontDistribution, createDomain } from "../domain/hostedUi/domains.js";
import { compact } from "../domain/kernel/compact.js";
import { UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { CustomDomainConfigType, DomainType, ManagedLoginVersionType, RoutingType } from "./poolResourceTypes.js";
import { required, struct } from "./shape.js";

/**
 * CreateUserPoolDomain: a custom domain answers its CloudFront target and the
 * managed login version; a prefix domain answers the version only (the
 * model: "If you set an Amazon Cognito prefix domain, this operation returns
 * a blank response").
 */
export const CreateUserPoolDomain = defineOperation(
  "CreateUserPoolDomain",
  struct({
    Domain: required(DomainType),
    UserPoolId: required(UserPoolIdType),
    ManagedLoginVersion: ManagedLoginVersionType,
    CustomDomainConfig: CustomDomainConfigType,
    Routing: RoutingType,
  }),
  async (ctx, { Domain, UserPoolId, ManagedLoginVersion, CustomDomainConfig, Routing }) => {
    const domain = await createDomain(
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
