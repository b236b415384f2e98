import assert from "node:assert/strict";
import { it } from "node:test";
import {
  AdminDeleteUserCommand,
  AdminDisableProviderForUserCommand,
  AdminGetUserCommand,
  AdminLinkProviderForUserCommand,
  CreateIdentityProviderCommand,
  type ProviderUserIdentifierType,
} from "@aws-sdk/client-cognito-identity-provider";
import { createPool, createUser, rejectsWith } from "../support/fixtures.js";
import { describeEachEngine } from "../support/testServer.js";

const GOOGLE = { client_id: "g", client_secret: "gs", authorize_scopes: "openid" };
const OIDC = {
  client_id: "o",
  attributes_request_method: "GET",
  oidc_issuer: "https://issuer.example.com",
  authorize_scopes: "openid",
};

describeEachEngine("AdminLinkProviderForUser and AdminDisableProviderForUser", (t) => {
  async function poolWithProviders(): Promise<string> {
    const poolId = await createPool(t().client);
    await t().client.send(
      new CreateIdentityProviderCommand({
        UserPoolId: poolId,
        ProviderName: "Google",
        ProviderType: "Google",
        ProviderDetails: GOOGLE,
      }),
    );
    await t().client.send(
      new CreateIdentityProviderCommand({
        UserPoolId: poolId,
        ProviderName: "Corp",
        ProviderType: "OIDC",
        ProviderDetails: OIDC,
      }),
    );
    return poolId;
  }
  const native = (username: string): ProviderUserIdentifierType => ({
    ProviderName: "Cognito",
    ProviderAttributeValue: username,
  });
  const external = (ProviderName: string, ProviderAttributeValue: string, ProviderAttributeName = "Cognito_Subject") => ({
    ProviderName,
    ProviderAttributeName,
    ProviderAttributeValue,
  });
  const link = (UserPoolId: string, DestinationUser: ProviderUserIdentifierType, SourceUser: ProviderUserIdentifierType) =>
    t().client.send(new AdminLinkProviderForUserCommand({ UserPoolId, DestinationUser, SourceUser }));
  const identitiesOf = async (UserPoolId: string, Username: string) => {
    const user = await t().client.send(new AdminGetUserCommand({ UserPoolId, Username }));
    const value = user.UserAttributes?.find((a) => a.Name === "identities")?.Value;
    return value === undefined ? undefined : (JSON.parse(value) as Record<string, unknown>[]);
  };

  it("records the link in the user's identities attribute, in Cognito's shape", async () => {
    const poolId = await poolWithProviders();
    await createUser(t().client, poolId, "alice");
    const before = t().clock.now();
    await link(poolId, native("alice"), external("Google", "117912944878954244147"));
    await link(poolId, native("alice"), external("Corp", "alice@corp.example.com", "email"));
    assert.deepEqual(await identitiesOf(poolId, "alice"), [
      {
        userId: "117912944878954244147",
        providerName: "Google",
        providerType: "Google",
        issuer: null,
        primary: false,
        dateCreated: before,
      },
      {
        userId: "alice@corp.example.com",
        providerName: "Corp",
        providerType: "OIDC",
        issuer: null,
        primary: false,
        dateCreated: before,
      },
    ]);
  });

  it("linking the same identity to the same user again changes nothing; to another user is refused", async () => {
    const poolId = await poolWithProviders();
    await createUser(t().client, poolId, "alice");
    await createUser(t().client, poolId, "bob");
    await link(poolId, native("alice"), external("Google", "g-1"));
    await link(poolId, native("alice"), external("Google", "g-1"));
    assert.equal((await identitiesOf(poolId, "alice"))?.length, 1);
    await rejectsWith(
      link(poolId, native("bob"), external("Google", "g-1")),
      "InvalidParameterException",
      /^Merging is not currently supported/,
    );
  });

  it("checks the destination user, the source provider and Cognito_Subject for social providers", async () => {
    const poolId = await poolWithProviders();
    await createUser(t().client, poolId, "alice");
    await rejectsWith(link(poolId, native("nobody"), external("Google", "g-2")), "UserNotFoundException", "User does not exist.");
    await rejectsWith(link(poolId, native("alice"), external("Unknown", "x")), "InvalidParameterException", /Unknown/);
    await rejectsWith(
      link(poolId, native("alice"), external("Google", "g-3", "sub")),
      "InvalidParameterException",
      /Cognito_Subject/,
    );
    await rejectsWith(
      link(poolId, native("alice"), native("bob")),
      "InvalidParameterException",
      "Invalid SourceUser: Cognito users with a username/password may not be passed in as a SourceUser, only as a DestinationUser",
    );
    assert.equal(await identitiesOf(poolId, "alice"), undefined);
  });

  it("allows 5 linked identities per user", async () => {
    const poolId = await poolWithProviders();
    await createUser(t().client, poolId, "alice");
    for (let i = 0; i < 5; i++) await link(poolId, native("alice"), external("Corp", `id-${i}`, "sub"));
    await rejectsWith(link(poolId, native("alice"), external("Corp", "id-5", "sub")), "LimitExceededException");
  });

  it("AdminDisableProviderForUser removes the link, which can then be made to another user", async () => {
    const poolId = await poolWithProviders();
    await createUser(t().client, poolId, "alice");
    await createUser(t().client, poolId, "bob");
    await link(poolId, native("alice"), external("Google", "g-1"));
    await t().client.send(new AdminDisableProviderForUserCommand({ UserPoolId: poolId, User: external("Google", "g-1") }));
    assert.equal(await identitiesOf(poolId, "alice"), undefined);
    await rejectsWith(
      t().client.send(new AdminDisableProviderForUserCommand({ UserPoolId: poolId, User: external("Google", "g-1") })),
      "UserNotFoundException",
    );
    await link(poolId, native("bob"), external("Google", "g-1"));
    assert.equal((await identitiesOf(poolId, "bob"))?.length, 1);
  });

  it("a deleted user's links are free again", async () => {
    const poolId = await poolWithProviders();
    await createUser(t().client, poolId, "alice");
    await link(poolId, native("alice"), external("Google", "g-1"));
    await t().client.send(new AdminDeleteUserCommand({ UserPoolId: poolId, Username: "alice" }));
    await createUser(t().client, poolId, "carol");
    await link(poolId, native("carol"), external("Google", "g-1"));
  });
});
