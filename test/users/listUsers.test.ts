import assert from "node:assert/strict";
import { it } from "node:test";
import {
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  ListUsersCommand,
  type ListUsersCommandInput,
  type ListUsersCommandOutput,
  paginateListUsers,
} from "@aws-sdk/client-cognito-identity-provider";
import fc from "fast-check";
import { getPool } from "../../src/domain/pools/pools.js";
import { saveUser } from "../../src/domain/users/saveUser.js";
import type { UserStatus } from "../../src/domain/users/user.js";
import { findUser } from "../../src/domain/users/userLookup.js";
import { createPool, createUser as createUserIn, rejectsWith } from "../support/fixtures.js";
import { describeEachEngine } from "../support/testServer.js";

const PARSE_ERROR = "Error while parsing filter.";
const BAD_TOKEN = /^Invalid PaginationToken/;

describeEachEngine("ListUsers", (t) => {
  const list = (input: ListUsersCommandInput) => t().client.send(new ListUsersCommand(input));
  const names = (out: ListUsersCommandOutput) => (out.Users ?? []).map((u) => u.Username ?? "");
  const sorted = (values: string[]) => [...values].sort();

  const createUser = (poolId: string, username: string, attributes: Record<string, string> = {}) =>
    createUserIn(t().client, poolId, username, attributes);

  /** No operation sets every status yet, so the test moves users through the domain, as the operations will. */
  async function setStatus(poolId: string, username: string, status: UserStatus): Promise<void> {
    const ctx = t().server.domain;
    const pool = await getPool(ctx, poolId);
    const user = await findUser(ctx, pool, username);
    assert.ok(user);
    await saveUser(ctx, pool, user, { status });
  }

  /** Every username a filter finds, following tokens. */
  async function allNames(poolId: string, filter?: string, pageSize = 60): Promise<string[]> {
    const seen: string[] = [];
    const input = { UserPoolId: poolId, ...(filter === undefined ? {} : { Filter: filter }) };
    for await (const page of paginateListUsers({ client: t().client, pageSize }, input)) seen.push(...names(page));
    return seen;
  }

  it("lists users as UserType with every attribute, sub first, and no token after the last page", async () => {
    const poolId = await createPool(t().client);
    const sub = await createUser(poolId, "alice", { email: "alice@example.com", name: "Alice" });
    const out = await list({ UserPoolId: poolId });
    assert.equal(out.PaginationToken, undefined);
    assert.equal(out.Users?.length, 1);
    const user = out.Users?.[0];
    assert.equal(user?.Username, "alice");
    assert.equal(user?.Enabled, true);
    assert.equal(user?.UserStatus, "FORCE_CHANGE_PASSWORD");
    assert.ok(user?.UserCreateDate instanceof Date);
    assert.ok(user?.UserLastModifiedDate instanceof Date);
    assert.deepEqual(user?.Attributes, [
      { Name: "sub", Value: sub },
      { Name: "email", Value: "alice@example.com" },
      { Name: "name", Value: "Alice" },
    ]);
  });

  it("answers an empty pool with no users, and an unknown pool with ResourceNotFoundException", async () => {
    const poolId = await createPool(t().client);
    assert.deepEqual((await list({ UserPoolId: poolId })).Users, []);
    await rejectsWith(
      list({ UserPoolId: "us-east-1_000000000" }),
      "ResourceNotFoundException",
      "User pool us-east-1_000000000 does not exist.",
    );
  });

  it("an empty Filter means no filter", async () => {
    const poolId = await createPool(t().client);
    await createUser(poolId, "a");
    await createUser(poolId, "b");
    assert.deepEqual(sorted(names(await list({ UserPoolId: poolId, Filter: "" }))), ["a", "b"]);
  });

  it("filters username exactly in a case-sensitive pool, = and ^=", async () => {
    const poolId = await createPool(t().client);
    for (const name of ["Alice", "alice", "alicia", "bob"]) await createUser(poolId, name);
    assert.deepEqual(names(await list({ UserPoolId: poolId, Filter: 'username = "Alice"' })), ["Alice"]);
    assert.deepEqual(sorted(names(await list({ UserPoolId: poolId, Filter: 'username ^= "ali"' }))), ["alice", "alicia"]);
    assert.deepEqual(names(await list({ UserPoolId: poolId, Filter: 'username = "ALICE"' })), []);
  });

  it("filters username case-insensitively in a case-insensitive pool", async () => {
    const poolId = await createPool(t().client, { UsernameConfiguration: { CaseSensitive: false } });
    await createUser(poolId, "Carol");
    await createUser(poolId, "dave");
    assert.deepEqual(names(await list({ UserPoolId: poolId, Filter: 'username = "CAROL"' })), ["carol"]);
    assert.deepEqual(names(await list({ UserPoolId: poolId, Filter: 'username ^= "Ca"' })), ["carol"]);
  });

  it("filters the standard searchable attributes case-insensitively, = and ^=, and returns values as stored", async () => {
    const poolId = await createPool(t().client);
    await createUser(poolId, "u1", {
      email: "Erin.Doe@Example.com",
      phone_number: "+15555550100",
      name: "Erin Doe",
      given_name: "Erin",
      family_name: "Doe",
      preferred_username: "ErinD",
    });
    await createUser(poolId, "u2", {
      email: "erik@example.org",
      phone_number: "+442071234567",
      name: "Erik Roe",
      given_name: "Erik",
      family_name: "Roe",
      preferred_username: "erikr",
    });
    const cases: [string, string[]][] = [
      ['email = "erin.doe@EXAMPLE.COM"', ["u1"]],
      ['email ^= "ERI"', ["u1", "u2"]],
      ['email = "erin.doe@example"', []],
      ['phone_number = "+15555550100"', ["u1"]],
      ['phone_number ^= "+44"', ["u2"]],
      ['name = "erin doe"', ["u1"]],
      ['name ^= "Eri"', ["u1", "u2"]],
      ['given_name = "ERIK"', ["u2"]],
      ['family_name ^= "d"', ["u1"]],
      ['preferred_username = "erind"', ["u1"]],
      ['preferred_username ^= "ERIKR"', ["u2"]],
    ];
    for (const [filter, expected] of cases) {
      assert.deepEqual(sorted(names(await list({ UserPoolId: poolId, Filter: filter }))), expected, filter);
    }
    const found = await list({ UserPoolId: poolId, Filter: 'email = "ERIN.DOE@example.com"' });
    assert.equal(found.Users?.[0]?.Attributes?.find((a) => a.Name === "email")?.Value, "Erin.Doe@Example.com");
  });

  it("filters on sub, whatever its letter case, = and ^=", async () => {
    const poolId = await createPool(t().client);
    const sub = await createUser(poolId, "frank");
    await createUser(poolId, "grace");
    assert.deepEqual(names(await list({ UserPoolId: poolId, Filter: `sub = "${sub.toUpperCase()}"` })), ["frank"]);
    assert.deepEqual(names(await list({ UserPoolId: poolId, Filter: `sub ^= "${sub.slice(0, 13)}"` })), ["frank"]);
  });

  it("filters on cognito:user_status case-insensitively, = and ^=", async () => {
    const poolId = await createPool(t().client);
    await createUser(poolId, "new");
    await createUser(poolId, "confirmed");
    await createUser(poolId, "unconfirmed");
    await setStatus(poolId, "confirmed", "CONFIRMED");
    await setStatus(poolId, "unconfirmed", "UNCONFIRMED");
    const cases: [string, string[]][] = [
      ['cognito:user_status = "CONFIRMED"', ["confirmed"]],
      ['cognito:user_status = "force_change_password"', ["new"]],
      ['cognito:user_status ^= "Con"', ["confirmed"]],
      ['cognito:user_status ^= "u"', ["unconfirmed"]],
      ['cognito:user_status ^= ""', ["confirmed", "new", "unconfirmed"]],
      ['cognito:user_status = "ARCHIVED"', []],
      ['cognito:user_status = "nonsense"', []],
    ];
    for (const [filter, expected] of cases) {
      assert.deepEqual(sorted(names(await list({ UserPoolId: poolId, Filter: filter }))), expected, filter);
    }
  });

  it('filters on status "Enabled" / "Disabled", case-sensitively; other values find nobody', async () => {
    const poolId = await createPool(t().client);
    await createUser(poolId, "on");
    await createUser(poolId, "off");
    await t().client.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: "off" }));
    const cases: [string, string[]][] = [
      ['status = "Enabled"', ["on"]],
      ['status = "Disabled"', ["off"]],
      ['status ^= "Dis"', ["off"]],
      ['status ^= ""', ["off", "on"]],
      ['status = "enabled"', []],
      ['status = "true"', []],
    ];
    for (const [filter, expected] of cases) {
      assert.deepEqual(sorted(names(await list({ UserPoolId: poolId, Filter: filter }))), expected, filter);
    }
    const [off] = (await list({ UserPoolId: poolId, Filter: 'status = "Disabled"' })).Users ?? [];
    assert.equal(off?.Enabled, false);
  });

  it("is lenient about whitespace and reads backslash escapes in the value", async () => {
    const poolId = await createPool(t().client);
    await createUser(poolId, "q", { name: 'The "Q" \\ Branch' });
    for (const filter of ['name="the \\"q\\" \\\\ branch"', '  name   ^=   "the \\"q"  ', 'name\t=\t"the \\"q\\" \\\\ branch"']) {
      assert.deepEqual(names(await list({ UserPoolId: poolId, Filter: filter })), ["q"], filter);
    }
  });

  it("refuses a malformed filter with Cognito's parse error", async () => {
    const poolId = await createPool(t().client);
    for (const filter of [
      "foo",
      "username=",
      'email = "unterminated',
      "email = unquoted",
      'email == "a"',
      'email = "a" and name = "b"',
      'email = "a" or name = "b"',
    ]) {
      await rejectsWith(list({ UserPoolId: poolId, Filter: filter }), "InvalidParameterException", PARSE_ERROR);
    }
  });

  it("refuses an attribute that cannot be searched, naming it", async () => {
    const poolId = await createPool(t().client, {
      Schema: [{ Name: "tier", AttributeDataType: "String", Mutable: true }],
    });
    for (const attribute of ["custom:tier", "address", "email_verified", "Email"]) {
      await rejectsWith(
        list({ UserPoolId: poolId, Filter: `${attribute} = "x"` }),
        "InvalidParameterException",
        `Invalid search attribute: ${attribute}`,
      );
    }
  });

  it("refuses a Filter longer than 256 characters with the model's validation message", async () => {
    const poolId = await createPool(t().client);
    const filter = `email = "${"a".repeat(250)}"`;
    await rejectsWith(
      list({ UserPoolId: poolId, Filter: filter }),
      "InvalidParameterException",
      `1 validation error detected: Value '${filter}' at 'filter' failed to satisfy constraint: Member must have length less than or equal to 256`,
    );
  });

  it("caps pages at Limit, returns 60 without one, and refuses 0 and 61", async () => {
    const poolId = await createPool(t().client);
    const all: string[] = [];
    for (let i = 0; i < 65; i++) {
      const name = `user${String(i).padStart(2, "0")}`;
      await createUser(poolId, name, { email: `${name}@example.com` });
      all.push(name);
    }
    const firstTen = await list({ UserPoolId: poolId, Limit: 10 });
    assert.equal(firstTen.Users?.length, 10);
    assert.ok(firstTen.PaginationToken);
    const byDefault = await list({ UserPoolId: poolId });
    assert.equal(byDefault.Users?.length, 60);
    assert.ok(byDefault.PaginationToken);
    const rest = await list({ UserPoolId: poolId, PaginationToken: byDefault.PaginationToken });
    assert.equal(rest.Users?.length, 5);
    assert.equal(rest.PaginationToken, undefined);
    const exact = await list({ UserPoolId: poolId, Limit: 60, Filter: 'email ^= "user0"' });
    assert.equal(exact.Users?.length, 10);
    assert.equal(exact.PaginationToken, undefined, "no token when the page holds the last user");

    await rejectsWith(
      list({ UserPoolId: poolId, Limit: 0 }),
      "InvalidParameterException",
      "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
    await rejectsWith(
      list({ UserPoolId: poolId, Limit: 61 }),
      "InvalidParameterException",
      "1 validation error detected: Value '61' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 60",
    );

    // paginateListUsers visits every user once, with and without a filter, at several page sizes.
    for (const pageSize of [1, 7, 60]) {
      assert.deepEqual(sorted(await allNames(poolId, undefined, pageSize)), all, `page size ${pageSize}`);
      assert.deepEqual(
        sorted(await allNames(poolId, 'email ^= "user1"', pageSize)),
        all.filter((n) => n.startsWith("user1")),
        `filtered, page size ${pageSize}`,
      );
    }
  });

  it("AttributesToGet returns only the named attributes, without sub; an empty list returns none", async () => {
    const poolId = await createPool(t().client, {
      Schema: [{ Name: "tier", AttributeDataType: "String", Mutable: true }],
    });
    await createUser(poolId, "h", { email: "h@example.com", name: "H", "custom:tier": "gold" });
    const only = await list({ UserPoolId: poolId, AttributesToGet: ["email", "custom:tier"] });
    assert.deepEqual(only.Users?.[0]?.Attributes, [
      { Name: "email", Value: "h@example.com" },
      { Name: "custom:tier", Value: "gold" },
    ]);
    const none = await list({ UserPoolId: poolId, AttributesToGet: [] });
    assert.deepEqual(none.Users?.[0]?.Attributes, []);
    assert.equal(none.Users?.[0]?.Username, "h");
  });

  it("AttributesToGet refuses sub and names the pool does not have", async () => {
    const poolId = await createPool(t().client);
    await createUser(poolId, "i");
    for (const attributes of [["sub"], ["email", "sub"]]) {
      await rejectsWith(
        list({ UserPoolId: poolId, AttributesToGet: attributes }),
        "InvalidParameterException",
        "Input fails to satisfy the constraints.",
      );
    }
    for (const attributes of [["custom:nope"], ["email", "favourite_colour"]]) {
      await rejectsWith(
        list({ UserPoolId: poolId, AttributesToGet: attributes }),
        "InvalidParameterException",
        "One or more requested attributes do not exist.",
      );
    }
    await rejectsWith(
      list({ UserPoolId: poolId, AttributesToGet: ["x".repeat(33)] }),
      "InvalidParameterException",
      /at 'attributesToGet\.1\.member' failed to satisfy constraint: Member must have length less than or equal to 32/,
    );
  });

  it("refuses a forged or edited token, a token of another filter or pool, and an expired one", async () => {
    const poolId = await createPool(t().client);
    const otherPool = await createPool(t().client);
    for (const name of ["ja", "jb", "jc", "ka"]) await createUser(poolId, name, { email: `${name}@example.com` });
    const filter = 'email ^= "j"';
    const token = (await list({ UserPoolId: poolId, Filter: filter, Limit: 1 })).PaginationToken;
    assert.ok(token);

    // The token is sealed: it reveals nothing, and any change to it makes it unreadable.
    assert.doesNotMatch(Buffer.from(token, "base64url").toString("latin1"), /ja|email|users:/);
    const bytes = Buffer.from(token, "base64url");
    const flipped = Buffer.from(bytes);
    flipped[bytes.length - 1] = (flipped[bytes.length - 1] ?? 0) ^ 1;
    const moved = flipped.toString("base64url");
    const truncated = bytes.subarray(0, bytes.length - 1).toString("base64url");
    for (const forged of ["forged", moved, truncated, `${token}x`]) {
      await rejectsWith(
        list({ UserPoolId: poolId, Filter: filter, PaginationToken: forged }),
        "InvalidParameterException",
        BAD_TOKEN,
      );
    }

    await rejectsWith(
      list({ UserPoolId: poolId, Filter: 'email ^= "k"', PaginationToken: token }),
      "InvalidParameterException",
      BAD_TOKEN,
    );
    await rejectsWith(list({ UserPoolId: poolId, PaginationToken: token }), "InvalidParameterException", BAD_TOKEN);
    await rejectsWith(
      list({ UserPoolId: otherPool, Filter: filter, PaginationToken: token }),
      "InvalidParameterException",
      BAD_TOKEN,
    );

    // With the same filter and pool it resumes, whatever the Limit.
    assert.deepEqual(names(await list({ UserPoolId: poolId, Filter: filter, PaginationToken: token, Limit: 10 })), ["jb", "jc"]);

    // Tokens live an hour (reference §6).
    t().clock.advance(60 * 60 * 1000 + 1);
    await rejectsWith(
      list({ UserPoolId: poolId, Filter: filter, PaginationToken: token }),
      "InvalidParameterException",
      BAD_TOKEN,
    );
  });

  it("a token stays good when the user it stopped at is deleted", async () => {
    const poolId = await createPool(t().client);
    for (const name of ["la", "lb", "lc"]) await createUser(poolId, name);
    const first = await list({ UserPoolId: poolId, Limit: 1 });
    assert.deepEqual(names(first), ["la"]);
    await t().client.send(new AdminDeleteUserCommand({ UserPoolId: poolId, Username: "la" }));
    assert.deepEqual(names(await list({ UserPoolId: poolId, PaginationToken: first.PaginationToken })), ["lb", "lc"]);
  });

  it("property: while other users come and go between pages, every lasting user is seen exactly once", async () => {
    interface Member {
      name: string;
      email: string;
      status: UserStatus;
      enabled: boolean;
    }
    const emails = ["m@x.com", "ma@x.com", "mb@x.com", "n@x.com"];
    /** Filters with the users they select; ties in the sorted column are common, so the username key must break them. */
    const filters: { filter: string | undefined; selects: (user: Member) => boolean }[] = [
      { filter: undefined, selects: () => true },
      { filter: 'email ^= "m"', selects: (u) => u.email.startsWith("m") },
      { filter: 'email = "ma@x.com"', selects: (u) => u.email === "ma@x.com" },
      { filter: 'username ^= "b"', selects: (u) => u.name.startsWith("b") },
      { filter: 'status = "Enabled"', selects: (u) => u.enabled },
      { filter: 'status ^= ""', selects: () => true },
      { filter: 'cognito:user_status ^= ""', selects: () => true },
      { filter: 'cognito:user_status = "confirmed"', selects: (u) => u.status === "CONFIRMED" },
    ];
    const name = fc.stringMatching(/^[a-d][a-d0-9]{0,4}$/);
    const member = fc.record({
      name,
      email: fc.constantFrom(...emails),
      status: fc.constantFrom<UserStatus>("FORCE_CHANGE_PASSWORD", "CONFIRMED", "UNCONFIRMED"),
      enabled: fc.boolean(),
    });
    const change = fc.record({ create: fc.array(member, { maxLength: 3 }), deletes: fc.array(fc.nat(), { maxLength: 2 }) });
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.record({ member, lasting: fc.boolean() }), {
          selector: (u) => u.member.name,
          minLength: 1,
          maxLength: 14,
        }),
        fc.integer({ min: 0, max: filters.length - 1 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(change, { maxLength: 12 }),
        async (initial, filterIndex, limit, changes) => {
          const { filter, selects } = filters[filterIndex] as (typeof filters)[number];
          const poolId = await createPool(t().client);
          const present = new Map<string, Member>();
          // A name deleted and created again is a new user, who may be listed again.
          const creations = new Map<string, number>();
          const add = async (u: Member) => {
            creations.set(u.name, (creations.get(u.name) ?? 0) + 1);
            await createUser(poolId, u.name, { email: u.email });
            if (u.status !== "FORCE_CHANGE_PASSWORD") await setStatus(poolId, u.name, u.status);
            if (!u.enabled) await t().client.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: u.name }));
            present.set(u.name, u);
          };
          for (const u of initial) await add(u.member);
          const lasting = new Set(initial.filter((u) => u.lasting).map((u) => u.member.name));
          const seen: string[] = [];
          let token: string | undefined;
          let pages = 0;
          do {
            const out = await list({
              UserPoolId: poolId,
              Limit: limit,
              ...(filter === undefined ? {} : { Filter: filter }),
              ...(token === undefined ? {} : { PaginationToken: token }),
            });
            assert.ok((out.Users?.length ?? 0) <= limit);
            for (const listed of names(out)) {
              const known = present.get(listed);
              assert.ok(known !== undefined && selects(known), `${listed} does not match ${filter ?? "no filter"}`);
              seen.push(listed);
            }
            token = out.PaginationToken;
            // Between pages, other users are created and deleted; the lasting ones are never touched.
            const between = changes[pages];
            for (const created of between?.create ?? []) {
              if (!present.has(created.name)) await add(created);
            }
            const others = [...present.keys()].filter((n) => !lasting.has(n));
            for (const index of between?.deletes ?? []) {
              const victim = others.splice(index % Math.max(others.length, 1), 1)[0];
              if (victim === undefined) continue;
              await t().client.send(new AdminDeleteUserCommand({ UserPoolId: poolId, Username: victim }));
              present.delete(victim);
            }
            pages++;
            assert.ok(pages < 200, "paging does not end");
          } while (token !== undefined);

          for (const [n, times] of creations) {
            const listed = seen.filter((s) => s === n).length;
            assert.ok(listed <= times, `${n} was listed ${listed} times, created ${times}: ${seen.join(",")}`);
          }
          for (const n of lasting) {
            const u = present.get(n);
            if (u !== undefined && selects(u)) assert.ok(seen.includes(n), `lasting user ${n} was skipped`);
          }
        },
      ),
      { numRuns: 12 },
    );
  });
});
