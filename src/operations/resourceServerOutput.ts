import type { ResourceServer } from "../domain/hostedUi/resourceServers.js";

/** ResourceServerType of the model. */
export function resourceServerType(server: ResourceServer) {
  return { UserPoolId: server.poolId, Identifier: server.identifier, Name: server.name, Scopes: server.scopes };
}
