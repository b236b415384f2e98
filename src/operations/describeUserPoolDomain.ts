import { cloudFrontDistribution, findDomain } from "../domain/hostedUi/domains.js";
import { compact } from "../domain/kernel/compact.js";
import { defineOperation } from "./operation.js";
import { DomainType } from "./poolResourceTypes.js";
import { required, struct } from "./shape.js";

/**
 * DescribeUserPoolDomain names only the domain. An unknown domain answers
 * `{"DomainDescription": {}}`, not an error: Terraform's provider treats an
 * empty description as "gone" (research-pool-surface.md). Status is always
 * ACTIVE: nothing is provisioned here. S3Bucket and Version, which Cognito
 * fills from its own hosting, are not invented.
 */
export const DescribeUserPoolDomain = defineOperation(
  "DescribeUserPoolDomain",
  struct({ Domain: required(DomainType) }),
  async (ctx, { Domain }) => {
    const domain = await findDomain(ctx, Domain);
    if (domain === undefined) return { DomainDescription: {} };
    return {
      DomainDescription: compact({
        UserPoolId: domain.poolId,
        AWSAccountId: ctx.accountId,
        Domain: domain.domain,
        CloudFrontDistribution: domain.customDomainConfig === undefined ? undefined : cloudFrontDistribution(domain.domain),
        Status: "ACTIVE",
        CustomDomainConfig: domain.customDomainConfig,
        ManagedLoginVersion: domain.managedLoginVersion,
        Routing: domain.routing,
      }),
    };
  },
);
