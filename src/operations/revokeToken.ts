import { getClientById } from "../domain/pools/clients.js";
import { revokeRefreshToken } from "../domain/tokens/signOut.js";
import { ClientIdType, ClientSecretType, TokenModelType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { required, struct } from "./shape.js";

export const RevokeToken = defineOperation(
  "RevokeToken",
  struct({ Token: required(TokenModelType), ClientId: required(ClientIdType), ClientSecret: ClientSecretType }),
  async (ctx, input) => {
    await revokeRefreshToken(ctx, await getClientById(ctx, input.ClientId), input.Token, input.ClientSecret);
    return {};
  },
);
