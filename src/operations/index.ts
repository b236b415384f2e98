import { AdminConfirmSignUp } from "./adminConfirmSignUp.js";
import { AdminCreateUser } from "./adminCreateUser.js";
import { AdminDeleteUser } from "./adminDeleteUser.js";
import { AdminDeleteUserAttributes } from "./adminDeleteUserAttributes.js";
import { AdminDisableUser } from "./adminDisableUser.js";
import { AdminEnableUser } from "./adminEnableUser.js";
import { AdminGetUser } from "./adminGetUser.js";
import { AdminUpdateUserAttributes } from "./adminUpdateUserAttributes.js";
import { ConfirmSignUp } from "./confirmSignUp.js";
import { CreateUserPool } from "./createUserPool.js";
import { CreateUserPoolClient } from "./createUserPoolClient.js";
import { DeleteUserPool } from "./deleteUserPool.js";
import { DeleteUserPoolClient } from "./deleteUserPoolClient.js";
import { DescribeUserPool } from "./describeUserPool.js";
import { DescribeUserPoolClient } from "./describeUserPoolClient.js";
import { ListUserPoolClients } from "./listUserPoolClients.js";
import { ListUserPools } from "./listUserPools.js";
import { ListUsers } from "./listUsers.js";
import type { Operation } from "./operation.js";
import { ResendConfirmationCode } from "./resendConfirmationCode.js";
import { SignUp } from "./signUp.js";
import { UpdateUserPool } from "./updateUserPool.js";
import { UpdateUserPoolClient } from "./updateUserPoolClient.js";

/** Every operation this server implements, by name. */
export const OPERATIONS: ReadonlyMap<string, Operation> = new Map(
  [
    AdminConfirmSignUp,
    AdminCreateUser,
    AdminDeleteUser,
    AdminDeleteUserAttributes,
    AdminDisableUser,
    AdminEnableUser,
    AdminGetUser,
    AdminUpdateUserAttributes,
    ConfirmSignUp,
    CreateUserPool,
    CreateUserPoolClient,
    DeleteUserPool,
    DeleteUserPoolClient,
    DescribeUserPool,
    DescribeUserPoolClient,
    ListUserPoolClients,
    ListUserPools,
    ListUsers,
    ResendConfirmationCode,
    SignUp,
    UpdateUserPool,
    UpdateUserPoolClient,
  ].map((op) => [op.name, op]),
);

export type { Operation } from "./operation.js";
