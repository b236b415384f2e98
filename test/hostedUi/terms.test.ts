import assert from "node:assert/strict";
import { it } from "node:test";
import {
  CreateTermsCommand,
  DeleteTermsCommand,
  DescribeTermsByClientCommand,
  DescribeTermsCommand,
  ListTermsCommand,
  UpdateTermsCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { createAppClient, createPool, rejectsWith } from "../support/fixtures.js";
import { describeEachEngine } from "../support/testServer.js";

const LINKS = { "cognito:default": "https://example.com/terms", "cognito:spanish": "https://example.com/es/terms" };

describeEachEngine("terms documents", (t) => {
  async function poolAndClient(): Promise<{ poolId: string; clientId: string }> {
    const poolId = await createPool(t().client);
    return { poolId, clientId: (await createAppClient(t().client, poolId)).clientId };
  }
  const create = (UserPoolId: string, ClientId: string, TermsName: string, Links: Record<string, string> = LINKS) =>
    t().client.send(new CreateTermsCommand({ UserPoolId, ClientId, TermsName, TermsSource: "LINK", Enforcement: "NONE", Links }));

  it("creates terms; Describe, DescribeTermsByClient and ListTerms return them", async () => {
    const { poolId, clientId } = await poolAndClient();
    const { Terms } = await create(poolId, clientId, "terms-of-use");
    assert.ok(Terms?.TermsId);
    assert.deepEqual(
      { ...Terms, TermsId: undefined, CreationDate: undefined, LastModifiedDate: undefined },
      {
        TermsId: undefined,
        UserPoolId: poolId,
        ClientId: clientId,
        TermsName: "terms-of-use",
        TermsSource: "LINK",
        Enforcement: "NONE",
        Links: LINKS,
        CreationDate: undefined,
        LastModifiedDate: undefined,
      },
    );
    assert.deepEqual(
      (await t().client.send(new DescribeTermsCommand({ UserPoolId: poolId, TermsId: Terms.TermsId }))).Terms,
      Terms,
    );
    const byClient = await t().client.send(
      new DescribeTermsByClientCommand({ UserPoolId: poolId, ClientId: clientId, TermsName: "terms-of-use" }),
    );
    assert.deepEqual(byClient.Terms, Terms);
    const listed = await t().client.send(new ListTermsCommand({ UserPoolId: poolId }));
    assert.deepEqual(listed.Terms, [
      {
        TermsId: Terms.TermsId,
        TermsName: "terms-of-use",
        Enforcement: "NONE",
        CreationDate: Terms.CreationDate,
        LastModifiedDate: Terms.LastModifiedDate,
      },
    ]);
  });

  it("allows one terms-of-use and one privacy-policy document per client", async () => {
    const { poolId, clientId } = await poolAndClient();
    await create(poolId, clientId, "terms-of-use");
    await create(poolId, clientId, "privacy-policy");
    await rejectsWith(create(poolId, clientId, "terms-of-use-v2"), "TermsExistsException");
    const other = await createAppClient(t().client, poolId);
    await create(poolId, other.clientId, "terms-of-use");
  });

  it("refuses other names, bad links, an unknown client and an unknown pool", async () => {
    const { poolId, clientId } = await poolAndClient();
    await rejectsWith(create(poolId, clientId, "cookies"), "InvalidParameterException");
    await rejectsWith(create(poolId, clientId, "terms-of-use", { english: "https://example.com" }), "InvalidParameterException");
    await rejectsWith(
      create(poolId, clientId, "terms-of-use", { "cognito:default": "http://example.com" }),
      "InvalidParameterException",
    );
    await rejectsWith(create(poolId, "unknownclient000", "terms-of-use"), "ResourceNotFoundException");
    await rejectsWith(create("us-east-1_000000000", clientId, "terms-of-use"), "ResourceNotFoundException");
  });

  it("updates name and links, keeping the type; deletes", async () => {
    const { poolId, clientId } = await poolAndClient();
    const { Terms } = await create(poolId, clientId, "privacy-policy");
    const TermsId = Terms?.TermsId ?? "";
    t().clock.advance(1000);
    const updated = await t().client.send(
      new UpdateTermsCommand({
        UserPoolId: poolId,
        TermsId,
        TermsName: "privacy-policy-2026",
        Links: { "cognito:default": "https://example.com/p" },
      }),
    );
    assert.equal(updated.Terms?.TermsName, "privacy-policy-2026");
    assert.deepEqual(updated.Terms?.Links, { "cognito:default": "https://example.com/p" });
    assert.ok((updated.Terms?.LastModifiedDate?.getTime() ?? 0) > (updated.Terms?.CreationDate?.getTime() ?? 0));
    assert.deepEqual((await t().client.send(new DescribeTermsCommand({ UserPoolId: poolId, TermsId }))).Terms, updated.Terms);
    await rejectsWith(
      t().client.send(new UpdateTermsCommand({ UserPoolId: poolId, TermsId, TermsName: "terms-of-use" })),
      "InvalidParameterException",
    );
    await t().client.send(new DeleteTermsCommand({ UserPoolId: poolId, TermsId }));
    await rejectsWith(t().client.send(new DescribeTermsCommand({ UserPoolId: poolId, TermsId })), "ResourceNotFoundException");
    await rejectsWith(t().client.send(new DeleteTermsCommand({ UserPoolId: poolId, TermsId })), "ResourceNotFoundException");
  });
});
