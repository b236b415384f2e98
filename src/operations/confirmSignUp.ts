import { confirmSignUp } from "../domain/flows/confirmSignUp.js";
import { compact } from "../domain/kernel/compact.js";
import { ConfirmationCodeType, SessionType, selfServiceMembers } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { boolean, required, struct } from "./shape.js";

export const ConfirmSignUp = defineOperation(
  "ConfirmSignUp",
  struct({
    ...selfServiceMembers,
    ConfirmationCode: required(ConfirmationCodeType),
    ForceAliasCreation: boolean(),
    // Session continues a choice-based sign-in, which this server does not offer; accepted and checked.
    Session: SessionType,
  }),
  async (ctx, input) => {
    await confirmSignUp(
      ctx,
      compact({
        clientId: input.ClientId,
        secretHash: input.SecretHash,
        username: input.Username,
        code: input.ConfirmationCode,
        forceAliasCreation: input.ForceAliasCreation ?? false,
      }),
    );
    return {};
  },
);
