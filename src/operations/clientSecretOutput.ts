import type { ClientSecret } from "../domain/pools/clients.js";
import { epochSeconds } from "./operation.js";

/** ClientSecretDescriptorType; the value only where the caller may see it. */
export function clientSecretDescriptor(secret: ClientSecret, withValue: boolean) {
  return {
    ClientSecretId: secret.id,
    ...(withValue ? { ClientSecretValue: secret.value } : {}),
    ClientSecretCreateDate: epochSeconds(secret.createdAt),
  };
}
