import { getLogDelivery } from "../domain/pools/logDelivery.js";
import { UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { required, struct } from "./shape.js";

export const GetLogDeliveryConfiguration = defineOperation(
  "GetLogDeliveryConfiguration",
  struct({ UserPoolId: required(UserPoolIdType) }),
  async (ctx, { UserPoolId }) => ({
    LogDeliveryConfiguration: { UserPoolId, LogConfigurations: await getLogDelivery(ctx, UserPoolId) },
  }),
);
