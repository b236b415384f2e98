import { CodeMismatchException, ExpiredCodeException } from "../../../errors.js";
import { optimistically } from "../../kernel/atomically.js";
import { acceptSoftwareTokenCode, softwareTokenDeviceName } from "../../mfa/totp.js";
import { verifyCodeWithLockout } from "../../users/lockout.js";
import type { User } from "../../users/user.js";
import { findUser } from "../../users/userLookup.js";
import { requiredParameter } from "../authParameters.js";
import type { Factor } from "../factor.js";
import { dueAsFactor, WRONG_MFA_CODE } from "./mfaStep.js";

/**
 * SOFTWARE_TOKEN_MFA (reference §4.5): the code of the user's verified
 * authenticator, answered as SOFTWARE_TOKEN_MFA_CODE; the challenge names
 * the device as VerifySoftwareToken was told (FRIENDLY_DEVICE_NAME, left
 * out when none was given). A code is accepted once (mfa/totp.ts): used
 * again, it is ExpiredCodeException "Your software token has already been
 * used once." (the text clients test for: aws-amplify/amplify-swift's TOTP
 * sign-in test, and Cognito wrappers in PHP and C#); a wrong one is
 * CodeMismatchException. Both count against the session and toward the
 * sign-in lockout (reference §2.6).
 */
export const softwareTokenMfa: Factor = {
  challenge: "SOFTWARE_TOKEN_MFA",
  maxWrongAnswers: 5,
  isDue: dueAsFactor("SOFTWARE_TOKEN_MFA"),

  async ask(_ctx, { user }) {
    const name = softwareTokenDeviceName(user);
    return { parameters: { ...(name === undefined ? {} : { FRIENDLY_DEVICE_NAME: name }), USER_ID_FOR_SRP: user.username } };
  },

  async verify(ctx, { pool, user }, responses) {
    const code = requiredParameter(responses, "SOFTWARE_TOKEN_MFA_CODE");
    let current: User | undefined = user;
    const outcome = await verifyCodeWithLockout(
      ctx,
      user,
      // The engine has just read the user; a lost race re-reads it, and sees the step used.
      () =>
        optimistically(async () => {
          const fresh = current ?? (await findUser(ctx, pool, user.username)) ?? user;
          current = undefined;
          return acceptSoftwareTokenCode(ctx, pool, fresh, code);
        }),
      (result) => typeof result === "object",
    );
    if (outcome === "wrong") return { right: false, error: new CodeMismatchException(WRONG_MFA_CODE) };
    if (outcome === "used") {
      return { right: false, error: new ExpiredCodeException("Your software token has already been used once.") };
    }
    // The step is recorded; nothing the tokens carry changed, so no commit (and no transaction).
    return { right: true };
  },
};
