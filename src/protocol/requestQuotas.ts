/**
 * Cognito's request-rate quotas by category (developer guide, "Quotas":
 * user pools API operation categories and request rate quotas; reference
 * §8 and cognito-2024-2026.md §10 for the sizes). Off unless the server is
 * started with them (`--request-quotas cognito`). Cognito counts per account
 * and Region; here each server process counts alone, so N processes sharing
 * a database admit up to N times the rate.
 *
 * Which operation is in which category follows the guide where it names
 * them (UserCreation, UserAuthentication) and reference §8's lists
 * elsewhere, several of which are UNVERIFIED. Operations in no category
 * are not limited; the guide's extra 5 requests a second per operation and
 * pool for the starred categories is not built.
 */
const CATEGORIES = {
  UserAuthentication: { rate: 120, operations: ["InitiateAuth", "AdminInitiateAuth"] },
  UserCreation: { rate: 50, operations: ["SignUp", "ConfirmSignUp", "AdminCreateUser", "AdminConfirmSignUp"] },
  UserAccountRecovery: {
    rate: 30,
    operations: ["ForgotPassword", "ConfirmForgotPassword", "ChangePassword", "AdminResetUserPassword", "AdminSetUserPassword"],
  },
  UserRead: { rate: 120, operations: ["AdminGetUser", "GetUser"] },
  UserUpdate: {
    rate: 25,
    operations: [
      "AdminUpdateUserAttributes",
      "AdminDeleteUserAttributes",
      "AdminDeleteUser",
      "AdminDisableUser",
      "AdminEnableUser",
      "AdminSetUserMFAPreference",
      "AdminSetUserSettings",
      "AdminDeleteSoftwareToken",
      "UpdateUserAttributes",
      "DeleteUserAttributes",
      "DeleteUser",
      "SetUserMFAPreference",
      "SetUserSettings",
      "ResendConfirmationCode",
      "GetUserAttributeVerificationCode",
      "VerifyUserAttribute",
      "AssociateSoftwareToken",
      "VerifySoftwareToken",
    ],
  },
  UserToken: { rate: 120, operations: ["GlobalSignOut", "AdminUserGlobalSignOut", "RevokeToken"] },
  UserResourceRead: { rate: 50, operations: ["AdminListGroupsForUser"] },
  UserResourceUpdate: { rate: 25, operations: ["AdminAddUserToGroup", "AdminRemoveUserFromGroup"] },
  UserList: { rate: 30, operations: ["ListUsers", "ListUsersInGroup"] },
  UserPoolRead: { rate: 15, operations: ["DescribeUserPool", "ListUserPools", "GetUserPoolMfaConfig"] },
  UserPoolUpdate: {
    rate: 15,
    operations: ["CreateUserPool", "UpdateUserPool", "DeleteUserPool", "AddCustomAttributes", "SetUserPoolMfaConfig"],
  },
  UserPoolResourceRead: { rate: 20, operations: ["GetGroup", "ListGroups"] },
  UserPoolResourceUpdate: { rate: 15, operations: ["CreateGroup", "UpdateGroup", "DeleteGroup"] },
  UserPoolClientRead: { rate: 15, operations: ["DescribeUserPoolClient", "ListUserPoolClients"] },
  UserPoolClientUpdate: { rate: 15, operations: ["CreateUserPoolClient", "UpdateUserPoolClient", "DeleteUserPoolClient"] },
} as const;

/** The challenge answers' own allowance: 3× UserAuthentication, the excess counted against it (developer guide). */
const RESPONSES = ["RespondToAuthChallenge", "AdminRespondToAuthChallenge"];
const RESPONSE_FACTOR = 3;

/** A token bucket holding one second's worth of requests, refilled continuously. */
class TokenBucket {
  private tokens: number;
  private at: number;

  constructor(
    private readonly perSecond: number,
    now: number,
  ) {
    this.tokens = perSecond;
    this.at = now;
  }

  take(now: number): boolean {
    this.tokens = Math.min(this.perSecond, this.tokens + (Math.max(0, now - this.at) * this.perSecond) / 1000);
    this.at = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** Admits or refuses each request by its operation's category, in this process. */
export class RequestQuotas {
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly responses: TokenBucket;
  private readonly authentication: TokenBucket;

  constructor(private readonly now: () => number) {
    const start = now();
    for (const { rate, operations } of Object.values(CATEGORIES)) {
      const bucket = new TokenBucket(rate, start);
      for (const operation of operations) this.buckets.set(operation, bucket);
    }
    this.authentication = this.buckets.get("InitiateAuth") as TokenBucket;
    this.responses = new TokenBucket(CATEGORIES.UserAuthentication.rate * RESPONSE_FACTOR, start);
  }

  /** False when the operation's category has no request left this second (TooManyRequestsException). */
  admit(operation: string): boolean {
    const now = this.now();
    if (RESPONSES.includes(operation)) return this.responses.take(now) || this.authentication.take(now);
    return this.buckets.get(operation)?.take(now) ?? true;
  }
}
