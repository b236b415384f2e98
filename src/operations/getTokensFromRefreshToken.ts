import { getClientById } from "../domain/pools/clients.js";
import { getTokensFromRefreshToken } from "../domain/signIn/refreshFlow.js";
import { ClientIdType, ClientMetadataType, ClientSecretType, TokenModelType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { required, string, struct } from "./shape.js";

export const GetTokensFromRefreshToken = defineOperation(
  "GetTokensFromRefreshToken",
  struct({
    RefreshToken: required(TokenModelType),
    ClientId: required(ClientIdType),
    ClientSecret: ClientSecretType,
    // Device tracking is not built: a DeviceKey is checked against the model and otherwise ignored.
    DeviceKey: string({ min: 1, max: 55, pattern: "[\\w-]+_[0-9a-f-]+" }),
    ClientMetadata: ClientMetadataType,
  }),
  async (ctx, input) => {
    const client = await getClientById(ctx, input.ClientId);
    return { AuthenticationResult: await getTokensFromRefreshToken(ctx, client, input.RefreshToken, input.ClientSecret) };
  },
);
