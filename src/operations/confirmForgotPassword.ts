import { confirmForgotPassword } from "../domain/flows/passwordReset.js";
import { compact } from "../domain/kernel/compact.js";
import { ConfirmationCodeType, PasswordType, selfServiceMembers } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { required, struct } from "./shape.js";

export const ConfirmForgotPassword = defineOperation(
  "ConfirmForgotPassword",
  struct({
    ...selfServiceMembers,
    ConfirmationCode: required(ConfirmationCodeType),
    Password: required(PasswordType),
  }),
  async (ctx, input) => {
    await confirmForgotPassword(
      ctx,
      compact({
        clientId: input.ClientId,
        secretHash: input.SecretHash,
        username: input.Username,
        code: input.ConfirmationCode,
        password: input.Password,
      }),
    );
    return {};
  },
);
