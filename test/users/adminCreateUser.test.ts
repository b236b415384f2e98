import assert from "node:assert/strict";
import { it } from "node:test";
import {
  AdminCreateUserCommand,
  type AdminCreateUserCommandInput,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { attributesOf, createPool, createUser, rejectsWith } from "../support/fixtures.js";
import { outbox } from "../support/selfService.js";
import { describeEachEngine } from "../support/testServer.js";

describeEachEngine("AdminCreateUser", (t) => {
  it("creates an enabled user in FORCE_CHANGE_PASSWORD and returns the whole UserType", async () => {
    const poolId = await createPool(t().client);
    const { User: user } = await t().client.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: "newuser",
        UserAttributes: [
          { Name: "email", Value: "newuser@example.com" },
          { Name: "name", Value: "New User" },
          { Name: "email_verified", Value: "true" },
        ],
        TemporaryPassword: "TempPass123!",
        MessageAction: "SUPPRESS",
      }),
    );
    assert.equal(user?.Username, "newuser");
    assert.equal(user?.Enabled, true);
    assert.equal(user?.UserStatus, "FORCE_CHANGE_PASSWORD");
    assert.deepEqual(
      user?.Attributes?.map((a) => a.Name),
      ["sub", "email", "name", "email_verified"],
    );
    assert.ok(user?.UserCreateDate instanceof Date);
    assert.deepEqual(user?.UserCreateDate, user?.UserLastModifiedDate);
  });

  it("refuses a username that exists, and the refused request changes nothing", async () => {
    const poolId = await createPool(t().client);
    await t().client.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: "dup",
        UserAttributes: [{ Name: "name", Value: "First" }],
        MessageAction: "SUPPRESS",
      }),
    );
    await rejectsWith(
      t().client.send(
        new AdminCreateUserCommand({
          UserPoolId: poolId,
          Username: "dup",
          UserAttributes: [{ Name: "name", Value: "Second" }],
          MessageAction: "SUPPRESS",
        }),
      ),
      "UsernameExistsException",
      "User account already exists",
    );
    const user = await t().client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: "dup" }));
    assert.equal(user.UserAttributes?.find((a) => a.Name === "name")?.Value, "First");
  });

  it("answers bad input with InvalidParameterException naming the field, and creates no user", async () => {
    const poolId = await createPool(t().client);
    await rejectsWith(
      t().client.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: "has space", MessageAction: "SUPPRESS" })),
      "InvalidParameterException",
      /at 'username' failed to satisfy constraint: Member must satisfy regular expression pattern/,
    );
    await rejectsWith(
      t().client.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: "x", MessageAction: "DELETE" as never })),
      "InvalidParameterException",
      "1 validation error detected: Value 'DELETE' at 'messageAction' failed to satisfy constraint: Member must satisfy enum value set: [RESEND, SUPPRESS]",
    );
    await rejectsWith(
      t().client.send(
        new AdminCreateUserCommand({
          UserPoolId: poolId,
          Username: "x",
          UserAttributes: [{ Name: "custom:nope", Value: "1" }],
          MessageAction: "SUPPRESS",
        }),
      ),
      "InvalidParameterException",
      "Attributes did not conform to the schema: custom:nope: Attribute does not exist in the schema.",
    );
    await rejectsWith(
      t().client.send(
        new AdminCreateUserCommand({ UserPoolId: poolId, Username: "x", TemporaryPassword: "short", MessageAction: "SUPPRESS" }),
      ),
      "InvalidPasswordException",
      "Password did not conform with password policy: Password not long enough",
    );
    await rejectsWith(t().client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: "x" })), "UserNotFoundException");
  });

  it("lets exactly one of 50 concurrent creates of one username succeed", async () => {
    const poolId = await createPool(t().client);
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () =>
        t().client.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: "racer", MessageAction: "SUPPRESS" })),
      ),
    );
    const fulfilled = results.filter((r) => r.status === "fulfilled");
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    assert.equal(fulfilled.length, 1);
    assert.equal(rejected.length, 49);
    for (const r of rejected) assert.equal((r.reason as Error).name, "UsernameExistsException");
  });

  const create = (input: Partial<AdminCreateUserCommandInput> & { UserPoolId: string; Username: string }) =>
    t().client.send(new AdminCreateUserCommand(input));
  const getUserNamed = (poolId: string, username: string) =>
    t().client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: username }));

  it("sends the invitation by SMS when no medium is named, with a generated policy-compliant password", async () => {
    const poolId = await createPool(t().client);
    await create({ UserPoolId: poolId, Username: "sms-user", UserAttributes: [{ Name: "phone_number", Value: "+14325551212" }] });
    const [message] = await outbox(t(), poolId);
    assert.equal(message?.deliveryMedium, "SMS");
    assert.equal(message?.destination, "+14325551212");
    assert.equal(message?.subject, null);
    const password = /temporary password is (\S+)\. $/.exec(message?.body ?? "")?.[1] ?? "";
    assert.match(message?.body ?? "", /^Your username is sms-user and temporary password is /);
    assert.ok(
      password.length >= 8 &&
        /[A-Z]/.test(password) &&
        /[a-z]/.test(password) &&
        /\d/.test(password) &&
        /[^A-Za-z0-9]/.test(password),
    );
  });

  it("renders the pool's invitation template with {username} and {####}, to every requested medium", async () => {
    const poolId = await createPool(t().client, {
      AdminCreateUserConfig: {
        InviteMessageTemplate: {
          EmailSubject: "Welcome aboard",
          EmailMessage: "Hi {username}, your code is {####}",
          SMSMessage: "{username}: {####}",
        },
      },
    });
    await create({
      UserPoolId: poolId,
      Username: "both",
      TemporaryPassword: "Temp-Passw0rd!",
      DesiredDeliveryMediums: ["EMAIL", "SMS"],
      UserAttributes: [
        { Name: "email", Value: "both@example.com" },
        { Name: "phone_number", Value: "+15550001111" },
      ],
    });
    const messages = await outbox(t(), poolId);
    assert.deepEqual(
      messages.map((m) => [m.deliveryMedium, m.destination, m.subject, m.body]),
      [
        ["EMAIL", "both@example.com", "Welcome aboard", "Hi both, your code is Temp-Passw0rd!"],
        ["SMS", "+15550001111", null, "both: Temp-Passw0rd!"],
      ],
    );
  });

  it("refuses a medium the request names when the user lacks its contact, unless messages are suppressed", async () => {
    const poolId = await createPool(t().client);
    await rejectsWith(
      create({ UserPoolId: poolId, Username: "no-mail", DesiredDeliveryMediums: ["EMAIL"] }),
      "InvalidParameterException",
      "No email provided but desired delivery medium was Email",
    );
    await rejectsWith(
      create({ UserPoolId: poolId, Username: "no-phone", DesiredDeliveryMediums: ["SMS"] }),
      "InvalidParameterException",
      "No phone number provided but desired delivery medium was SMS",
    );
    await rejectsWith(
      create({
        UserPoolId: poolId,
        Username: "half",
        DesiredDeliveryMediums: ["EMAIL", "SMS"],
        UserAttributes: [{ Name: "email", Value: "half@example.com" }],
      }),
      "InvalidParameterException",
      "No phone number provided but desired delivery medium was SMS",
    );
    await create({ UserPoolId: poolId, Username: "quiet", MessageAction: "SUPPRESS", DesiredDeliveryMediums: ["EMAIL"] });
    assert.deepEqual(await outbox(t(), poolId), []);
    await rejectsWith(getUserNamed(poolId, "no-mail"), "UserNotFoundException");
  });

  it("creates a user from nothing but UserPoolId and Username, sending nothing where there is nowhere to send it", async () => {
    const poolId = await createPool(t().client);
    const { User: user } = await create({ UserPoolId: poolId, Username: "bare" });
    assert.equal(user?.UserStatus, "FORCE_CHANGE_PASSWORD");
    assert.deepEqual(
      user?.Attributes?.map((a) => a.Name),
      ["sub"],
    );
    // The default medium is SMS: a user with only an email gets no invitation either.
    await create({ UserPoolId: poolId, Username: "mail-only", UserAttributes: [{ Name: "email", Value: "m@example.com" }] });
    assert.deepEqual(await outbox(t(), poolId), []);
    assert.equal((await getUserNamed(poolId, "bare")).Username, "bare");
  });

  it("resends the invitation with a new temporary password to a user who has not signed in", async () => {
    const poolId = await createPool(t().client);
    const attrs = [{ Name: "email", Value: "again@example.com" }];
    await create({
      UserPoolId: poolId,
      Username: "again",
      UserAttributes: attrs,
      DesiredDeliveryMediums: ["EMAIL"],
      TemporaryPassword: "First-Passw0rd!",
    });
    t().clock.advance(60_000);
    const { User } = await create({
      UserPoolId: poolId,
      Username: "again",
      MessageAction: "RESEND",
      DesiredDeliveryMediums: ["EMAIL"],
      TemporaryPassword: "Second-Passw0rd!",
    });
    assert.equal(User?.Username, "again");
    assert.equal(User?.UserStatus, "FORCE_CHANGE_PASSWORD");
    assert.deepEqual(
      (await outbox(t(), poolId)).map((m) => m.body),
      [
        "Your username is again and temporary password is First-Passw0rd!. ",
        "Your username is again and temporary password is Second-Passw0rd!. ",
      ],
    );
  });

  it("refuses RESEND for an unknown user and for a user past FORCE_CHANGE_PASSWORD", async () => {
    const poolId = await createPool(t().client);
    await rejectsWith(
      create({ UserPoolId: poolId, Username: "nobody", MessageAction: "RESEND" }),
      "UserNotFoundException",
      "User does not exist.",
    );
    await createUser(t().client, poolId, "settled");
    await t().client.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: poolId,
        Username: "settled",
        Password: "Settled-Passw0rd!",
        Permanent: true,
      }),
    );
    await rejectsWith(
      create({ UserPoolId: poolId, Username: "settled", MessageAction: "RESEND", DesiredDeliveryMediums: ["EMAIL"] }),
      "UnsupportedUserStateException",
      "Resend not possible. settled status is not FORCE_CHANGE_PASSWORD",
    );
  });

  it("accepts ValidationData and ClientMetadata, and sets immutable and developer-only attributes at creation", async () => {
    const poolId = await createPool(t().client, {
      Schema: [
        { Name: "tenant", AttributeDataType: "String", Mutable: false },
        { Name: "internal", AttributeDataType: "String", DeveloperOnlyAttribute: true },
        { Name: "email", AttributeDataType: "String", Required: true, Mutable: true },
      ],
    });
    await create({
      UserPoolId: poolId,
      Username: "meta",
      MessageAction: "SUPPRESS",
      ValidationData: [{ Name: "invite", Value: "abc" }],
      ClientMetadata: { source: "test" },
      UserAttributes: [
        { Name: "custom:tenant", Value: "acme" },
        { Name: "dev:custom:internal", Value: "x" },
      ],
    });
    const attributes = await attributesOf(t().client, poolId, "meta");
    assert.equal(attributes["custom:tenant"], "acme");
    assert.equal(attributes["dev:custom:internal"], "x");
    assert.equal(attributes.email, undefined, "required attributes are not enforced on AdminCreateUser");
  });

  it("refuses email_verified without an email", async () => {
    const poolId = await createPool(t().client);
    await rejectsWith(
      create({
        UserPoolId: poolId,
        Username: "flag",
        MessageAction: "SUPPRESS",
        UserAttributes: [{ Name: "email_verified", Value: "true" }],
      }),
      "InvalidParameterException",
      "Email is required to verify/un-verify an email",
    );
  });

  it("in an email-as-username pool, makes the sub the username and the email its sign-in name", async () => {
    const poolId = await createPool(t().client, { UsernameAttributes: ["email"] });
    const { User } = await create({ UserPoolId: poolId, Username: "Erin@Example.com", MessageAction: "SUPPRESS" });
    const sub = User?.Attributes?.find((a) => a.Name === "sub")?.Value;
    assert.equal(User?.Username, sub);
    assert.equal(User?.Attributes?.find((a) => a.Name === "email")?.Value, "Erin@Example.com");
    assert.equal(
      (await t().client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: "Erin@Example.com" }))).Username,
      sub,
    );
    await rejectsWith(
      create({ UserPoolId: poolId, Username: "Erin@Example.com", MessageAction: "SUPPRESS" }),
      "UsernameExistsException",
      "An account with the given email already exists.",
    );
    await rejectsWith(
      create({ UserPoolId: poolId, Username: "erin", MessageAction: "SUPPRESS" }),
      "InvalidParameterException",
      "Username should be an email.",
    );
    await rejectsWith(
      create({
        UserPoolId: poolId,
        Username: "x@example.com",
        MessageAction: "SUPPRESS",
        UserAttributes: [{ Name: "email", Value: "y@example.com" }],
      }),
      "InvalidParameterException",
      "User email should be empty or same as username, since username attribute is email.",
    );
  });

  it("in an email-alias pool, refuses email-shaped usernames and verified aliases held by another user", async () => {
    const poolId = await createPool(t().client, { AliasAttributes: ["email"] });
    await rejectsWith(
      create({ UserPoolId: poolId, Username: "a@example.com", MessageAction: "SUPPRESS" }),
      "InvalidParameterException",
      "Username cannot be of email format, since user pool is configured for email alias.",
    );
    const verified = [
      { Name: "email", Value: "shared@example.com" },
      { Name: "email_verified", Value: "true" },
    ];
    await create({ UserPoolId: poolId, Username: "first", MessageAction: "SUPPRESS", UserAttributes: verified });
    await rejectsWith(
      create({ UserPoolId: poolId, Username: "second", MessageAction: "SUPPRESS", UserAttributes: verified }),
      "AliasExistsException",
      "An account with the email already exists.",
    );
    await create({
      UserPoolId: poolId,
      Username: "unverified",
      MessageAction: "SUPPRESS",
      UserAttributes: [{ Name: "email", Value: "shared@example.com" }],
    });
  });

  it("answers a username and an alias both taken with UsernameExistsException, on every engine", async () => {
    const poolId = await createPool(t().client, { AliasAttributes: ["email"] });
    const verified = [
      { Name: "email", Value: "both@example.com" },
      { Name: "email_verified", Value: "true" },
    ];
    await create({ UserPoolId: poolId, Username: "both", MessageAction: "SUPPRESS", UserAttributes: verified });
    await rejectsWith(
      create({ UserPoolId: poolId, Username: "both", MessageAction: "SUPPRESS", UserAttributes: verified }),
      "UsernameExistsException",
      "User account already exists",
    );
  });

  it("moves a verified alias with ForceAliasCreation and unverifies it on the previous holder", async () => {
    const poolId = await createPool(t().client, { AliasAttributes: ["email"] });
    const verified = [
      { Name: "email", Value: "moved@example.com" },
      { Name: "email_verified", Value: "true" },
    ];
    await create({ UserPoolId: poolId, Username: "before", MessageAction: "SUPPRESS", UserAttributes: verified });
    await create({
      UserPoolId: poolId,
      Username: "after",
      MessageAction: "SUPPRESS",
      UserAttributes: verified,
      ForceAliasCreation: true,
    });
    assert.equal((await attributesOf(t().client, poolId, "before")).email_verified, "false");
    assert.equal(
      (await t().client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: "moved@example.com" }))).Username,
      "after",
    );
  });

  it("in a case-insensitive pool, stores the username in lower case and finds it in any case", async () => {
    const poolId = await createPool(t().client, { UsernameConfiguration: { CaseSensitive: false } });
    const { User } = await create({ UserPoolId: poolId, Username: "MixedCase", MessageAction: "SUPPRESS" });
    assert.equal(User?.Username, "mixedcase");
    assert.equal(
      (await t().client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: "MIXEDCASE" }))).Username,
      "mixedcase",
    );
    await rejectsWith(
      create({ UserPoolId: poolId, Username: "mixedCASE", MessageAction: "SUPPRESS" }),
      "UsernameExistsException",
    );
  });

  it("in a case-sensitive pool (the API default), keeps usernames that differ only in case apart", async () => {
    const poolId = await createPool(t().client);
    await create({ UserPoolId: poolId, Username: "Same", MessageAction: "SUPPRESS" });
    await create({ UserPoolId: poolId, Username: "same", MessageAction: "SUPPRESS" });
    await rejectsWith(
      t().client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: "SAME" })),
      "UserNotFoundException",
    );
  });
});
