import { tagPool } from "../domain/pools/poolTags.js";
import { ArnType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { UserPoolTagsType } from "./poolResourceTypes.js";
import { required, struct } from "./shape.js";

export const TagResource = defineOperation(
  "TagResource",
  struct({ ResourceArn: required(ArnType), Tags: required(UserPoolTagsType) }),
  async (ctx, { ResourceArn, Tags }) => {
    await tagPool(ctx, ResourceArn, Tags);
    return {};
  },
);
