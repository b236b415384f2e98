import { untagPool } from "../domain/pools/poolTags.js";
import { ArnType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { UserPoolTagsListType } from "./poolResourceTypes.js";
import { required, struct } from "./shape.js";

export const UntagResource = defineOperation(
  "UntagResource",
  struct({ ResourceArn: required(ArnType), TagKeys: required(UserPoolTagsListType) }),
  async (ctx, { ResourceArn, TagKeys }) => {
    await untagPool(ctx, ResourceArn, TagKeys);
    return {};
  },
);
