import { mfaReport } from "../domain/mfa/userMfa.js";
import { attributeList, type User } from "../domain/users/user.js";
import { epochSeconds } from "./operation.js";

/** UserType, as AdminCreateUser, ListUsers and ListUsersInGroup return it (attributes under `Attributes`). */
export function userType(user: User, only?: ReadonlySet<string>) {
  const { MFAOptions } = mfaReport(user);
  return {
    Username: user.username,
    Attributes: attributeList(user, only),
    UserCreateDate: epochSeconds(user.createdAt),
    UserLastModifiedDate: epochSeconds(user.modifiedAt),
    Enabled: user.enabled,
    UserStatus: user.status,
    // UserType carries the legacy MFAOptions only (the model's UserType).
    ...(MFAOptions === undefined ? {} : { MFAOptions }),
  };
}
