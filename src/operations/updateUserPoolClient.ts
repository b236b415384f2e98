import { requireScopesExist } from "../domain/hostedUi/resourceServers.js";
import { updateClient } from "../domain/pools/clients.js";
import { userPoolClientType } from "./clientOutput.js";
import { ClientIdType, ClientNameType, clientSettingsMembers, UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { required, struct } from "./shape.js";

export const UpdateUserPoolClient = defineOperation(
  "UpdateUserPoolClient",
  struct({
    UserPoolId: required(UserPoolIdType),
    ClientId: required(ClientIdType),
    ClientName: ClientNameType,
    ...clientSettingsMembers,
  }),
  async (ctx, { UserPoolId, ClientId, ClientName, ...settings }) => {
    await requireScopesExist(ctx, UserPoolId, settings.AllowedOAuthScopes);
    const client = await updateClient(ctx, UserPoolId, ClientId, ClientName, settings);
    return { UserPoolClient: userPoolClientType(client) };
  },
);
