import { updateResourceServer } from "../domain/hostedUi/resourceServers.js";
import { UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { ResourceServerIdentifierType, ResourceServerNameType, ResourceServerScopeListType } from "./poolResourceTypes.js";
import { resourceServerType } from "./resourceServerOutput.js";
import { required, struct } from "./shape.js";

export const UpdateResourceServer = defineOperation(
  "UpdateResourceServer",
  struct({
    UserPoolId: required(UserPoolIdType),
    Identifier: required(ResourceServerIdentifierType),
    Name: required(ResourceServerNameType),
    Scopes: ResourceServerScopeListType,
  }),
  async (ctx, { UserPoolId, Identifier, Name, Scopes }) => ({
    ResourceServer: resourceServerType(await updateResourceServer(ctx, UserPoolId, Identifier, Name, Scopes ?? [])),
  }),
);
