import { InvalidParameterException, LimitExceededException, ResourceNotFoundException } from "../../errors.js";
import type { DomainContext } from "../kernel/context.js";
import { type AppClient, type ClientSecret, getClient, newClientSecret, saveClient } from "./clients.js";

/** "Supports up to 2 active secrets per app client" (AddUserPoolClientSecret API reference). */
export const MAX_CLIENT_SECRETS = 2;

function requireConfidential(client: AppClient): void {
  // Message guessed (research-pool-surface.md).
  if (client.secrets.length === 0) throw new InvalidParameterException(`Client ${client.id} does not have a client secret.`);
}

/**
 * AddUserPoolClientSecret: a second live secret for a confidential client,
 * the caller's or a generated one. The answer shows the value only when
 * Cognito generated it (API reference).
 */
export async function addClientSecret(
  ctx: DomainContext,
  poolId: string,
  clientId: string,
  value: string | undefined,
): Promise<{ secret: ClientSecret; generated: boolean }> {
  const client = await getClient(ctx, poolId, clientId);
  requireConfidential(client);
  if (client.secrets.length >= MAX_CLIENT_SECRETS) {
    throw new LimitExceededException(`Client ${client.id} already has ${MAX_CLIENT_SECRETS} client secrets.`);
  }
  const secret = newClientSecret(ctx, value);
  await saveClient(ctx, { ...client, secrets: [...client.secrets, secret], modifiedAt: ctx.clock.now() });
  return { secret, generated: value === undefined };
}

/** ListUserPoolClientSecrets: both secrets' ids and creation times, never their values. */
export async function listClientSecrets(ctx: DomainContext, poolId: string, clientId: string): Promise<ClientSecret[]> {
  const client = await getClient(ctx, poolId, clientId);
  requireConfidential(client);
  return client.secrets;
}

/** DeleteUserPoolClientSecret: a client keeps one secret at least (message guessed). */
export async function deleteClientSecret(ctx: DomainContext, poolId: string, clientId: string, secretId: string): Promise<void> {
  const client = await getClient(ctx, poolId, clientId);
  requireConfidential(client);
  const remaining = client.secrets.filter((s) => s.id !== secretId);
  if (remaining.length === client.secrets.length) {
    throw new ResourceNotFoundException(`Client secret ${secretId} does not exist.`);
  }
  if (remaining.length === 0) {
    throw new InvalidParameterException("The last client secret of a client cannot be deleted.");
  }
  await saveClient(ctx, { ...client, secrets: remaining, secret: remaining[0]?.value ?? null, modifiedAt: ctx.clock.now() });
}
