import { NotAuthorizedException, ResourceNotFoundException } from "../../errors.js";
import type { DomainContext } from "../kernel/context.js";
import { mfaReport } from "../mfa/userMfa.js";
import { getClient } from "../pools/clients.js";
import { authenticateAccessToken } from "../tokens/accessTokens.js";
import { attributeList } from "../users/user.js";
import { clientMayRead } from "../users/userAttributes.js";

/**
 * GetUser (reference §3, GetUser): the signed-in user's username, the
 * attributes the token's app client may read, and the user's MFA settings.
 * ReadAttributes govern what an access token may read, not only the ID
 * token (reference §2.3; the API's ReadAttributes documentation: "their
 * access token authorizes them to read their own attribute value for any
 * attribute in this list"). The sub is
 * the user's identity and always comes back, as it does in every token. A
 * token whose app client has since been deleted has no client to read
 * through, and is refused as an invalid token.
 */
export async function readOwnUser(
  ctx: DomainContext,
  accessToken: string,
): Promise<{ username: string; attributes: { Name: string; Value: string }[]; mfa: ReturnType<typeof mfaReport> }> {
  const { pool, clientId, user } = await authenticateAccessToken(ctx, accessToken);
  const client = await getClient(ctx, pool.id, clientId).catch((error: unknown) => {
    throw error instanceof ResourceNotFoundException ? new NotAuthorizedException("Invalid Access Token") : error;
  });
  const readAttributes = client.settings.ReadAttributes;
  const readable = new Set(["sub", ...Object.keys(user.attributes).filter((name) => clientMayRead(name, readAttributes))]);
  return { username: user.username, attributes: attributeList(user, readable), mfa: mfaReport(user) };
}
