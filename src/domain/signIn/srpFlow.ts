import { NotAuthorizedException } from "../../errors.js";
import { fromHex, N, N_LENGTH } from "../kernel/srp.js";
import { preventsUserExistenceErrors } from "../pools/clientSettings.js";
import { checkSecretHash } from "../pools/secretHash.js";
import { INCORRECT_PASSWORD } from "../users/lockout.js";
import { findUser, userNotFound } from "../users/userLookup.js";
import type { SignInFlow } from "./authFlows.js";
import { requiredParameter } from "./authParameters.js";
import { decoyChallenge, passwordVerifierFor } from "./factors/passwordVerifier.js";

/**
 * The client's SRP_A (reference §4.3): hex of A, at most as long as N
 * written out; A ≡ 0 (mod N) would make the session key known to anyone
 * and is refused, as SRP-6a requires.
 */
function clientPublicValue(srpA: string): bigint {
  const A = srpA.length <= 2 * N_LENGTH ? fromHex(srpA) : undefined;
  if (A === undefined || A % N === 0n) throw new NotAuthorizedException(INCORRECT_PASSWORD);
  return A;
}

/**
 * USER_SRP_AUTH on InitiateAuth and AdminInitiateAuth (reference §4.1,
 * §4.3): USERNAME, SRP_A and SECRET_HASH (over USERNAME) are checked, then
 * the user's PASSWORD_VERIFIER challenge is asked. The status, lockout and
 * password gates of §4.2 run on the answer (factors/passwordVerifier.ts).
 * An unknown user is UserNotFoundException, or with
 * PreventUserExistenceErrors ENABLED a decoy challenge whose answer is
 * refused as a wrong proof (§2.7).
 */
export const srpFlow: SignInFlow = async (ctx, { pool, client, parameters }, next) => {
  const username = requiredParameter(parameters, "USERNAME");
  const A = clientPublicValue(requiredParameter(parameters, "SRP_A"));
  checkSecretHash(client, [username], parameters.SECRET_HASH);
  const user = await findUser(ctx, pool, username);
  if (user === undefined) {
    if (!preventsUserExistenceErrors(client.settings)) throw userNotFound();
    return decoyChallenge(ctx, pool, username);
  }
  return next({ pool, client, user, passed: [] }, passwordVerifierFor(A));
};
