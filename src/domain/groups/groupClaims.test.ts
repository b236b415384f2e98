import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import fc from "fast-check";
import { createLogger } from "../../server/logger.js";
import { openDomain } from "../../server/startServer.js";
import type { DomainContext } from "../kernel/context.js";
import { createPool } from "../pools/pools.js";
import { userFromRecord } from "../users/user.js";
import { userKeys } from "../users/userKeys.js";
import { claimsOf, groupClaims } from "./groupClaims.js";
import { addUserToGroup, removeUserFromGroup } from "./groupMembers.js";
import { createGroup, deleteGroup, type Group, updateGroup } from "./groups.js";

const ROLE_A = "arn:aws:iam::123456789012:role/a";
const ROLE_B = "arn:aws:iam::123456789012:role/b";
const ROLE_C = "arn:aws:iam::123456789012:role/c";

function group(name: string, precedence: number | null, roleArn: string | null = null): Group {
  return { poolId: "us-east-1_claims", name, description: null, roleArn, precedence, createdAt: 0, modifiedAt: 0 };
}

describe("claimsOf", () => {
  it("gives no groups, no roles and no preferred role for a user in no group", () => {
    assert.deepEqual(claimsOf([]), { groups: [], roles: [] });
  });

  it("lists groups by ascending precedence, groups without one last, ties in name order", () => {
    const claims = claimsOf([
      group("none-b", null),
      group("ten", 10),
      group("zero", 0),
      group("none-a", null),
      group("b", 1),
      group("a", 1),
    ]);
    assert.deepEqual(claims.groups, ["zero", "a", "b", "ten", "none-a", "none-b"]);
  });

  it("orders tied names by bytes, as the store orders them", () => {
    assert.deepEqual(claimsOf([group("é", 1), group("z", 1), group("Z", 1)]).groups, ["Z", "z", "é"]);
  });

  it("lists each role once, in the order of its first group", () => {
    const claims = claimsOf([group("c", 3, ROLE_A), group("a", 1, ROLE_B), group("b", 2, ROLE_A), group("d", 4)]);
    assert.deepEqual(claims.roles, [ROLE_B, ROLE_A]);
  });

  it("prefers the role of the lowest-precedence group that has one, passing over better groups without a role", () => {
    const claims = claimsOf([group("admins", 0), group("editors", 5, ROLE_B), group("readers", 9, ROLE_C)]);
    assert.equal(claims.preferredRole, ROLE_B);
  });

  it("treats precedence 0 as the best, not as missing", () => {
    assert.equal(claimsOf([group("unset", null, ROLE_A), group("zero", 0, ROLE_B)]).preferredRole, ROLE_B);
  });

  it("prefers a group with a precedence over one without", () => {
    assert.equal(claimsOf([group("a", null, ROLE_A), group("b", 2_147_483_647, ROLE_B)]).preferredRole, ROLE_B);
  });

  it("keeps the preferred role when tied groups share it", () => {
    const claims = claimsOf([group("a", 1, ROLE_A), group("b", 1, ROLE_A), group("c", 2, ROLE_C)]);
    assert.equal(claims.preferredRole, ROLE_A);
  });

  it("leaves the preferred role unset when tied groups have different roles, though a worse group has one", () => {
    const claims = claimsOf([group("a", 1, ROLE_A), group("b", 1, ROLE_B), group("c", 2, ROLE_C)]);
    assert.equal("preferredRole" in claims, false);
    assert.deepEqual(claims.roles, [ROLE_A, ROLE_B, ROLE_C]);
  });

  it("ties groups without a precedence with each other", () => {
    assert.equal(claimsOf([group("a", null, ROLE_A), group("b", null, ROLE_A)]).preferredRole, ROLE_A);
    assert.equal("preferredRole" in claimsOf([group("a", null, ROLE_A), group("b", null, ROLE_B)]), false);
  });

  it("has no preferred role when no group has a role", () => {
    const claims = claimsOf([group("a", 1), group("b", null)]);
    assert.deepEqual(claims, { groups: ["a", "b"], roles: [] });
  });

  it("does not depend on the order the groups come in, and prefers only a best-placed role", () => {
    const arbitraryGroup = fc.record({
      precedence: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
      roleArn: fc.option(fc.constantFrom(ROLE_A, ROLE_B, ROLE_C), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(arbitraryGroup, { maxLength: 8 }), fc.infiniteStream(fc.nat()), (specs, seeds) => {
        const groups = specs.map((spec, i) => group(`g${i}`, spec.precedence, spec.roleArn));
        const shuffled = [...groups].sort(() => (seeds.next().value % 3) - 1);
        const claims = claimsOf(shuffled);
        assert.deepEqual(claims, claimsOf(groups));
        assert.deepEqual([...claims.groups].sort(), groups.map((g) => g.name).sort());
        if (claims.preferredRole !== undefined) {
          const rank = (g: Group) => g.precedence ?? Number.POSITIVE_INFINITY;
          const best = Math.min(...groups.filter((g) => g.roleArn !== null).map(rank));
          const tied = groups.filter((g) => g.roleArn !== null && rank(g) === best);
          assert.ok(tied.every((g) => g.roleArn === claims.preferredRole));
        }
      }),
    );
  });
});

describe("groupClaims", () => {
  let ctx: DomainContext;

  before(async () => {
    ctx = await openDomain({ data: ":memory:", logger: createLogger("silent"), passwordHash: "fast" });
  });

  after(async () => {
    await ctx.store.close();
  });

  it("reads the user's current groups from the store", async () => {
    const pool = await createPool(ctx, "claims", {});
    const attributes = { email: "claims@example.com" };
    const record = await ctx.store.users.insert({
      poolId: pool.id,
      username: "claimant",
      usernameKey: "claimant",
      sub: ctx.random.uuid(),
      status: "CONFIRMED",
      enabled: true,
      createdAt: 0,
      modifiedAt: 0,
      attributes,
      passwordHash: null,
      passwordExpiresAt: null,
      srpSalt: null,
      srpVerifier: null,
      keys: userKeys(pool.settings, attributes),
    });
    const user = userFromRecord(record);
    assert.deepEqual(await groupClaims(ctx, pool, user), { groups: [], roles: [] });

    await createGroup(ctx, pool.id, "editors", { precedence: 2, roleArn: ROLE_B });
    await createGroup(ctx, pool.id, "admins", { precedence: 1, roleArn: ROLE_A });
    await createGroup(ctx, pool.id, "everyone", {});
    for (const name of ["editors", "admins", "everyone"]) await addUserToGroup(ctx, pool.id, "claimant", name);
    assert.deepEqual(await groupClaims(ctx, pool, user), {
      groups: ["admins", "editors", "everyone"],
      roles: [ROLE_A, ROLE_B],
      preferredRole: ROLE_A,
    });

    // Later changes show in the next claims: a tie, a removal and a deleted group.
    // UpdateGroup replaces every setting, so the role is restated.
    await updateGroup(ctx, pool.id, "editors", { precedence: 1, roleArn: ROLE_B });
    assert.equal((await groupClaims(ctx, pool, user)).preferredRole, undefined);
    await removeUserFromGroup(ctx, pool.id, "claimant", "admins");
    assert.equal((await groupClaims(ctx, pool, user)).preferredRole, ROLE_B);
    await deleteGroup(ctx, pool.id, "editors");
    assert.deepEqual(await groupClaims(ctx, pool, user), { groups: ["everyone"], roles: [] });
  });
});
