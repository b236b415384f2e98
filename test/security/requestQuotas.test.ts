import assert from "node:assert/strict";
import { it } from "node:test";
import { DescribeUserPoolCommand, ListUserPoolsCommand, ListUsersCommand } from "@aws-sdk/client-cognito-identity-provider";
import { createPool, rejectsWith } from "../support/fixtures.js";
import { describeEachEngine } from "../support/testServer.js";

/**
 * With `requestQuotas: "cognito"` each category admits Cognito's default
 * requests per second (a token bucket by the domain clock, which these
 * tests move: the clock stands still while requests are sent).
 */
describeEachEngine(
  "request-rate quotas by Cognito's categories",
  (t) => {
    it("admits 15 UserPoolRead requests a second, refuses the next with TooManyRequestsException, and refills with time", async () => {
      const poolId = await createPool(t().client);
      const describe = () => t().client.send(new DescribeUserPoolCommand({ UserPoolId: poolId }));
      for (let i = 0; i < 10; i++) await describe();
      for (let i = 0; i < 5; i++) await t().client.send(new ListUserPoolsCommand({ MaxResults: 10 }));
      await rejectsWith(describe(), "TooManyRequestsException", "Rate exceeded");
      // Another category has its own allowance.
      await t().client.send(new ListUsersCommand({ UserPoolId: poolId }));
      t().clock.advance(200);
      for (let i = 0; i < 3; i++) await describe();
      await rejectsWith(describe(), "TooManyRequestsException", "Rate exceeded");
      t().clock.advance(1000);
      const admitted = await Promise.allSettled(Array.from({ length: 20 }, describe));
      assert.equal(admitted.filter((a) => a.status === "fulfilled").length, 15);
    });
  },
  { requestQuotas: "cognito" },
);

describeEachEngine("request-rate quotas are off by default", (t) => {
  it("admits more UserPoolRead requests in a second than Cognito would", async () => {
    const poolId = await createPool(t().client);
    const answers = await Promise.allSettled(
      Array.from({ length: 20 }, () => t().client.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))),
    );
    assert.equal(answers.filter((a) => a.status === "fulfilled").length, 20);
  });
});
