import { updateUserAttributes } from "../domain/flows/updateUserAttributes.js";
import { getPool } from "../domain/pools/pools.js";
import { AttributeListType, ClientMetadataType, UsernameType, UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { required, struct } from "./shape.js";

export const AdminUpdateUserAttributes = defineOperation(
  "AdminUpdateUserAttributes",
  struct({
    UserPoolId: required(UserPoolIdType),
    Username: required(UsernameType),
    UserAttributes: required(AttributeListType),
    // Goes to the CustomMessage trigger; accepted and checked until triggers exist.
    ClientMetadata: ClientMetadataType,
  }),
  async (ctx, { UserPoolId, Username, UserAttributes }) => {
    await updateUserAttributes(ctx, await getPool(ctx, UserPoolId), Username, UserAttributes);
    return {};
  },
);
