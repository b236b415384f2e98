import { listClientSecrets } from "../domain/pools/clientSecrets.js";
import { clientSecretDescriptor } from "./clientSecretOutput.js";
import { ClientIdType, PaginationKey, UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { required, struct } from "./shape.js";

/** ListUserPoolClientSecrets: both secrets in one answer, no token, never a value (API reference). */
export const ListUserPoolClientSecrets = defineOperation(
  "ListUserPoolClientSecrets",
  struct({ UserPoolId: required(UserPoolIdType), ClientId: required(ClientIdType), NextToken: PaginationKey }),
  async (ctx, { UserPoolId, ClientId }) => ({
    ClientSecrets: (await listClientSecrets(ctx, UserPoolId, ClientId)).map((s) => clientSecretDescriptor(s, false)),
  }),
);
