import { requireScopesExist } from "../domain/hostedUi/resourceServers.js";
import { createClient } from "../domain/pools/clients.js";
import { userPoolClientType } from "./clientOutput.js";
import { ClientNameType, ClientSecretType, clientSettingsMembers, UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { boolean, required, struct } from "./shape.js";

export const CreateUserPoolClient = defineOperation(
  "CreateUserPoolClient",
  struct({
    UserPoolId: required(UserPoolIdType),
    ClientName: required(ClientNameType),
    GenerateSecret: boolean(),
    ClientSecret: ClientSecretType,
    ...clientSettingsMembers,
  }),
  async (ctx, { UserPoolId, ClientName, ...settings }) => {
    await requireScopesExist(ctx, UserPoolId, settings.AllowedOAuthScopes);
    const client = await createClient(ctx, UserPoolId, ClientName, settings);
    return { UserPoolClient: userPoolClientType(client) };
  },
);
