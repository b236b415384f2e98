import { imageUrl, type UiCustomization } from "../domain/hostedUi/uiCustomization.js";
import { compact } from "../domain/kernel/compact.js";
import type { DomainContext } from "../domain/kernel/context.js";
import { epochSeconds } from "./operation.js";

/** UICustomizationType of the model. */
export function uiCustomizationType(ctx: DomainContext, customization: UiCustomization) {
  return compact({
    UserPoolId: customization.poolId,
    ClientId: customization.clientId,
    ImageUrl: imageUrl(ctx, customization),
    CSS: customization.css,
    CSSVersion: customization.cssVersion,
    LastModifiedDate: customization.modifiedAt === undefined ? undefined : epochSeconds(customization.modifiedAt),
    CreationDate: customization.createdAt === undefined ? undefined : epochSeconds(customization.createdAt),
  });
}
