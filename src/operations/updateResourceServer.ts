import { updateResourceServer } from "../domain/hostedUi/resourceServers.js";
import { defineOperation } from "./operation.js";
import { ResourceServerRequest, resourceServerType } from "./resourceServerOutput.js";

export const UpdateResourceServer = defineOperation(
  "UpdateResourceServer",
  ResourceServerRequest,
  async (ctx, { UserPoolId, Identifier, Name, Scopes }) => ({
    ResourceServer: resourceServerType(await updateResourceServer(ctx, UserPoolId, Identifier, Name, Scopes ?? [])),
  }),
);
