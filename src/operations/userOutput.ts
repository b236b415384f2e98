import { attributeList, type User } from "../domain/users/user.js";
import { epochSeconds } from "./operation.js";

/** UserType, as AdminCreateUser, ListUsers and ListUsersInGroup return it (attributes under `Attributes`). */
export function userType(user: User, only?: ReadonlySet<string>) {
  return {
    Username: user.username,
    Attributes: attributeList(user, only),
    UserCreateDate: epochSeconds(user.createdAt),
    UserLastModifiedDate: epochSeconds(user.modifiedAt),
    Enabled: user.enabled,
    UserStatus: user.status,
  };
}
