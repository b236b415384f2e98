import { adminResetUserPassword } from "../domain/flows/passwordReset.js";
import { ClientMetadataType, UsernameType, UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { required, struct } from "./shape.js";

export const AdminResetUserPassword = defineOperation(
  "AdminResetUserPassword",
  struct({
    UserPoolId: required(UserPoolIdType),
    Username: required(UsernameType),
    // Goes to the CustomMessage trigger; accepted and checked until triggers exist.
    ClientMetadata: ClientMetadataType,
  }),
  async (ctx, input) => {
    await adminResetUserPassword(ctx, input.UserPoolId, input.Username);
    return {};
  },
);
