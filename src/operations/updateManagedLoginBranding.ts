import { updateBranding } from "../domain/hostedUi/managedLoginBranding.js";
import { compact } from "../domain/kernel/compact.js";
import { managedLoginBrandingType } from "./brandingOutput.js";
import { UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { AssetListType, ManagedLoginBrandingIdType } from "./poolResourceTypes.js";
import { boolean, document, required, struct } from "./shape.js";

export const UpdateManagedLoginBranding = defineOperation(
  "UpdateManagedLoginBranding",
  struct({
    UserPoolId: required(UserPoolIdType),
    ManagedLoginBrandingId: required(ManagedLoginBrandingIdType),
    UseCognitoProvidedValues: boolean(),
    Settings: document(),
    Assets: AssetListType,
  }),
  async (ctx, { UserPoolId, ManagedLoginBrandingId, UseCognitoProvidedValues, Settings, Assets }) => ({
    ManagedLoginBranding: managedLoginBrandingType(
      await updateBranding(
        ctx,
        UserPoolId,
        ManagedLoginBrandingId,
        compact({ useCognitoProvidedValues: UseCognitoProvidedValues, settings: Settings, assets: Assets }),
      ),
    ),
  }),
);
