import { cloudFrontDistribution, type DomainSettings, type UserPoolDomain } from "../domain/hostedUi/domains.js";
import { compact } from "../domain/kernel/compact.js";
import { UserPoolIdType } from "./modelTypes.js";
import { CustomDomainConfigType, DomainType, ManagedLoginVersionType, RoutingType } from "./poolResourceTypes.js";
import { type Infer, required, struct } from "./shape.js";

/** The members CreateUserPoolDomain and UpdateUserPoolDomain share (the model gives both the same five). */
export const UserPoolDomainRequest = struct({
  Domain: required(DomainType),
  UserPoolId: required(UserPoolIdType),
  ManagedLoginVersion: ManagedLoginVersionType,
  CustomDomainConfig: CustomDomainConfigType,
  Routing: RoutingType,
});

export function domainChanges(input: Infer<typeof UserPoolDomainRequest>): DomainSettings {
  return compact({
    customDomainConfig: input.CustomDomainConfig,
    managedLoginVersion: input.ManagedLoginVersion,
    routing: input.Routing,
  });
}

/** What both answer: the managed login version and, for a custom domain, its CloudFront target. */
export function domainAnswer(domain: UserPoolDomain) {
  return compact({
    ManagedLoginVersion: domain.managedLoginVersion,
    CloudFrontDomain: domain.customDomainConfig === undefined ? undefined : cloudFrontDistribution(domain.domain),
  });
}
