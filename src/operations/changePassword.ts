import { changePassword } from "../domain/flows/changePassword.js";
import { PasswordType, TokenModelType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { required, struct } from "./shape.js";

export const ChangePassword = defineOperation(
  "ChangePassword",
  struct({ PreviousPassword: PasswordType, ProposedPassword: required(PasswordType), AccessToken: required(TokenModelType) }),
  async (ctx, input) => {
    await changePassword(ctx, input.AccessToken, input.PreviousPassword, input.ProposedPassword);
    return {};
  },
);
