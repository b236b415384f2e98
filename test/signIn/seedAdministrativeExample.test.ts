import assert from "node:assert/strict";
import { it } from "node:test";
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminInitiateAuthCommand,
  AdminRespondToAuthChallengeCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminSetUserPasswordCommand,
  AssociateSoftwareTokenCommand,
  CreateGroupCommand,
  InitiateAuthCommand,
  SetUserPoolMfaConfigCommand,
  VerifySoftwareTokenCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { Secret, TOTP } from "otpauth";
import { createAppClient, createPool, rejectsWith } from "../support/fixtures.js";
import { describeEachEngine } from "../support/testServer.js";

/**
 * The seed's "Complete Administrative User Management Example"
 * (/work/shared/seeds/000_57eb3fe64820e821.txt), run against this server.
 * Changed only where a real pool needs it:
 * - the client is the test server's (endpoint and credentials), and the
 *   pool is made here: a custom attribute `department`, TOTP MFA on
 *   (OPTIONAL), the two groups, and an app client for the user to sign in;
 * - Cognito names custom attributes `custom:department`; the seed's bare
 *   `department` is refused as Cognito refuses an attribute the schema
 *   lacks ("Attributes did not conform to the schema: department: Attribute
 *   does not exist in the schema.", docs/research/research-user-lifecycle.md),
 *   so step 1 is shown refused as written, then sent with `custom:department`;
 * - before step 4 the user signs in and verifies an authenticator
 *   (AssociateSoftwareToken, VerifySoftwareToken with the code an app
 *   computes with otpauth), as a real user must: Cognito refuses to turn
 *   TOTP on for a user without one;
 * - console.log is captured, to check what it prints.
 */
describeEachEngine("the seed's complete administrative user management example", (t) => {
  it("creates the user, sets a password, adds the groups, turns TOTP on and prints username, CONFIRMED and SOFTWARE_TOKEN_MFA; the next sign-in asks for SOFTWARE_TOKEN_MFA", async () => {
    const client = t().client;
    const userPoolId = await createPool(client, {
      Schema: [{ Name: "department", AttributeDataType: "String", Mutable: true }],
    });
    await client.send(
      new SetUserPoolMfaConfigCommand({
        UserPoolId: userPoolId,
        MfaConfiguration: "OPTIONAL",
        SoftwareTokenMfaConfiguration: { Enabled: true },
      }),
    );
    for (const GroupName of ["Employees", "Engineering"])
      await client.send(new CreateGroupCommand({ UserPoolId: userPoolId, GroupName }));
    const { clientId } = await createAppClient(client, userPoolId, {
      ExplicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
    });
    const printed: unknown[][] = [];
    const console = { log: (...values: unknown[]) => printed.push(values) };

    const seedAttributes = (department: string) => [
      { Name: "email", Value: "employee@company.com" },
      { Name: "name", Value: "New Employee" },
      { Name: department, Value: "Engineering" },
      { Name: "email_verified", Value: "true" },
    ];
    await rejectsWith(
      client.send(
        new AdminCreateUserCommand({
          UserPoolId: userPoolId,
          Username: "employee@company.com",
          UserAttributes: seedAttributes("department"),
          TemporaryPassword: "TempPass123!",
          MessageAction: "SUPPRESS",
        }),
      ),
      "InvalidParameterException",
      "Attributes did not conform to the schema: department: Attribute does not exist in the schema.",
    );

    // 1. Create user administratively
    const createUser = await client.send(
      new AdminCreateUserCommand({
        UserPoolId: userPoolId,
        Username: "employee@company.com",
        UserAttributes: seedAttributes("custom:department"),
        TemporaryPassword: "TempPass123!",
        MessageAction: "SUPPRESS",
      }),
    );
    assert.equal(createUser.User?.UserStatus, "FORCE_CHANGE_PASSWORD");
    // 2. Set permanent password
    await client.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: userPoolId,
        Username: "employee@company.com",
        Password: "SecurePassword123!",
        Permanent: true,
      }),
    );
    // 3. Add user to appropriate groups
    await client.send(
      new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: "employee@company.com", GroupName: "Employees" }),
    );
    await client.send(
      new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: "employee@company.com", GroupName: "Engineering" }),
    );

    // Not in the seed: the user signs in and sets up an authenticator app.
    const signedIn = await client.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: "USER_PASSWORD_AUTH",
        AuthParameters: { USERNAME: "employee@company.com", PASSWORD: "SecurePassword123!" },
      }),
    );
    const AccessToken = signedIn.AuthenticationResult?.AccessToken;
    assert.ok(AccessToken);
    const { SecretCode } = await client.send(new AssociateSoftwareTokenCommand({ AccessToken }));
    assert.ok(SecretCode);
    const authenticator = new TOTP({ secret: Secret.fromBase32(SecretCode) });
    const verified = await client.send(
      new VerifySoftwareTokenCommand({ AccessToken, UserCode: authenticator.generate({ timestamp: t().clock.now() }) }),
    );
    assert.equal(verified.Status, "SUCCESS");

    // 4. Configure MFA settings
    await client.send(
      new AdminSetUserMFAPreferenceCommand({
        Username: "employee@company.com",
        UserPoolId: userPoolId,
        SoftwareTokenMfaSettings: {
          Enabled: true,
          PreferredMfa: true,
        },
      }),
    );
    // 5. Verify user creation
    const userDetails = await client.send(
      new AdminGetUserCommand({
        UserPoolId: userPoolId,
        Username: "employee@company.com",
      }),
    );
    console.log("User created successfully:", userDetails.Username);
    console.log("User status:", userDetails.UserStatus);
    console.log("MFA enabled:", userDetails.UserMFASettingList);

    assert.deepEqual(printed, [
      ["User created successfully:", "employee@company.com"],
      ["User status:", "CONFIRMED"],
      ["MFA enabled:", ["SOFTWARE_TOKEN_MFA"]],
    ]);
    const attributes = Object.fromEntries((userDetails.UserAttributes ?? []).map((a) => [a.Name, a.Value]));
    assert.equal(attributes["custom:department"], "Engineering");
    assert.equal(userDetails.PreferredMfaSetting, "SOFTWARE_TOKEN_MFA");

    const next = await client.send(
      new AdminInitiateAuthCommand({
        UserPoolId: userPoolId,
        ClientId: clientId,
        AuthFlow: "ADMIN_USER_PASSWORD_AUTH",
        AuthParameters: { USERNAME: "employee@company.com", PASSWORD: "SecurePassword123!" },
      }),
    );
    assert.equal(next.ChallengeName, "SOFTWARE_TOKEN_MFA");
    assert.equal(next.ChallengeParameters?.USER_ID_FOR_SRP, "employee@company.com");
    t().clock.advance(30_000);
    const done = await client.send(
      new AdminRespondToAuthChallengeCommand({
        UserPoolId: userPoolId,
        ClientId: clientId,
        ChallengeName: "SOFTWARE_TOKEN_MFA",
        Session: next.Session,
        ChallengeResponses: {
          USERNAME: "employee@company.com",
          SOFTWARE_TOKEN_MFA_CODE: authenticator.generate({ timestamp: t().clock.now() }),
        },
      }),
    );
    assert.ok(done.AuthenticationResult?.AccessToken);
  });
});
