import { deleteResourceServer } from "../domain/hostedUi/resourceServers.js";
import { UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { ResourceServerIdentifierType } from "./poolResourceTypes.js";
import { required, struct } from "./shape.js";

export const DeleteResourceServer = defineOperation(
  "DeleteResourceServer",
  struct({ UserPoolId: required(UserPoolIdType), Identifier: required(ResourceServerIdentifierType) }),
  async (ctx, { UserPoolId, Identifier }) => {
    await deleteResourceServer(ctx, UserPoolId, Identifier);
    return {};
  },
);
