import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { Secret, TOTP } from "otpauth";
import { createLogger } from "../../server/logger.js";
import { openDomain } from "../../server/startServer.js";
import { optimistically } from "../kernel/atomically.js";
import type { DomainContext } from "../kernel/context.js";
import { ManualClock } from "../kernel/runtime.js";
import { poolMfaFactors } from "../pools/poolMfa.js";
import { createPool, type Pool, setPoolMfaConfig } from "../pools/pools.js";
import { type User, userFromRecord } from "../users/user.js";
import { userKeys } from "../users/userKeys.js";
import { acceptSoftwareTokenCode, associateSoftwareToken, softwareTokenDeviceName, verifySoftwareToken } from "./totp.js";

/**
 * The sign-in side of TOTP, as the challenge engine calls it: with a user,
 * no access token. (The API side is tested through the SDK in test/mfa.)
 */
describe("acceptSoftwareTokenCode", () => {
  const clock = new ManualClock(1_800_000_000_000);
  let ctx: DomainContext;
  let pool: Pool;
  let serial = 0;

  const codeAt = (secret: string, time: number) => new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: time });
  const reread = async (user: User) => {
    const record = await ctx.store.users.find(pool.id, { by: "sub", value: user.sub });
    assert.ok(record);
    return userFromRecord(record);
  };

  /** A user with a verified software token: the user as stored, and the secret. */
  async function enrolled(): Promise<{ user: User; secret: string }> {
    const name = `totp-${++serial}`;
    const record = await ctx.store.users.insert({
      poolId: pool.id,
      username: name,
      usernameKey: name,
      sub: ctx.random.uuid(),
      status: "CONFIRMED",
      enabled: true,
      createdAt: 0,
      modifiedAt: 0,
      attributes: {},
      passwordHash: null,
      srpSalt: null,
      srpVerifier: null,
      passwordExpiresAt: null,
      keys: userKeys(pool.settings, {}),
    });
    const fresh = userFromRecord(record);
    const secret = await associateSoftwareToken(ctx, pool, fresh);
    // A step before the tests' own, so the enrolment code is not the one they use.
    clock.advance(-60_000);
    const user = await verifySoftwareToken(ctx, pool, await reread(fresh), codeAt(secret, clock.now()), "phone");
    clock.advance(60_000);
    return { user, secret };
  }

  before(async () => {
    ctx = await openDomain({ data: ":memory:", logger: createLogger("silent"), passwordHash: "fast", clock });
    pool = await createPool(ctx, "totp", {});
    pool = await setPoolMfaConfig(ctx, pool.id, {
      MfaConfiguration: "OPTIONAL",
      SoftwareTokenMfaConfiguration: { Enabled: true },
    });
    assert.ok(poolMfaFactors(pool.settings).SoftwareTokenMfa);
  });

  after(async () => {
    await ctx.store.close();
  });

  it("accepts the current code once and refuses it the second time", async () => {
    const { user, secret } = await enrolled();
    const code = codeAt(secret, clock.now());
    const accepted = await acceptSoftwareTokenCode(ctx, pool, user, code);
    assert.ok(typeof accepted === "object");
    assert.equal(await acceptSoftwareTokenCode(ctx, pool, accepted, code), "used");
  });

  it("refuses a code older than one already accepted", async () => {
    const { user, secret } = await enrolled();
    const accepted = await acceptSoftwareTokenCode(ctx, pool, user, codeAt(secret, clock.now() + 30_000));
    assert.ok(typeof accepted === "object");
    assert.equal(await acceptSoftwareTokenCode(ctx, pool, accepted, codeAt(secret, clock.now())), "used");
  });

  it("lets exactly one of two concurrent uses of a code through, the other seeing it used on its re-read", async () => {
    const { user, secret } = await enrolled();
    const code = codeAt(secret, clock.now());
    const attempt = () => optimistically(async () => acceptSoftwareTokenCode(ctx, pool, await reread(user), code));
    const outcomes = await Promise.all([attempt(), attempt(), attempt()]);
    assert.equal(outcomes.filter((o) => typeof o === "object").length, 1);
    assert.deepEqual(
      outcomes.filter((o) => typeof o === "string"),
      ["used", "used"],
    );
  });

  it("refuses a wrong code and one two steps away", async () => {
    const { user, secret } = await enrolled();
    const right = codeAt(secret, clock.now());
    assert.equal(await acceptSoftwareTokenCode(ctx, pool, user, right === "000000" ? "111111" : "000000"), "wrong");
    assert.equal(await acceptSoftwareTokenCode(ctx, pool, user, codeAt(secret, clock.now() + 60_000)), "wrong");
  });

  it("gives the FriendlyDeviceName the token was verified with", async () => {
    const { user } = await enrolled();
    assert.equal(softwareTokenDeviceName(user), "phone");
  });
});
