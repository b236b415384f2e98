import type { CodeDeliveryDetails } from "../courier/codeDelivery.js";
import type { DomainContext } from "../kernel/context.js";
import { mfaReport } from "../mfa/userMfa.js";
import type { AppClient } from "../pools/clients.js";
import { authenticateAccessToken } from "../tokens/accessTokens.js";
import { attributeList } from "../users/user.js";
import { type AttributeInput, clientMayRead } from "../users/userAttributes.js";
import { deleteUserAttributes, updateUserAttributes } from "./updateUserAttributes.js";
import { deleteUser } from "./userState.js";

/** The user writing through an app client: its WriteAttributes govern what may change (reference §2.3). */
const throughClient = (client: AppClient) =>
  ({ kind: "publicUpdate", writeAttributes: client.settings.WriteAttributes }) as const;

/**
 * GetUser (reference §3, GetUser): the signed-in user's username, the
 * attributes the token's app client may read, and the user's MFA settings.
 * ReadAttributes govern what an access token may read, not only the ID
 * token (reference §2.3; the API's ReadAttributes documentation: "their
 * access token authorizes them to read their own attribute value for any
 * attribute in this list"). The sub is
 * the user's identity and always comes back, as it does in every token.
 */
export async function readOwnUser(
  ctx: DomainContext,
  accessToken: string,
): Promise<{ username: string; attributes: { Name: string; Value: string }[]; mfa: ReturnType<typeof mfaReport> }> {
  const { client, user } = await authenticateAccessToken(ctx, accessToken);
  const readAttributes = client.settings.ReadAttributes;
  const readable = new Set(["sub", ...Object.keys(user.attributes).filter((name) => clientMayRead(name, readAttributes))]);
  return { username: user.username, attributes: attributeList(user, readable), mfa: mfaReport(user) };
}

/**
 * UpdateUserAttributes: AdminUpdateUserAttributes's rules, limited to what
 * the app client may write (a *_verified flag only if WriteAttributes name
 * it; never a developer-only attribute). Returns where codes went.
 */
export async function updateOwnAttributes(
  ctx: DomainContext,
  accessToken: string,
  inputs: readonly AttributeInput[],
): Promise<CodeDeliveryDetails[]> {
  const { pool, client, user } = await authenticateAccessToken(ctx, accessToken);
  return updateUserAttributes(ctx, pool, user.username, inputs, throughClient(client));
}

/** DeleteUserAttributes: AdminDeleteUserAttributes's rules, limited to what the app client may write. */
export async function deleteOwnAttributes(ctx: DomainContext, accessToken: string, names: readonly string[]): Promise<void> {
  const { pool, client, user } = await authenticateAccessToken(ctx, accessToken);
  await deleteUserAttributes(ctx, pool, user.username, names, throughClient(client));
}

/** DeleteUser: the signed-in user deletes their own profile, as AdminDeleteUser would (reference §2.2). */
export async function deleteOwnUser(ctx: DomainContext, accessToken: string): Promise<void> {
  const { pool, user } = await authenticateAccessToken(ctx, accessToken);
  await deleteUser(ctx, pool, user.username);
}
