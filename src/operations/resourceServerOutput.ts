import type { ResourceServer } from "../domain/hostedUi/resourceServers.js";
import { UserPoolIdType } from "./modelTypes.js";
import { ResourceServerIdentifierType, ResourceServerNameType, ResourceServerScopeListType } from "./poolResourceTypes.js";
import { required, struct } from "./shape.js";

/** The members CreateResourceServer and UpdateResourceServer share (the model gives both the same four). */
export const ResourceServerRequest = struct({
  UserPoolId: required(UserPoolIdType),
  Identifier: required(ResourceServerIdentifierType),
  Name: required(ResourceServerNameType),
  Scopes: ResourceServerScopeListType,
});

/** ResourceServerType of the model. */
export function resourceServerType(server: ResourceServer) {
  return { UserPoolId: server.poolId, Identifier: server.identifier, Name: server.name, Scopes: server.scopes };
}
