import assert from "node:assert/strict";
import { it } from "node:test";
import {
  AdminAddUserToGroupCommand,
  AdminRemoveUserFromGroupCommand,
  CreateGroupCommand,
  DeleteGroupCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { adminSignIn, claimsOf, confirmedUser, refresh, type SignInPool, signInPool } from "../support/auth.js";
import { describeEachEngine } from "../support/testServer.js";

const role = (name: string) => `arn:aws:iam::123456789012:role/${name}`;

describeEachEngine("group claims in tokens", (t) => {
  const group = (pool: SignInPool, name: string, precedence?: number, roleArn?: string) =>
    t().client.send(
      new CreateGroupCommand({
        UserPoolId: pool.poolId,
        GroupName: name,
        ...(precedence === undefined ? {} : { Precedence: precedence }),
        ...(roleArn === undefined ? {} : { RoleArn: roleArn }),
      }),
    );
  const join = (pool: SignInPool, username: string, name: string) =>
    t().client.send(new AdminAddUserToGroupCommand({ UserPoolId: pool.poolId, Username: username, GroupName: name }));

  it("leaves the claims out for a user in no group", async () => {
    const pool = await signInPool(t().client);
    const tokens = await confirmedUser(t().client, pool, "solo");
    assert.equal(claimsOf(tokens.IdToken)["cognito:groups"], undefined);
    assert.equal(claimsOf(tokens.AccessToken)["cognito:groups"], undefined);
    assert.equal(claimsOf(tokens.IdToken)["cognito:roles"], undefined);
  });

  it("lists groups by precedence in ID and access tokens, with roles and the preferred role in the ID token", async () => {
    const pool = await signInPool(t().client);
    await confirmedUser(t().client, pool, "ann");
    await group(pool, "staff", 10, role("Staff"));
    await group(pool, "admins", 1, role("Admin"));
    await group(pool, "readers");
    for (const name of ["staff", "readers", "admins"]) await join(pool, "ann", name);
    const out = (await adminSignIn(t().client, pool, "ann")).AuthenticationResult;
    const id = claimsOf(out?.IdToken);
    assert.deepEqual(id["cognito:groups"], ["admins", "staff", "readers"]);
    assert.deepEqual(id["cognito:roles"], [role("Admin"), role("Staff")]);
    assert.equal(id["cognito:preferred_role"], role("Admin"));
    const access = claimsOf(out?.AccessToken);
    assert.deepEqual(access["cognito:groups"], ["admins", "staff", "readers"]);
    assert.equal(access["cognito:roles"], undefined);
  });

  it("leaves the preferred role unset when the best-placed groups disagree", async () => {
    const pool = await signInPool(t().client);
    await confirmedUser(t().client, pool, "bob");
    await group(pool, "a", 5, role("A"));
    await group(pool, "b", 5, role("B"));
    await join(pool, "bob", "a");
    await join(pool, "bob", "b");
    const id = claimsOf((await adminSignIn(t().client, pool, "bob")).AuthenticationResult?.IdToken);
    assert.equal(id["cognito:preferred_role"], undefined);
    assert.deepEqual(id["cognito:roles"], [role("A"), role("B")]);
  });

  it("changes only in tokens issued after a membership changes, refreshes included", async () => {
    const pool = await signInPool(t().client);
    const first = await confirmedUser(t().client, pool, "cy");
    await group(pool, "early");
    await join(pool, "cy", "early");
    assert.equal(claimsOf(first.IdToken)["cognito:groups"], undefined);
    const refreshed = await refresh(t().client, pool, first.RefreshToken);
    assert.deepEqual(claimsOf(refreshed.AuthenticationResult?.IdToken)["cognito:groups"], ["early"]);
    await t().client.send(new AdminRemoveUserFromGroupCommand({ UserPoolId: pool.poolId, Username: "cy", GroupName: "early" }));
    assert.equal(
      claimsOf((await adminSignIn(t().client, pool, "cy")).AuthenticationResult?.IdToken)["cognito:groups"],
      undefined,
    );
    await group(pool, "gone");
    await join(pool, "cy", "gone");
    await t().client.send(new DeleteGroupCommand({ UserPoolId: pool.poolId, GroupName: "gone" }));
    assert.equal(
      claimsOf((await adminSignIn(t().client, pool, "cy")).AuthenticationResult?.IdToken)["cognito:groups"],
      undefined,
    );
  });
});
