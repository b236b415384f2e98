import { AdminAddUserToGroup } from "./adminAddUserToGroup.js";
import { AdminConfirmSignUp } from "./adminConfirmSignUp.js";
import { AdminCreateUser } from "./adminCreateUser.js";
import { AdminDeleteUser } from "./adminDeleteUser.js";
import { AdminDeleteUserAttributes } from "./adminDeleteUserAttributes.js";
import { AdminDisableUser } from "./adminDisableUser.js";
import { AdminEnableUser } from "./adminEnableUser.js";
import { AdminGetUser } from "./adminGetUser.js";
import { AdminInitiateAuth } from "./adminInitiateAuth.js";
import { AdminListGroupsForUser } from "./adminListGroupsForUser.js";
import { AdminRemoveUserFromGroup } from "./adminRemoveUserFromGroup.js";
import { AdminResetUserPassword } from "./adminResetUserPassword.js";
import { AdminRespondToAuthChallenge } from "./adminRespondToAuthChallenge.js";
import { AdminSetUserPassword } from "./adminSetUserPassword.js";
import { AdminUpdateUserAttributes } from "./adminUpdateUserAttributes.js";
import { AdminUserGlobalSignOut } from "./adminUserGlobalSignOut.js";
import { ChangePassword } from "./changePassword.js";
import { ConfirmForgotPassword } from "./confirmForgotPassword.js";
import { ConfirmSignUp } from "./confirmSignUp.js";
import { CreateGroup } from "./createGroup.js";
import { CreateUserPool } from "./createUserPool.js";
import { CreateUserPoolClient } from "./createUserPoolClient.js";
import { DeleteGroup } from "./deleteGroup.js";
import { DeleteUserPool } from "./deleteUserPool.js";
import { DeleteUserPoolClient } from "./deleteUserPoolClient.js";
import { DescribeUserPool } from "./describeUserPool.js";
import { DescribeUserPoolClient } from "./describeUserPoolClient.js";
import { ForgotPassword } from "./forgotPassword.js";
import { GetGroup } from "./getGroup.js";
import { GetTokensFromRefreshToken } from "./getTokensFromRefreshToken.js";
import { GetUser } from "./getUser.js";
import { GlobalSignOut } from "./globalSignOut.js";
import { InitiateAuth } from "./initiateAuth.js";
import { ListGroups } from "./listGroups.js";
import { ListUserPoolClients } from "./listUserPoolClients.js";
import { ListUserPools } from "./listUserPools.js";
import { ListUsers } from "./listUsers.js";
import { ListUsersInGroup } from "./listUsersInGroup.js";
import type { Operation } from "./operation.js";
import { ResendConfirmationCode } from "./resendConfirmationCode.js";
import { RespondToAuthChallenge } from "./respondToAuthChallenge.js";
import { RevokeToken } from "./revokeToken.js";
import { SignUp } from "./signUp.js";
import { UpdateGroup } from "./updateGroup.js";
import { UpdateUserPool } from "./updateUserPool.js";
import { UpdateUserPoolClient } from "./updateUserPoolClient.js";

/** Every operation this server implements, by name. */
export const OPERATIONS: ReadonlyMap<string, Operation> = new Map(
  [
    AdminAddUserToGroup,
    AdminListGroupsForUser,
    AdminRemoveUserFromGroup,
    CreateGroup,
    DeleteGroup,
    GetGroup,
    ListGroups,
    ListUsersInGroup,
    UpdateGroup,
    AdminConfirmSignUp,
    AdminCreateUser,
    AdminDeleteUser,
    AdminDeleteUserAttributes,
    AdminDisableUser,
    AdminEnableUser,
    AdminGetUser,
    AdminResetUserPassword,
    AdminSetUserPassword,
    AdminUpdateUserAttributes,
    ConfirmForgotPassword,
    ConfirmSignUp,
    CreateUserPool,
    CreateUserPoolClient,
    DeleteUserPool,
    DeleteUserPoolClient,
    DescribeUserPool,
    DescribeUserPoolClient,
    ForgotPassword,
    ListUserPoolClients,
    ListUserPools,
    ListUsers,
    ResendConfirmationCode,
    SignUp,
    UpdateUserPool,
    UpdateUserPoolClient,
    AdminInitiateAuth,
    AdminRespondToAuthChallenge,
    AdminUserGlobalSignOut,
    ChangePassword,
    GetUser,
    GlobalSignOut,
    InitiateAuth,
    GetTokensFromRefreshToken,
    RespondToAuthChallenge,
    RevokeToken,
  ].map((op) => [op.name, op]),
);

export type { Operation } from "./operation.js";
