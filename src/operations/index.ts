import { AddCustomAttributes } from "./addCustomAttributes.js";
import { AddUserPoolClientSecret } from "./addUserPoolClientSecret.js";
import { AdminAddUserToGroup } from "./adminAddUserToGroup.js";
import { AdminConfirmSignUp } from "./adminConfirmSignUp.js";
import { AdminCreateUser } from "./adminCreateUser.js";
import { AdminDeleteSoftwareToken } from "./adminDeleteSoftwareToken.js";
import { AdminDeleteUser } from "./adminDeleteUser.js";
import { AdminDeleteUserAttributes } from "./adminDeleteUserAttributes.js";
import { AdminDisableProviderForUser } from "./adminDisableProviderForUser.js";
import { AdminDisableUser } from "./adminDisableUser.js";
import { AdminEnableUser } from "./adminEnableUser.js";
import { AdminGetUser } from "./adminGetUser.js";
import { AdminInitiateAuth } from "./adminInitiateAuth.js";
import { AdminLinkProviderForUser } from "./adminLinkProviderForUser.js";
import { AdminListGroupsForUser } from "./adminListGroupsForUser.js";
import { AdminRemoveUserFromGroup } from "./adminRemoveUserFromGroup.js";
import { AdminResetUserPassword } from "./adminResetUserPassword.js";
import { AdminRespondToAuthChallenge } from "./adminRespondToAuthChallenge.js";
import { AdminSetUserMFAPreference } from "./adminSetUserMFAPreference.js";
import { AdminSetUserPassword } from "./adminSetUserPassword.js";
import { AdminSetUserSettings } from "./adminSetUserSettings.js";
import { AdminUpdateUserAttributes } from "./adminUpdateUserAttributes.js";
import { AdminUserGlobalSignOut } from "./adminUserGlobalSignOut.js";
import { AssociateSoftwareToken } from "./associateSoftwareToken.js";
import { ChangePassword } from "./changePassword.js";
import { ConfirmForgotPassword } from "./confirmForgotPassword.js";
import { ConfirmSignUp } from "./confirmSignUp.js";
import { CreateGroup } from "./createGroup.js";
import { CreateIdentityProvider } from "./createIdentityProvider.js";
import { CreateManagedLoginBranding } from "./createManagedLoginBranding.js";
import { CreateResourceServer } from "./createResourceServer.js";
import { CreateTerms } from "./createTerms.js";
import { CreateUserPool } from "./createUserPool.js";
import { CreateUserPoolClient } from "./createUserPoolClient.js";
import { CreateUserPoolDomain } from "./createUserPoolDomain.js";
import { DeleteGroup } from "./deleteGroup.js";
import { DeleteIdentityProvider } from "./deleteIdentityProvider.js";
import { DeleteManagedLoginBranding } from "./deleteManagedLoginBranding.js";
import { DeleteResourceServer } from "./deleteResourceServer.js";
import { DeleteTerms } from "./deleteTerms.js";
import { DeleteUser } from "./deleteUser.js";
import { DeleteUserAttributes } from "./deleteUserAttributes.js";
import { DeleteUserPool } from "./deleteUserPool.js";
import { DeleteUserPoolClient } from "./deleteUserPoolClient.js";
import { DeleteUserPoolClientSecret } from "./deleteUserPoolClientSecret.js";
import { DeleteUserPoolDomain } from "./deleteUserPoolDomain.js";
import { DescribeIdentityProvider } from "./describeIdentityProvider.js";
import { DescribeManagedLoginBranding } from "./describeManagedLoginBranding.js";
import { DescribeManagedLoginBrandingByClient } from "./describeManagedLoginBrandingByClient.js";
import { DescribeResourceServer } from "./describeResourceServer.js";
import { DescribeTerms } from "./describeTerms.js";
import { DescribeTermsByClient } from "./describeTermsByClient.js";
import { DescribeUserPool } from "./describeUserPool.js";
import { DescribeUserPoolClient } from "./describeUserPoolClient.js";
import { DescribeUserPoolDomain } from "./describeUserPoolDomain.js";
import { ForgotPassword } from "./forgotPassword.js";
import { GetGroup } from "./getGroup.js";
import { GetIdentityProviderByIdentifier } from "./getIdentityProviderByIdentifier.js";
import { GetLogDeliveryConfiguration } from "./getLogDeliveryConfiguration.js";
import { GetSigningCertificate } from "./getSigningCertificate.js";
import { GetTokensFromRefreshToken } from "./getTokensFromRefreshToken.js";
import { GetUICustomization } from "./getUICustomization.js";
import { GetUser } from "./getUser.js";
import { GetUserAttributeVerificationCode } from "./getUserAttributeVerificationCode.js";
import { GetUserPoolMfaConfig } from "./getUserPoolMfaConfig.js";
import { GlobalSignOut } from "./globalSignOut.js";
import { InitiateAuth } from "./initiateAuth.js";
import { ListGroups } from "./listGroups.js";
import { ListIdentityProviders } from "./listIdentityProviders.js";
import { ListResourceServers } from "./listResourceServers.js";
import { ListTagsForResource } from "./listTagsForResource.js";
import { ListTerms } from "./listTerms.js";
import { ListUserPoolClientSecrets } from "./listUserPoolClientSecrets.js";
import { ListUserPoolClients } from "./listUserPoolClients.js";
import { ListUserPools } from "./listUserPools.js";
import { ListUsers } from "./listUsers.js";
import { ListUsersInGroup } from "./listUsersInGroup.js";
import type { Operation } from "./operation.js";
import { ResendConfirmationCode } from "./resendConfirmationCode.js";
import { RespondToAuthChallenge } from "./respondToAuthChallenge.js";
import { RevokeToken } from "./revokeToken.js";
import { SetLogDeliveryConfiguration } from "./setLogDeliveryConfiguration.js";
import { SetUICustomization } from "./setUICustomization.js";
import { SetUserMFAPreference } from "./setUserMFAPreference.js";
import { SetUserPoolMfaConfig } from "./setUserPoolMfaConfig.js";
import { SetUserSettings } from "./setUserSettings.js";
import { SignUp } from "./signUp.js";
import { TagResource } from "./tagResource.js";
import { UntagResource } from "./untagResource.js";
import { UpdateGroup } from "./updateGroup.js";
import { UpdateIdentityProvider } from "./updateIdentityProvider.js";
import { UpdateManagedLoginBranding } from "./updateManagedLoginBranding.js";
import { UpdateResourceServer } from "./updateResourceServer.js";
import { UpdateTerms } from "./updateTerms.js";
import { UpdateUserAttributes } from "./updateUserAttributes.js";
import { UpdateUserPool } from "./updateUserPool.js";
import { UpdateUserPoolClient } from "./updateUserPoolClient.js";
import { UpdateUserPoolDomain } from "./updateUserPoolDomain.js";
import { VerifySoftwareToken } from "./verifySoftwareToken.js";
import { VerifyUserAttribute } from "./verifyUserAttribute.js";

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
    AddCustomAttributes,
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
    DeleteUser,
    DeleteUserAttributes,
    GetUserAttributeVerificationCode,
    UpdateUserAttributes,
    VerifyUserAttribute,
    AdminDeleteSoftwareToken,
    AdminSetUserMFAPreference,
    AdminSetUserSettings,
    AssociateSoftwareToken,
    GetUserPoolMfaConfig,
    SetUserMFAPreference,
    SetUserPoolMfaConfig,
    SetUserSettings,
    VerifySoftwareToken,
    CreateUserPoolDomain,
    DescribeUserPoolDomain,
    UpdateUserPoolDomain,
    DeleteUserPoolDomain,
    CreateIdentityProvider,
    DescribeIdentityProvider,
    UpdateIdentityProvider,
    DeleteIdentityProvider,
    ListIdentityProviders,
    GetIdentityProviderByIdentifier,
    CreateResourceServer,
    DescribeResourceServer,
    UpdateResourceServer,
    DeleteResourceServer,
    ListResourceServers,
    SetUICustomization,
    GetUICustomization,
    SetLogDeliveryConfiguration,
    GetLogDeliveryConfiguration,
    TagResource,
    UntagResource,
    ListTagsForResource,
    GetSigningCertificate,
    AddUserPoolClientSecret,
    ListUserPoolClientSecrets,
    DeleteUserPoolClientSecret,
    AdminLinkProviderForUser,
    AdminDisableProviderForUser,
    CreateTerms,
    DescribeTerms,
    DescribeTermsByClient,
    UpdateTerms,
    DeleteTerms,
    ListTerms,
    CreateManagedLoginBranding,
    DescribeManagedLoginBranding,
    DescribeManagedLoginBrandingByClient,
    UpdateManagedLoginBranding,
    DeleteManagedLoginBranding,
  ].map((op) => [op.name, op]),
);

export type { Operation } from "./operation.js";
