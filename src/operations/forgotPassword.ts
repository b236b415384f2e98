import { forgotPassword } from "../domain/flows/passwordReset.js";
import { compact } from "../domain/kernel/compact.js";
import { selfServiceMembers } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { struct } from "./shape.js";

export const ForgotPassword = defineOperation("ForgotPassword", struct(selfServiceMembers), async (ctx, input) => {
  const details = await forgotPassword(
    ctx,
    compact({ clientId: input.ClientId, secretHash: input.SecretHash, username: input.Username }),
  );
  return { CodeDeliveryDetails: details };
});
