import { resendConfirmationCode } from "../domain/flows/resendConfirmationCode.js";
import { compact } from "../domain/kernel/compact.js";
import { selfServiceMembers } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { struct } from "./shape.js";

export const ResendConfirmationCode = defineOperation(
  "ResendConfirmationCode",
  struct(selfServiceMembers),
  async (ctx, input) => {
    const details = await resendConfirmationCode(
      ctx,
      compact({ clientId: input.ClientId, secretHash: input.SecretHash, username: input.Username }),
    );
    return { CodeDeliveryDetails: details };
  },
);
