import { createResourceServer } from "../domain/hostedUi/resourceServers.js";
import { defineOperation } from "./operation.js";
import { ResourceServerRequest, resourceServerType } from "./resourceServerOutput.js";

export const CreateResourceServer = defineOperation(
  "CreateResourceServer",
  ResourceServerRequest,
  async (ctx, { UserPoolId, Identifier, Name, Scopes }) => ({
    ResourceServer: resourceServerType(await createResourceServer(ctx, UserPoolId, Identifier, Name, Scopes ?? [])),
  }),
);
