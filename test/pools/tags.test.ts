import assert from "node:assert/strict";
import { it } from "node:test";
import {
  DescribeUserPoolCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateUserPoolCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { createPool, rejectsWith } from "../support/fixtures.js";
import { describeEachEngine } from "../support/testServer.js";

describeEachEngine("tags on user pools", (t) => {
  async function poolArn(input = {}): Promise<{ poolId: string; arn: string }> {
    const poolId = await createPool(t().client, input);
    const { UserPool } = await t().client.send(new DescribeUserPoolCommand({ UserPoolId: poolId }));
    assert.ok(UserPool?.Arn);
    return { poolId, arn: UserPool.Arn };
  }
  const tagsOf = async (arn: string) => (await t().client.send(new ListTagsForResourceCommand({ ResourceArn: arn }))).Tags;

  it("lists the tags CreateUserPool set, and TagResource adds and replaces values", async () => {
    const { arn } = await poolArn({ UserPoolTags: { team: "identity" } });
    assert.deepEqual(await tagsOf(arn), { team: "identity" });
    await t().client.send(new TagResourceCommand({ ResourceArn: arn, Tags: { team: "platform", env: "dev" } }));
    assert.deepEqual(await tagsOf(arn), { team: "platform", env: "dev" });
  });

  it("DescribeUserPool shows the tags TagResource and UntagResource leave", async () => {
    const { poolId, arn } = await poolArn();
    await t().client.send(new TagResourceCommand({ ResourceArn: arn, Tags: { a: "1", b: "2" } }));
    await t().client.send(new UntagResourceCommand({ ResourceArn: arn, TagKeys: ["a", "not-there"] }));
    const { UserPool } = await t().client.send(new DescribeUserPoolCommand({ UserPoolId: poolId }));
    assert.deepEqual(UserPool?.UserPoolTags, { b: "2" });
    assert.deepEqual(await tagsOf(arn), { b: "2" });
  });

  it("UpdateUserPool's UserPoolTags are what ListTagsForResource then shows", async () => {
    const { poolId, arn } = await poolArn();
    await t().client.send(new UpdateUserPoolCommand({ UserPoolId: poolId, UserPoolTags: { owner: "me" } }));
    assert.deepEqual(await tagsOf(arn), { owner: "me" });
  });

  it("allows 50 tags on a pool, not 51", async () => {
    const { arn } = await poolArn();
    const fifty = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, "v"]));
    await t().client.send(new TagResourceCommand({ ResourceArn: arn, Tags: fifty }));
    await rejectsWith(
      t().client.send(new TagResourceCommand({ ResourceArn: arn, Tags: { extra: "v" } })),
      "InvalidParameterException",
    );
    assert.equal(Object.keys((await tagsOf(arn)) ?? {}).length, 50);
  });

  it("answers an unknown pool's ARN with ResourceNotFoundException, and a malformed ARN with InvalidParameterException", async () => {
    const { arn } = await poolArn();
    await rejectsWith(tagsOf(arn.replace(/_[0-9a-zA-Z]+$/, "_000000000")), "ResourceNotFoundException");
    await rejectsWith(tagsOf("arn:aws:s3:::some-bucket-name-here"), "InvalidParameterException");
    await rejectsWith(
      t().client.send(new TagResourceCommand({ ResourceArn: arn, Tags: { "bad*key": "v" } })),
      "InvalidParameterException",
    );
  });
});
