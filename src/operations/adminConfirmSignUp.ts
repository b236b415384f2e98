import { adminConfirmSignUp } from "../domain/flows/confirmSignUp.js";
import { ClientMetadataType, UsernameType, UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { required, struct } from "./shape.js";

export const AdminConfirmSignUp = defineOperation(
  "AdminConfirmSignUp",
  struct({
    UserPoolId: required(UserPoolIdType),
    Username: required(UsernameType),
    // Goes to the PostConfirmation trigger; accepted and checked until triggers exist.
    ClientMetadata: ClientMetadataType,
  }),
  async (ctx, input) => {
    await adminConfirmSignUp(ctx, input.UserPoolId, input.Username);
    return {};
  },
);
