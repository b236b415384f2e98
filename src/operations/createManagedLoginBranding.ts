import { createBranding } from "../domain/hostedUi/managedLoginBranding.js";
import { compact } from "../domain/kernel/compact.js";
import { managedLoginBrandingType } from "./brandingOutput.js";
import { ClientIdType, UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { AssetListType } from "./poolResourceTypes.js";
import { boolean, document, required, struct } from "./shape.js";

export const CreateManagedLoginBranding = defineOperation(
  "CreateManagedLoginBranding",
  struct({
    UserPoolId: required(UserPoolIdType),
    ClientId: required(ClientIdType),
    UseCognitoProvidedValues: boolean(),
    Settings: document(),
    Assets: AssetListType,
  }),
  async (ctx, { UserPoolId, ClientId, UseCognitoProvidedValues, Settings, Assets }) => ({
    ManagedLoginBranding: managedLoginBrandingType(
      await createBranding(
        ctx,
        UserPoolId,
        ClientId,
        compact({ useCognitoProvidedValues: UseCognitoProvidedValues, settings: Settings, assets: Assets }),
      ),
    ),
  }),
);
