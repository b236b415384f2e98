import assert from "node:assert/strict";
import { it } from "node:test";
import {
  GetLogDeliveryConfigurationCommand,
  type LogConfigurationType,
  SetLogDeliveryConfigurationCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { createPool, rejectsWith } from "../support/fixtures.js";
import { describeEachEngine } from "../support/testServer.js";

const ERRORS: LogConfigurationType = {
  LogLevel: "ERROR",
  EventSource: "userNotification",
  CloudWatchLogsConfiguration: { LogGroupArn: "arn:aws:logs:us-east-1:123456789012:log-group:cognito-errors" },
};
const AUTH_EVENTS: LogConfigurationType = {
  LogLevel: "INFO",
  EventSource: "userAuthEvents",
  S3Configuration: { BucketArn: "arn:aws:s3:::auth-events-bucket" },
};

describeEachEngine("log delivery configuration", (t) => {
  const set = (UserPoolId: string, LogConfigurations: LogConfigurationType[]) =>
    t().client.send(new SetLogDeliveryConfigurationCommand({ UserPoolId, LogConfigurations }));
  const get = (UserPoolId: string) => t().client.send(new GetLogDeliveryConfigurationCommand({ UserPoolId }));

  it("stores the configurations; Get returns what Set answered", async () => {
    const poolId = await createPool(t().client);
    const out = await set(poolId, [ERRORS, AUTH_EVENTS]);
    assert.deepEqual(out.LogDeliveryConfiguration, { UserPoolId: poolId, LogConfigurations: [ERRORS, AUTH_EVENTS] });
    assert.deepEqual((await get(poolId)).LogDeliveryConfiguration, out.LogDeliveryConfiguration);
  });

  it("a later Set replaces the earlier one; a pool never configured has none", async () => {
    const poolId = await createPool(t().client);
    assert.deepEqual((await get(poolId)).LogDeliveryConfiguration, { UserPoolId: poolId, LogConfigurations: [] });
    await set(poolId, [ERRORS, AUTH_EVENTS]);
    await set(poolId, [AUTH_EVENTS]);
    assert.deepEqual((await get(poolId)).LogDeliveryConfiguration?.LogConfigurations, [AUTH_EVENTS]);
  });

  it("refuses more than two configurations, one event source twice, and a configuration without exactly one destination", async () => {
    const poolId = await createPool(t().client);
    await rejectsWith(set(poolId, [ERRORS, AUTH_EVENTS, ERRORS]), "InvalidParameterException", /length less than or equal to 2/);
    await rejectsWith(set(poolId, [ERRORS, ERRORS]), "InvalidParameterException");
    await rejectsWith(set(poolId, [{ LogLevel: "ERROR", EventSource: "userNotification" }]), "InvalidParameterException");
    await rejectsWith(
      set(poolId, [{ ...ERRORS, LogLevel: "DEBUG" as "ERROR" }]),
      "InvalidParameterException",
      /Member must satisfy enum value set: \[ERROR, INFO\]/,
    );
    assert.deepEqual((await get(poolId)).LogDeliveryConfiguration?.LogConfigurations, []);
  });

  it("answers an unknown pool with ResourceNotFoundException", async () => {
    await rejectsWith(get("us-east-1_000000000"), "ResourceNotFoundException", "User pool us-east-1_000000000 does not exist.");
  });
});
