import { AdminCreateUser } from "./adminCreateUser.js";
import { AdminGetUser } from "./adminGetUser.js";
import { CreateUserPool } from "./createUserPool.js";
import { CreateUserPoolClient } from "./createUserPoolClient.js";
import { DeleteUserPool } from "./deleteUserPool.js";
import { DeleteUserPoolClient } from "./deleteUserPoolClient.js";
import { DescribeUserPool } from "./describeUserPool.js";
import { DescribeUserPoolClient } from "./describeUserPoolClient.js";
import { ListUserPoolClients } from "./listUserPoolClients.js";
import { ListUserPools } from "./listUserPools.js";
import type { Operation } from "./operation.js";
import { UpdateUserPool } from "./updateUserPool.js";
import { UpdateUserPoolClient } from "./updateUserPoolClient.js";

/** Every operation this server implements, by name. */
export const OPERATIONS: ReadonlyMap<string, Operation> = new Map(
  [
    AdminCreateUser,
    AdminGetUser,
    CreateUserPool,
    CreateUserPoolClient,
    DeleteUserPool,
    DeleteUserPoolClient,
    DescribeUserPool,
    DescribeUserPoolClient,
    ListUserPoolClients,
    ListUserPools,
    UpdateUserPool,
    UpdateUserPoolClient,
  ].map((op) => [op.name, op]),
);

export type { Operation } from "./operation.js";
