import assert from "node:assert/strict";
import { it } from "node:test";
import type { ListedUser, UserKeys, UserRecord } from "../../src/store/records.js";
import { describeEachStore } from "../support/storeContract.js";
import { existingRows, newUser, noKeys } from "../support/storeFixtures.js";

describeEachStore("store contract: users.list", (s) => {
  const { existingPool } = existingRows(s);

  /** A pool holding one user per username key, each with the given keys and enabled flag. */
  async function poolWith(users: { key: string; keys?: Partial<UserKeys>; enabled?: boolean }[]): Promise<string> {
    const poolId = await existingPool();
    for (const u of users) {
      await s().users.insert(newUser(poolId, { usernameKey: u.key, keys: noKeys(u.keys), enabled: u.enabled ?? true }));
    }
    return poolId;
  }

  const keysOf = (users: UserRecord[]) => users.map((u) => u.usernameKey);

  it("without a filter lists users ordered by username key", async () => {
    const poolId = await poolWith([{ key: "carol" }, { key: "alice" }, { key: "bob" }]);
    assert.deepEqual(keysOf(await s().users.list({ poolId, limit: 10 })), ["alice", "bob", "carol"]);
  });

  it("orders username keys by code point, not by locale", async () => {
    const poolId = await poolWith([{ key: "zoë" }, { key: "Zed" }, { key: "zoe" }, { key: "😀" }, { key: "ａ" }]);
    assert.deepEqual(keysOf(await s().users.list({ poolId, limit: 10 })), ["Zed", "zoe", "zoë", "ａ", "😀"]);
  });

  it("without a filter, after resumes strictly after that username key", async () => {
    const poolId = await poolWith([{ key: "alice" }, { key: "bob" }, { key: "carol" }]);
    const page = await s().users.list({ poolId, after: { sortValue: "alice", usernameKey: "alice" }, limit: 10 });
    assert.deepEqual(keysOf(page), ["bob", "carol"]);
  });

  it("without a filter, the limit caps the page", async () => {
    const poolId = await poolWith([{ key: "alice" }, { key: "bob" }, { key: "carol" }]);
    assert.deepEqual(keysOf(await s().users.list({ poolId, limit: 2 })), ["alice", "bob"]);
  });

  it("lists only the named pool's users", async () => {
    const poolId = await poolWith([{ key: "alice", keys: { email: "a@example.com" } }]);
    await poolWith([{ key: "bob", keys: { email: "a@example.com" } }]);
    assert.deepEqual(keysOf(await s().users.list({ poolId, limit: 10 })), ["alice"]);
    const filtered = await s().users.list({
      poolId,
      filter: { column: "email", op: "equals", values: ["a@example.com"] },
      limit: 10,
    });
    assert.deepEqual(keysOf(filtered), ["alice"]);
  });

  it("an equals filter returns exactly the users with that value", async () => {
    const poolId = await poolWith([
      { key: "alice", keys: { email: "a@example.com" } },
      { key: "bob", keys: { email: "a@example.com.au" } },
      { key: "carol", keys: { email: "a@example.co" } },
      { key: "dave" },
    ]);
    const page = await s().users.list({
      poolId,
      filter: { column: "email", op: "equals", values: ["a@example.com"] },
      limit: 10,
    });
    assert.deepEqual(keysOf(page), ["alice"]);
  });

  it("an equals filter matches non-ASCII and emoji values exactly", async () => {
    const poolId = await poolWith([
      { key: "u1", keys: { givenName: "zoë" } },
      { key: "u2", keys: { givenName: "zoe" } },
      { key: "u3", keys: { givenName: "😀" } },
      { key: "u4", keys: { givenName: "😁" } },
    ]);
    const zoe = await s().users.list({ poolId, filter: { column: "given_name", op: "equals", values: ["zoë"] }, limit: 10 });
    const grin = await s().users.list({ poolId, filter: { column: "given_name", op: "equals", values: ["😀"] }, limit: 10 });
    assert.deepEqual(keysOf(zoe), ["u1"]);
    assert.deepEqual(keysOf(grin), ["u3"]);
  });

  it("a prefix filter returns the users whose value starts with it, the prefix itself included", async () => {
    const poolId = await poolWith([
      { key: "u1", keys: { familyName: "jo" } },
      { key: "u2", keys: { familyName: "joe" } },
      { key: "u3", keys: { familyName: "jones" } },
      { key: "u4", keys: { familyName: "j" } },
      { key: "u5", keys: { familyName: "ajo" } },
    ]);
    const page = await s().users.list({ poolId, filter: { column: "family_name", op: "prefix", values: ["jo"] }, limit: 10 });
    assert.deepEqual(keysOf(page), ["u1", "u2", "u3"]);
  });

  it("a prefix filter does not match a longer string that does not start with it", async () => {
    const poolId = await poolWith([
      { key: "u1", keys: { name: "jonathan" } },
      { key: "u2", keys: { name: "jonb" } },
      { key: "u3", keys: { name: "jpa" } },
      { key: "u4", keys: { name: "jon" } },
    ]);
    const page = await s().users.list({ poolId, filter: { column: "name", op: "prefix", values: ["jona"] }, limit: 10 });
    assert.deepEqual(keysOf(page), ["u1"]);
  });

  it("a prefix filter takes % and _ literally", async () => {
    const poolId = await poolWith([
      { key: "u1", keys: { preferredUsername: "a_%b" } },
      { key: "u2", keys: { preferredUsername: "axyb" } },
      { key: "u3", keys: { preferredUsername: "a_%" } },
    ]);
    const page = await s().users.list({
      poolId,
      filter: { column: "preferred_username", op: "prefix", values: ["a_%"] },
      limit: 10,
    });
    assert.deepEqual(keysOf(page), ["u3", "u1"]);
  });

  it("a non-ASCII prefix matches only values starting with it", async () => {
    const poolId = await poolWith([
      { key: "u1", keys: { name: "zoë" } },
      { key: "u2", keys: { name: "zoe" } },
      { key: "u3", keys: { name: "zoëlle" } },
      { key: "u4", keys: { name: "zoé" } },
    ]);
    const page = await s().users.list({ poolId, filter: { column: "name", op: "prefix", values: ["zoë"] }, limit: 10 });
    assert.deepEqual(keysOf(page), ["u1", "u3"]);
  });

  it("an emoji prefix matches values starting with it but not a neighbouring emoji", async () => {
    const poolId = await poolWith([
      { key: "u1", keys: { name: "😀" } },
      { key: "u2", keys: { name: "😀 party" } },
      { key: "u3", keys: { name: "😁" } },
      { key: "u4", keys: { name: "😀😀" } },
    ]);
    const page = await s().users.list({ poolId, filter: { column: "name", op: "prefix", values: ["😀"] }, limit: 10 });
    assert.deepEqual(keysOf(page), ["u1", "u2", "u4"]);
  });

  it("a prefix matches values continuing past U+FFFF, in UTF-8 byte order", async () => {
    const poolId = await poolWith([
      { key: "u1", keys: { email: "ann😀@example.com" } },
      { key: "u2", keys: { email: "ann\uffff@example.com" } },
      { key: "u3", keys: { email: "anm@example.com" } },
    ]);
    const page = await s().users.list({ poolId, filter: { column: "email", op: "prefix", values: ["ann"] }, limit: 10 });
    assert.deepEqual(keysOf(page), ["u2", "u1"]);
  });

  it("a prefix matches a value continuing with the highest code point, U+10FFFF", async () => {
    const poolId = await poolWith([
      { key: "u1", keys: { name: "max\u{10FFFF}" } },
      { key: "u2", keys: { name: "max\u{10FFFF}\u{10FFFF}x" } },
      { key: "u3", keys: { name: "may" } },
    ]);
    const page = await s().users.list({ poolId, filter: { column: "name", op: "prefix", values: ["max"] }, limit: 10 });
    assert.deepEqual(keysOf(page), ["u1", "u2"]);
  });

  it("a prefix ending in U+D7FF does not match the next character, U+E000", async () => {
    const poolId = await poolWith([
      { key: "u1", keys: { name: "a\uD7FF" } },
      { key: "u2", keys: { name: "a\uD7FFz" } },
      { key: "u3", keys: { name: "a\uE000" } },
    ]);
    const page = await s().users.list({ poolId, filter: { column: "name", op: "prefix", values: ["a\uD7FF"] }, limit: 10 });
    assert.deepEqual(keysOf(page), ["u1", "u2"]);
  });

  it("an in filter returns the users with any of the values", async () => {
    const poolId = await poolWith([
      { key: "u1", keys: { phoneNumber: "+15555550101" } },
      { key: "u2", keys: { phoneNumber: "+15555550102" } },
      { key: "u3", keys: { phoneNumber: "+15555550103" } },
      { key: "u4" },
    ]);
    const page = await s().users.list({
      poolId,
      filter: { column: "phone_number", op: "in", values: ["+15555550103", "+15555550101", "+15555550999"] },
      limit: 10,
    });
    assert.deepEqual(keysOf(page), ["u1", "u3"]);
  });

  it('the enabled filter takes "1" for enabled users', async () => {
    const poolId = await poolWith([
      { key: "on", enabled: true },
      { key: "off", enabled: false },
    ]);
    const page = await s().users.list({ poolId, filter: { column: "enabled", op: "equals", values: ["1"] }, limit: 10 });
    assert.deepEqual(keysOf(page), ["on"]);
  });

  it('the enabled filter takes "0" for disabled users', async () => {
    const poolId = await poolWith([
      { key: "on", enabled: true },
      { key: "off", enabled: false },
    ]);
    const page = await s().users.list({ poolId, filter: { column: "enabled", op: "equals", values: ["0"] }, limit: 10 });
    assert.deepEqual(keysOf(page), ["off"]);
  });

  it("a filter orders by the filtered value, then by username key", async () => {
    const poolId = await poolWith([
      { key: "a", keys: { email: "z@example.com" } },
      { key: "b", keys: { email: "y@example.com" } },
      { key: "c", keys: { email: "y@example.com" } },
      { key: "d", keys: { email: "x@example.com" } },
    ]);
    const page = await s().users.list({ poolId, filter: { column: "email", op: "prefix", values: [""] }, limit: 10 });
    assert.deepEqual(keysOf(page), ["d", "b", "c", "a"]);
  });

  it("with a filter, after resumes strictly after (value, username key)", async () => {
    const poolId = await poolWith([
      { key: "a", keys: { email: "z@example.com" } },
      { key: "b", keys: { email: "y@example.com" } },
      { key: "c", keys: { email: "y@example.com" } },
      { key: "d", keys: { email: "x@example.com" } },
    ]);
    const page = await s().users.list({
      poolId,
      filter: { column: "email", op: "prefix", values: [""] },
      after: { sortValue: "y@example.com", usernameKey: "b" },
      limit: 10,
    });
    assert.deepEqual(keysOf(page), ["c", "a"]);
  });

  it("with the enabled filter, after resumes in (enabled, username key) order", async () => {
    const poolId = await poolWith([
      { key: "a", enabled: true },
      { key: "b", enabled: false },
      { key: "c", enabled: true },
      { key: "d", enabled: false },
    ]);
    const page = await s().users.list({
      poolId,
      filter: { column: "enabled", op: "in", values: ["0", "1"] },
      after: { sortValue: "0", usernameKey: "d" },
      limit: 10,
    });
    assert.deepEqual(keysOf(page), ["a", "c"]);
  });

  it("with a filter, the limit caps the page", async () => {
    const poolId = await poolWith([{ key: "a" }, { key: "b" }, { key: "c" }]);
    const page = await s().users.list({ poolId, filter: { column: "status", op: "equals", values: ["CONFIRMED"] }, limit: 2 });
    assert.deepEqual(keysOf(page), ["a", "b"]);
  });

  it("paging with after and limit visits every filtered user exactly once", async () => {
    const poolId = await poolWith(
      ["e", "a", "d", "b", "c", "f"].map((key, i) => ({
        key,
        keys: { email: i % 2 === 0 ? "even@example.com" : "odd@example.com" },
      })),
    );
    const filter = { column: "email" as const, op: "prefix" as const, values: [""] };
    const seen: string[] = [];
    let page = await s().users.list({ poolId, filter, limit: 2 });
    while (page.length > 0) {
      seen.push(...keysOf(page));
      const last = page[page.length - 1] as ListedUser;
      page = await s().users.list({
        poolId,
        filter,
        after: { sortValue: last.sortValue, usernameKey: last.usernameKey },
        limit: 2,
      });
    }
    assert.deepEqual(seen, ["c", "d", "e", "a", "b", "f"]);
  });
});
