import assert from "node:assert/strict";
import { it } from "node:test";
import { ListUserPoolsCommand, paginateListUserPools } from "@aws-sdk/client-cognito-identity-provider";
import { createPool, rejectsWith } from "../support/fixtures.js";
import { describeEachEngine } from "../support/testServer.js";

describeEachEngine("ListUserPools", (t) => {
  it("pages through every pool once with MaxResults and NextToken", async () => {
    const created = new Set<string>();
    for (let i = 0; i < 7; i++) created.add(await createPool(t().client));
    const seen: string[] = [];
    for await (const page of paginateListUserPools({ client: t().client, pageSize: 3 }, { MaxResults: 3 })) {
      assert.ok((page.UserPools?.length ?? 0) <= 3);
      for (const pool of page.UserPools ?? []) seen.push(pool.Id ?? "");
    }
    assert.equal(new Set(seen).size, seen.length, "no pool twice");
    for (const id of created) assert.ok(seen.includes(id));
  });

  it("describes each pool with Id, Name, LambdaConfig and dates", async () => {
    const id = await createPool(t().client, { PoolName: "described" });
    const pools = (await t().client.send(new ListUserPoolsCommand({ MaxResults: 60 }))).UserPools ?? [];
    const pool = pools.find((p) => p.Id === id);
    assert.equal(pool?.Name, "described");
    assert.deepEqual(pool?.LambdaConfig, {});
    assert.ok(pool?.CreationDate instanceof Date);
  });

  it("refuses MaxResults over 60 and a forged NextToken", async () => {
    await rejectsWith(
      t().client.send(new ListUserPoolsCommand({ MaxResults: 61 })),
      "InvalidParameterException",
      /less than or equal to 60/,
    );
    await rejectsWith(
      t().client.send(new ListUserPoolsCommand({ MaxResults: 1, NextToken: "forged.token" })),
      "InvalidParameterException",
      /NextToken/,
    );
  });
});
