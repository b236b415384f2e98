import { adminSetUserPassword } from "../domain/flows/adminSetUserPassword.js";
import { PasswordType, UsernameType, UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { boolean, required, struct } from "./shape.js";

export const AdminSetUserPassword = defineOperation(
  "AdminSetUserPassword",
  struct({
    UserPoolId: required(UserPoolIdType),
    Username: required(UsernameType),
    Password: required(PasswordType),
    Permanent: boolean(),
  }),
  async (ctx, input) => {
    await adminSetUserPassword(ctx, input.UserPoolId, {
      username: input.Username,
      password: input.Password,
      permanent: input.Permanent ?? false,
    });
    return {};
  },
);
