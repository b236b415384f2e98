import { tagsOf } from "../domain/pools/poolTags.js";
import { ArnType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { required, struct } from "./shape.js";

export const ListTagsForResource = defineOperation(
  "ListTagsForResource",
  struct({ ResourceArn: required(ArnType) }),
  async (ctx, { ResourceArn }) => ({ Tags: await tagsOf(ctx, ResourceArn) }),
);
