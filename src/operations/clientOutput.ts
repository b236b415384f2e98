import { refreshTokenRotation } from "../domain/pools/clientSettings.js";
import type { AppClient } from "../domain/pools/clients.js";
import { epochSeconds } from "./operation.js";

/** UserPoolClientType; the secret is included, as DescribeUserPoolClient does (reference §3.3). */
export function userPoolClientType(client: AppClient) {
  return {
    UserPoolId: client.poolId,
    ClientName: client.name,
    ClientId: client.id,
    ...(client.secret === null ? {} : { ClientSecret: client.secret }),
    LastModifiedDate: epochSeconds(client.modifiedAt),
    CreationDate: epochSeconds(client.createdAt),
    ...client.settings,
    RefreshTokenRotation: refreshTokenRotation(client.settings),
  };
}
