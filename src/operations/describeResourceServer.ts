import { getResourceServer } from "../domain/hostedUi/resourceServers.js";
import { UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { ResourceServerIdentifierType } from "./poolResourceTypes.js";
import { resourceServerType } from "./resourceServerOutput.js";
import { required, struct } from "./shape.js";

export const DescribeResourceServer = defineOperation(
  "DescribeResourceServer",
  struct({ UserPoolId: required(UserPoolIdType), Identifier: required(ResourceServerIdentifierType) }),
  async (ctx, { UserPoolId, Identifier }) => ({
    ResourceServer: resourceServerType(await getResourceServer(ctx, UserPoolId, Identifier)),
  }),
);
