import assert from "node:assert/strict";
import { it } from "node:test";
import { ListGroupsCommand, type ListGroupsCommandInput, paginateListGroups } from "@aws-sdk/client-cognito-identity-provider";
import { createPool, rejectsWith } from "../support/fixtures.js";
import { describeEachEngine } from "../support/testServer.js";
import { createGroup, numbered, ROLE_A, seedGroups } from "./fixtures.js";

const BAD_TOKEN = /^Invalid NextToken/;

describeEachEngine("ListGroups", (t) => {
  const list = (input: ListGroupsCommandInput) => t().client.send(new ListGroupsCommand(input));

  async function allNames(poolId: string, pageSize: number): Promise<{ names: string[]; pages: number }> {
    const names: string[] = [];
    let pages = 0;
    for await (const page of paginateListGroups({ client: t().client, pageSize }, { UserPoolId: poolId })) {
      pages++;
      names.push(...(page.Groups ?? []).map((g) => g.GroupName ?? ""));
    }
    return { names, pages };
  }

  it("lists every group as GroupType, in name order, over more than one page", async () => {
    const poolId = await createPool(t().client);
    const names = numbered("group", 75);
    await seedGroups(t(), poolId, [...names].reverse());
    assert.deepEqual(await allNames(poolId, 60), { names, pages: 2 });
    assert.deepEqual(await allNames(poolId, 7), { names, pages: 11 });
  });

  it("answers without a token when everything fits, 60 groups when Limit is omitted", async () => {
    const poolId = await createPool(t().client);
    await seedGroups(t(), poolId, numbered("g", 61));
    const first = await list({ UserPoolId: poolId });
    assert.equal(first.Groups?.length, 60);
    assert.ok(first.NextToken);
    const second = await list({ UserPoolId: poolId, NextToken: first.NextToken });
    assert.deepEqual(
      second.Groups?.map((g) => g.GroupName),
      ["g-060"],
    );
    assert.equal(second.NextToken, undefined);
  });

  it("returns each group with its members, as GetGroup does", async () => {
    const poolId = await createPool(t().client);
    const created = await createGroup(t().client, poolId, "full", { Description: "d", RoleArn: ROLE_A, Precedence: 3 });
    assert.deepEqual((await list({ UserPoolId: poolId })).Groups, [created]);
  });

  it("answers a pool without groups with an empty list", async () => {
    const poolId = await createPool(t().client);
    const out = await list({ UserPoolId: poolId });
    assert.deepEqual(out.Groups, []);
    assert.equal(out.NextToken, undefined);
  });

  it("neither skips nor repeats a group that exists throughout, while groups come and go between pages", async () => {
    const poolId = await createPool(t().client);
    await seedGroups(t(), poolId, ["b", "d", "f", "h"]);
    const first = await list({ UserPoolId: poolId, Limit: 2 });
    assert.deepEqual(
      first.Groups?.map((g) => g.GroupName),
      ["b", "d"],
    );
    await seedGroups(t(), poolId, ["a", "e"]);
    const rest = await list({ UserPoolId: poolId, NextToken: first.NextToken });
    assert.deepEqual(
      rest.Groups?.map((g) => g.GroupName),
      ["e", "f", "h"],
    );
  });

  it("refuses Limit 0 and Limit 61 with InvalidParameterException", async () => {
    const poolId = await createPool(t().client);
    await rejectsWith(list({ UserPoolId: poolId, Limit: 0 }), "InvalidParameterException", /Value '0' at 'limit'/);
    await rejectsWith(list({ UserPoolId: poolId, Limit: 61 }), "InvalidParameterException", /Value '61' at 'limit'/);
  });

  it("refuses a token from another pool, or one that was tampered with", async () => {
    const [poolId, other] = [await createPool(t().client), await createPool(t().client)];
    await seedGroups(t(), other, ["a", "b"]);
    const { NextToken } = await list({ UserPoolId: other, Limit: 1 });
    assert.ok(NextToken);
    await rejectsWith(list({ UserPoolId: poolId, NextToken }), "InvalidParameterException", BAD_TOKEN);
    const middle = Math.floor(NextToken.length / 2);
    const tampered = `${NextToken.slice(0, middle)}${NextToken[middle] === "A" ? "B" : "A"}${NextToken.slice(middle + 1)}`;
    await rejectsWith(list({ UserPoolId: other, NextToken: tampered }), "InvalidParameterException", BAD_TOKEN);
  });

  it("answers an unknown pool with ResourceNotFoundException", async () => {
    await rejectsWith(list({ UserPoolId: "us-east-1_000000000" }), "ResourceNotFoundException");
  });
});
