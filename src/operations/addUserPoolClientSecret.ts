import { addClientSecret } from "../domain/pools/clientSecrets.js";
import { clientSecretDescriptor } from "./clientSecretOutput.js";
import { ClientIdType, ClientSecretType, UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { required, struct } from "./shape.js";

/** AddUserPoolClientSecret: "The ClientSecretValue is only returned when Amazon Cognito generates the secret" (API reference). */
export const AddUserPoolClientSecret = defineOperation(
  "AddUserPoolClientSecret",
  struct({ UserPoolId: required(UserPoolIdType), ClientId: required(ClientIdType), ClientSecret: ClientSecretType }),
  async (ctx, { UserPoolId, ClientId, ClientSecret }) => {
    const { secret, generated } = await addClientSecret(ctx, UserPoolId, ClientId, ClientSecret);
    return { ClientSecretDescriptor: clientSecretDescriptor(secret, generated) };
  },
);
