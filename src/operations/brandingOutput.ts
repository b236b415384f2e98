import type { ManagedLoginBranding } from "../domain/hostedUi/managedLoginBranding.js";
import { epochSeconds } from "./operation.js";

/** ManagedLoginBrandingType of the model. */
export function managedLoginBrandingType(branding: ManagedLoginBranding) {
  return {
    ManagedLoginBrandingId: branding.id,
    UserPoolId: branding.poolId,
    UseCognitoProvidedValues: branding.useCognitoProvidedValues,
    ...(branding.settings === undefined ? {} : { Settings: branding.settings }),
    Assets: branding.assets,
    CreationDate: epochSeconds(branding.createdAt),
    LastModifiedDate: epochSeconds(branding.modifiedAt),
  };
}
