import assert from "node:assert/strict";
import { it } from "node:test";
import { AdminGetUserCommand, DeleteUserCommand, GetUserCommand } from "@aws-sdk/client-cognito-identity-provider";
import { signedInUser } from "../support/auth.js";
import { createUser, rejectsWith } from "../support/fixtures.js";
import { describeEachEngine } from "../support/testServer.js";

describeEachEngine("DeleteUser with an access token", (t) => {
  it("deletes the signed-in user, whose tokens then stop working, and frees the username", async () => {
    const me = await signedInUser(t().client, "leaver", { email: "leaver@example.com" });
    const output = await t().client.send(new DeleteUserCommand({ AccessToken: me.accessToken }));
    assert.deepEqual(
      Object.keys(output).filter((k) => k !== "$metadata"),
      [],
    );
    await rejectsWith(
      t().client.send(new AdminGetUserCommand({ UserPoolId: me.poolId, Username: "leaver" })),
      "UserNotFoundException",
      "User does not exist.",
    );
    await rejectsWith(t().client.send(new GetUserCommand({ AccessToken: me.accessToken })), "NotAuthorizedException");
    await rejectsWith(t().client.send(new DeleteUserCommand({ AccessToken: me.accessToken })), "NotAuthorizedException");
    await createUser(t().client, me.poolId, "leaver");
  });

  it("refuses an invalid token and deletes nobody", async () => {
    const me = await signedInUser(t().client, "stayer");
    await rejectsWith(
      t().client.send(new DeleteUserCommand({ AccessToken: "not.a.jwt" })),
      "NotAuthorizedException",
      "Invalid Access Token",
    );
    const user = await t().client.send(new AdminGetUserCommand({ UserPoolId: me.poolId, Username: "stayer" }));
    assert.equal(user.Username, "stayer");
  });
});
