import assert from "node:assert/strict";
import { it } from "node:test";
import {
  CreateUserPoolDomainCommand,
  DeleteUserPoolCommand,
  DeleteUserPoolDomainCommand,
  DescribeUserPoolCommand,
  DescribeUserPoolDomainCommand,
  UpdateUserPoolDomainCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { createPool, rejectsWith } from "../support/fixtures.js";
import { describeEachEngine } from "../support/testServer.js";

const CERTIFICATE = "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-0000-1111-2222-333344445555";
let counter = 0;
const prefix = () => `userpool-test-${process.pid}-${++counter}`;

describeEachEngine("user pool domains", (t) => {
  const describeDomain = (Domain: string) => t().client.send(new DescribeUserPoolDomainCommand({ Domain }));

  it("creates a prefix domain: a blank answer but the managed login version, and Describe shows it ACTIVE", async () => {
    const poolId = await createPool(t().client);
    const domain = prefix();
    const created = await t().client.send(new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: domain }));
    assert.equal(created.CloudFrontDomain, undefined);
    assert.equal(created.ManagedLoginVersion, 1);
    const { DomainDescription } = await describeDomain(domain);
    assert.deepEqual(DomainDescription, {
      UserPoolId: poolId,
      AWSAccountId: DomainDescription?.AWSAccountId,
      Domain: domain,
      Status: "ACTIVE",
      ManagedLoginVersion: 1,
    });
    assert.match(DomainDescription?.AWSAccountId ?? "", /^\d{12}$/);
    const { UserPool } = await t().client.send(new DescribeUserPoolCommand({ UserPoolId: poolId }));
    assert.equal(UserPool?.Domain, domain);
    assert.equal(UserPool?.CustomDomain, undefined);
  });

  it("creates a custom domain with its certificate: CloudFrontDomain in the answer, CustomDomain in DescribeUserPool", async () => {
    const poolId = await createPool(t().client);
    const domain = `auth-${counter++}.example.com`;
    const config = { CertificateArn: CERTIFICATE, SecurityPolicy: "TLS_V1_2_2021" as const };
    const created = await t().client.send(
      new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: domain, CustomDomainConfig: config, ManagedLoginVersion: 2 }),
    );
    assert.match(created.CloudFrontDomain ?? "", /^d[0-9a-f]{13}\.cloudfront\.net$/);
    assert.equal(created.ManagedLoginVersion, 2);
    const { DomainDescription } = await describeDomain(domain);
    assert.deepEqual(DomainDescription?.CustomDomainConfig, config);
    assert.equal(DomainDescription?.CloudFrontDistribution, created.CloudFrontDomain);
    assert.equal(DomainDescription?.ManagedLoginVersion, 2);
    const { UserPool } = await t().client.send(new DescribeUserPoolCommand({ UserPoolId: poolId }));
    assert.equal(UserPool?.CustomDomain, domain);
    assert.equal(UserPool?.Domain, undefined);
  });

  it("answers an unknown domain with an empty description, not an error", async () => {
    assert.deepEqual((await describeDomain(prefix())).DomainDescription, {});
  });

  it("refuses a prefix taken by another pool, and a second domain for one pool", async () => {
    const [a, b] = [await createPool(t().client), await createPool(t().client)];
    const domain = prefix();
    await t().client.send(new CreateUserPoolDomainCommand({ UserPoolId: a, Domain: domain }));
    await rejectsWith(
      t().client.send(new CreateUserPoolDomainCommand({ UserPoolId: b, Domain: domain })),
      "InvalidParameterException",
      "Domain already associated with another user pool.",
    );
    await rejectsWith(
      t().client.send(new CreateUserPoolDomainCommand({ UserPoolId: a, Domain: prefix() })),
      "InvalidParameterException",
      "User pool already has a domain configured.",
    );
  });

  it("refuses a prefix with characters outside [a-z0-9-] or a reserved word, with Cognito's messages", async () => {
    const poolId = await createPool(t().client);
    await rejectsWith(
      t().client.send(new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: "Upper_Case" })),
      "InvalidParameterException",
      /^The domain name contains an invalid character\. .*\^\[a-z0-9\]/,
    );
    await rejectsWith(
      t().client.send(new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: "my-aws-login" })),
      "InvalidParameterException",
      "Domain cannot contain reserved word: aws",
    );
    await rejectsWith(
      t().client.send(new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: "x".repeat(64) })),
      "InvalidParameterException",
      /Member must have length less than or equal to 63/,
    );
  });

  it("answers an unknown pool with ResourceNotFoundException", async () => {
    await rejectsWith(
      t().client.send(new CreateUserPoolDomainCommand({ UserPoolId: "us-east-1_000000000", Domain: prefix() })),
      "ResourceNotFoundException",
      "User pool us-east-1_000000000 does not exist.",
    );
  });

  it("updates the managed login version and a custom domain's certificate, keeping what the request leaves out", async () => {
    const poolId = await createPool(t().client);
    const domain = `login-${counter++}.example.com`;
    await t().client.send(
      new CreateUserPoolDomainCommand({
        UserPoolId: poolId,
        Domain: domain,
        CustomDomainConfig: { CertificateArn: CERTIFICATE },
      }),
    );
    const other = CERTIFICATE.replace("0a1b2c3d", "ffffffff");
    const updated = await t().client.send(
      new UpdateUserPoolDomainCommand({
        UserPoolId: poolId,
        Domain: domain,
        ManagedLoginVersion: 2,
        CustomDomainConfig: { CertificateArn: other },
      }),
    );
    assert.equal(updated.ManagedLoginVersion, 2);
    assert.match(updated.CloudFrontDomain ?? "", /cloudfront\.net$/);
    await t().client.send(new UpdateUserPoolDomainCommand({ UserPoolId: poolId, Domain: domain, ManagedLoginVersion: 1 }));
    const { DomainDescription } = await describeDomain(domain);
    assert.deepEqual(DomainDescription?.CustomDomainConfig, { CertificateArn: other });
    assert.equal(DomainDescription?.ManagedLoginVersion, 1);
  });

  it("deletes a domain, which frees the prefix; deleting it again, or from another pool, is ResourceNotFoundException", async () => {
    const [a, b] = [await createPool(t().client), await createPool(t().client)];
    const domain = prefix();
    await t().client.send(new CreateUserPoolDomainCommand({ UserPoolId: a, Domain: domain }));
    await rejectsWith(
      t().client.send(new DeleteUserPoolDomainCommand({ UserPoolId: b, Domain: domain })),
      "ResourceNotFoundException",
    );
    await t().client.send(new DeleteUserPoolDomainCommand({ UserPoolId: a, Domain: domain }));
    assert.deepEqual((await describeDomain(domain)).DomainDescription, {});
    await rejectsWith(
      t().client.send(new DeleteUserPoolDomainCommand({ UserPoolId: a, Domain: domain })),
      "ResourceNotFoundException",
    );
    await t().client.send(new CreateUserPoolDomainCommand({ UserPoolId: b, Domain: domain }));
    assert.equal((await describeDomain(domain)).DomainDescription?.UserPoolId, b);
  });

  it("deleting the pool releases its domain", async () => {
    const poolId = await createPool(t().client);
    const domain = prefix();
    await t().client.send(new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: domain }));
    await t().client.send(new DeleteUserPoolCommand({ UserPoolId: poolId }));
    assert.deepEqual((await describeDomain(domain)).DomainDescription, {});
  });
});
