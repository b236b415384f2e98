import { it } from "node:test";
import {
  DeleteUserPoolCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  UpdateUserPoolCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { createAppClient, createPool, rejectsWith } from "../support/fixtures.js";
import { describeEachEngine } from "../support/testServer.js";

describeEachEngine("DeleteUserPool", (t) => {
  it("deletes the pool and its app clients", async () => {
    const poolId = await createPool(t().client);
    const { clientId } = await createAppClient(t().client, poolId);
    await t().client.send(new DeleteUserPoolCommand({ UserPoolId: poolId }));
    await rejectsWith(t().client.send(new DescribeUserPoolCommand({ UserPoolId: poolId })), "ResourceNotFoundException");
    await rejectsWith(
      t().client.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId })),
      "ResourceNotFoundException",
    );
  });

  it("refuses while deletion protection is active, and deletes once it is off", async () => {
    const poolId = await createPool(t().client, { DeletionProtection: "ACTIVE" });
    await rejectsWith(
      t().client.send(new DeleteUserPoolCommand({ UserPoolId: poolId })),
      "InvalidParameterException",
      "The user pool cannot be deleted because deletion protection is activated. Deletion protection must be inactivated first.",
    );
    await t().client.send(new DescribeUserPoolCommand({ UserPoolId: poolId }));
    await t().client.send(new UpdateUserPoolCommand({ UserPoolId: poolId, DeletionProtection: "INACTIVE" }));
    await t().client.send(new DeleteUserPoolCommand({ UserPoolId: poolId }));
  });

  it("answers an unknown pool with ResourceNotFoundException", async () => {
    await rejectsWith(
      t().client.send(new DeleteUserPoolCommand({ UserPoolId: "us-east-1_000000000" })),
      "ResourceNotFoundException",
    );
  });
});
