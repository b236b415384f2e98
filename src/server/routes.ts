import type { DomainContext } from "../domain/kernel/context.js";
import { publishedKeys } from "../domain/tokens/signingKeys.js";
import { issuer } from "../domain/tokens/tokens.js";
import { type GetRoute, jsonResponse } from "../protocol/getRoute.js";

/** GET /health: 200 while the store answers, 503 otherwise. */
export function healthRoute(domain: DomainContext): GetRoute {
  return async ({ path }) => {
    if (path !== "/health") return undefined;
    try {
      await domain.store.settings.get("health");
      return jsonResponse(200, { status: "ok" });
    } catch {
      return jsonResponse(503, { status: "unavailable" });
    }
  };
}

const WELL_KNOWN = /^\/([\w-]+_[0-9a-zA-Z]+)\/\.well-known\/(jwks\.json|openid-configuration)$/;

/**
 * GET /<poolId>/.well-known/jwks.json and …/openid-configuration (reference
 * §5.2): the keys that verify the pool's tokens, and OIDC discovery. An
 * unknown pool answers 404 with Cognito's message.
 */
export function wellKnownRoute(domain: DomainContext): GetRoute {
  return async ({ path }) => {
    const match = WELL_KNOWN.exec(path);
    if (match === null) return undefined;
    const [, poolId = "", document] = match;
    if ((await domain.store.pools.get(poolId)) === undefined) {
      return jsonResponse(404, { message: `User pool ${poolId} does not exist.` });
    }
    if (document === "jwks.json") return jsonResponse(200, { keys: await publishedKeys(domain, poolId) });
    const iss = issuer(domain, poolId);
    return jsonResponse(200, {
      issuer: iss,
      jwks_uri: `${iss}/.well-known/jwks.json`,
      response_types_supported: ["code", "token"],
      scopes_supported: ["openid", "email", "phone", "profile"],
      subject_types_supported: ["public"],
      id_token_signing_alg_values_supported: ["RS256"],
      token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
      claims_supported: [
        "sub",
        "iss",
        "aud",
        "exp",
        "iat",
        "auth_time",
        "token_use",
        "cognito:username",
        "cognito:groups",
        "email",
        "email_verified",
        "phone_number",
        "phone_number_verified",
      ],
    });
  };
}
