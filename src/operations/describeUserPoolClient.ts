import { getClient } from "../domain/pools/clients.js";
import { userPoolClientType } from "./clientOutput.js";
import { ClientIdType, UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { required, struct } from "./shape.js";

export const DescribeUserPoolClient = defineOperation(
  "DescribeUserPoolClient",
  struct({
    UserPoolId: required(UserPoolIdType),
    ClientId: required(ClientIdType),
  }),
  async (ctx, { UserPoolId, ClientId }) => ({
    UserPoolClient: userPoolClientType(await getClient(ctx, UserPoolId, ClientId)),
  }),
);
