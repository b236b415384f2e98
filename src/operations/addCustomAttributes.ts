import { addCustomAttributes } from "../domain/pools/pools.js";
import { SchemaAttributeType, UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { list, required, struct } from "./shape.js";

export const AddCustomAttributes = defineOperation(
  "AddCustomAttributes",
  struct({
    UserPoolId: required(UserPoolIdType),
    CustomAttributes: required(list(SchemaAttributeType, { min: 1, max: 25 })),
  }),
  async (ctx, { UserPoolId, CustomAttributes }) => {
    await addCustomAttributes(ctx, UserPoolId, CustomAttributes);
    return {};
  },
);
