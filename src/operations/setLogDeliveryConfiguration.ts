import { setLogDelivery } from "../domain/pools/logDelivery.js";
import { UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { LogConfigurationListType } from "./poolResourceTypes.js";
import { required, struct } from "./shape.js";

export const SetLogDeliveryConfiguration = defineOperation(
  "SetLogDeliveryConfiguration",
  struct({ UserPoolId: required(UserPoolIdType), LogConfigurations: required(LogConfigurationListType) }),
  async (ctx, { UserPoolId, LogConfigurations }) => ({
    LogDeliveryConfiguration: { UserPoolId, LogConfigurations: await setLogDelivery(ctx, UserPoolId, LogConfigurations) },
  }),
);
