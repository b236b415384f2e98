import assert from "node:assert/strict";
import { it } from "node:test";
import {
  CreateIdentityProviderCommand,
  type CreateIdentityProviderCommandInput,
  DeleteIdentityProviderCommand,
  DeleteUserPoolCommand,
  DescribeIdentityProviderCommand,
  GetIdentityProviderByIdentifierCommand,
  ListIdentityProvidersCommand,
  paginateListIdentityProviders,
  UpdateIdentityProviderCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { createPool, rejectsWith } from "../support/fixtures.js";
import { describeEachEngine } from "../support/testServer.js";

const OIDC_DETAILS = {
  client_id: "oidc-client",
  client_secret: "oidc-secret-value",
  attributes_request_method: "GET",
  oidc_issuer: "https://issuer.example.com",
  authorize_scopes: "openid email",
};

describeEachEngine("identity providers", (t) => {
  const create = (
    input: Omit<CreateIdentityProviderCommandInput, "ProviderDetails"> & { ProviderDetails?: Record<string, string> },
  ) => t().client.send(new CreateIdentityProviderCommand({ ProviderDetails: {}, ...input }));
  const describe = (UserPoolId: string, ProviderName: string) =>
    t().client.send(new DescribeIdentityProviderCommand({ UserPoolId, ProviderName }));

  it("creates an OIDC provider and Describe returns what was put, with attributes_url_add_attributes filled in", async () => {
    const poolId = await createPool(t().client);
    const { IdentityProvider } = await create({
      UserPoolId: poolId,
      ProviderName: "Corp",
      ProviderType: "OIDC",
      ProviderDetails: OIDC_DETAILS,
      AttributeMapping: { email: "email", username: "sub" },
      IdpIdentifiers: ["corp.example.com"],
    });
    assert.deepEqual(IdentityProvider?.ProviderDetails, { ...OIDC_DETAILS, attributes_url_add_attributes: "false" });
    assert.deepEqual(IdentityProvider?.AttributeMapping, { email: "email", username: "sub" });
    assert.deepEqual(IdentityProvider?.IdpIdentifiers, ["corp.example.com"]);
    assert.equal(IdentityProvider?.UserPoolId, poolId);
    assert.ok(IdentityProvider?.CreationDate instanceof Date);
    assert.deepEqual((await describe(poolId, "Corp")).IdentityProvider, IdentityProvider);
  });

  it("keeps the client secret sealed at rest", async () => {
    const poolId = await createPool(t().client);
    await create({ UserPoolId: poolId, ProviderName: "Sealed", ProviderType: "OIDC", ProviderDetails: OIDC_DETAILS });
    const row = await t().server.domain.store.poolResources.get(poolId, "identity-provider", "Sealed");
    assert.ok(row !== undefined);
    assert.ok(!JSON.stringify(row.body).includes(OIDC_DETAILS.client_secret));
  });

  it("fills in Google's endpoints, and a social provider must be named after its type", async () => {
    const poolId = await createPool(t().client);
    const details = { client_id: "g-id", client_secret: "g-secret", authorize_scopes: "profile email openid" };
    const { IdentityProvider } = await create({
      UserPoolId: poolId,
      ProviderName: "Google",
      ProviderType: "Google",
      ProviderDetails: details,
    });
    assert.deepEqual(IdentityProvider?.ProviderDetails, {
      ...details,
      attributes_url: "https://people.googleapis.com/v1/people/me?personFields=",
      attributes_url_add_attributes: "true",
      authorize_url: "https://accounts.google.com/o/oauth2/v2/auth",
      oidc_issuer: "https://accounts.google.com",
      token_request_method: "POST",
      token_url: "https://www.googleapis.com/oauth2/v4/token",
    });
    await rejectsWith(
      create({ UserPoolId: poolId, ProviderName: "NameOfGP", ProviderType: "Google", ProviderDetails: details }),
      "InvalidParameterException",
      "Provider NameOfGP cannot be of type Google.",
    );
  });

  it("refuses details a type requires but lacks, and SAML without metadata", async () => {
    const poolId = await createPool(t().client);
    const { client_id: _id, ...withoutClientId } = OIDC_DETAILS;
    await rejectsWith(
      create({ UserPoolId: poolId, ProviderName: "Corp", ProviderType: "OIDC", ProviderDetails: withoutClientId }),
      "InvalidParameterException",
      /client_id/,
    );
    await rejectsWith(
      create({ UserPoolId: poolId, ProviderName: "Saml", ProviderType: "SAML" }),
      "InvalidParameterException",
      /Metadata/,
    );
    const saml = await create({
      UserPoolId: poolId,
      ProviderName: "Saml",
      ProviderType: "SAML",
      ProviderDetails: { MetadataURL: "https://idp.example.com/metadata.xml" },
    });
    assert.deepEqual(saml.IdentityProvider?.ProviderDetails, { MetadataURL: "https://idp.example.com/metadata.xml" });
  });

  it("refuses a second provider of one name with DuplicateProviderException, and an identifier another provider has", async () => {
    const poolId = await createPool(t().client);
    await create({
      UserPoolId: poolId,
      ProviderName: "Corp",
      ProviderType: "OIDC",
      ProviderDetails: OIDC_DETAILS,
      IdpIdentifiers: ["corp"],
    });
    await rejectsWith(
      create({ UserPoolId: poolId, ProviderName: "Corp", ProviderType: "OIDC", ProviderDetails: OIDC_DETAILS }),
      "DuplicateProviderException",
      `Corp already exists in user pool ${poolId}.`,
    );
    await rejectsWith(
      create({
        UserPoolId: poolId,
        ProviderName: "Other",
        ProviderType: "OIDC",
        ProviderDetails: OIDC_DETAILS,
        IdpIdentifiers: ["corp"],
      }),
      "DuplicateProviderException",
    );
    await rejectsWith(describe(poolId, "Other"), "ResourceNotFoundException");
  });

  it("refuses names and identifiers that break the model's constraints", async () => {
    const poolId = await createPool(t().client);
    await rejectsWith(
      create({ UserPoolId: poolId, ProviderName: "_bad", ProviderType: "OIDC", ProviderDetails: OIDC_DETAILS }),
      "InvalidParameterException",
      /'providerName' failed to satisfy constraint: Member must satisfy regular expression pattern/,
    );
    await rejectsWith(
      create({
        UserPoolId: poolId,
        ProviderName: "Corp",
        ProviderType: "OIDC",
        ProviderDetails: OIDC_DETAILS,
        IdpIdentifiers: ["x".repeat(41)],
      }),
      "InvalidParameterException",
      /Member must have length less than or equal to 40/,
    );
  });

  it("finds a provider by its IdP identifier", async () => {
    const poolId = await createPool(t().client);
    const { IdentityProvider } = await create({
      UserPoolId: poolId,
      ProviderName: "Corp",
      ProviderType: "OIDC",
      ProviderDetails: OIDC_DETAILS,
      IdpIdentifiers: ["corp.example.com", "corp"],
    });
    const found = await t().client.send(
      new GetIdentityProviderByIdentifierCommand({ UserPoolId: poolId, IdpIdentifier: "corp" }),
    );
    assert.deepEqual(found.IdentityProvider, IdentityProvider);
    await rejectsWith(
      t().client.send(new GetIdentityProviderByIdentifierCommand({ UserPoolId: poolId, IdpIdentifier: "nobody" })),
      "ResourceNotFoundException",
    );
  });

  it("updates details (merged), mapping and identifiers; the old identifiers are released", async () => {
    const poolId = await createPool(t().client);
    await create({
      UserPoolId: poolId,
      ProviderName: "Corp",
      ProviderType: "OIDC",
      ProviderDetails: OIDC_DETAILS,
      IdpIdentifiers: ["old"],
    });
    t().clock.advance(1000);
    const { IdentityProvider } = await t().client.send(
      new UpdateIdentityProviderCommand({
        UserPoolId: poolId,
        ProviderName: "Corp",
        ProviderDetails: { authorize_scopes: "openid" },
        AttributeMapping: { email: "mail" },
        IdpIdentifiers: ["new"],
      }),
    );
    assert.equal(IdentityProvider?.ProviderDetails?.authorize_scopes, "openid");
    assert.equal(IdentityProvider?.ProviderDetails?.client_secret, OIDC_DETAILS.client_secret);
    assert.deepEqual(IdentityProvider?.AttributeMapping, { email: "mail" });
    assert.ok((IdentityProvider?.LastModifiedDate?.getTime() ?? 0) > (IdentityProvider?.CreationDate?.getTime() ?? 0));
    assert.deepEqual((await describe(poolId, "Corp")).IdentityProvider, IdentityProvider);
    await create({
      UserPoolId: poolId,
      ProviderName: "Other",
      ProviderType: "OIDC",
      ProviderDetails: OIDC_DETAILS,
      IdpIdentifiers: ["old"],
    });
  });

  it("deletes a provider and its identifiers; an unknown one is ResourceNotFoundException", async () => {
    const poolId = await createPool(t().client);
    await create({
      UserPoolId: poolId,
      ProviderName: "Corp",
      ProviderType: "OIDC",
      ProviderDetails: OIDC_DETAILS,
      IdpIdentifiers: ["corp"],
    });
    await t().client.send(new DeleteIdentityProviderCommand({ UserPoolId: poolId, ProviderName: "Corp" }));
    await rejectsWith(describe(poolId, "Corp"), "ResourceNotFoundException");
    await rejectsWith(
      t().client.send(new DeleteIdentityProviderCommand({ UserPoolId: poolId, ProviderName: "Corp" })),
      "ResourceNotFoundException",
    );
    await create({
      UserPoolId: poolId,
      ProviderName: "Again",
      ProviderType: "OIDC",
      ProviderDetails: OIDC_DETAILS,
      IdpIdentifiers: ["corp"],
    });
  });

  it("lists providers by name without details, page by page", async () => {
    const poolId = await createPool(t().client);
    for (const name of ["Charlie", "Alpha", "Bravo"]) {
      await create({ UserPoolId: poolId, ProviderName: name, ProviderType: "OIDC", ProviderDetails: OIDC_DETAILS });
    }
    const first = await t().client.send(new ListIdentityProvidersCommand({ UserPoolId: poolId, MaxResults: 2 }));
    assert.deepEqual(
      first.Providers?.map((p) => Object.keys(p).sort()),
      [0, 1].map(() => ["CreationDate", "LastModifiedDate", "ProviderName", "ProviderType"]),
    );
    const names: string[] = [];
    for await (const page of paginateListIdentityProviders({ client: t().client, pageSize: 2 }, { UserPoolId: poolId })) {
      names.push(...(page.Providers ?? []).map((p) => p.ProviderName ?? ""));
    }
    assert.deepEqual(names, ["Alpha", "Bravo", "Charlie"]);
  });

  it("deleting the pool deletes its providers", async () => {
    const poolId = await createPool(t().client);
    await create({
      UserPoolId: poolId,
      ProviderName: "Corp",
      ProviderType: "OIDC",
      ProviderDetails: OIDC_DETAILS,
      IdpIdentifiers: ["corp"],
    });
    await t().client.send(new DeleteUserPoolCommand({ UserPoolId: poolId }));
    assert.deepEqual(await t().server.domain.store.poolResources.list(poolId, "idp-identifier", { limit: 10 }), []);
    assert.deepEqual(await t().server.domain.store.poolResources.list(poolId, "identity-provider", { limit: 10 }), []);
  });
});
