import { CodeMismatchException, InvalidParameterException, NotAuthorizedException } from "../../../errors.js";
import { maskDestination } from "../../courier/codeDelivery.js";
import { codeHash } from "../../courier/codes.js";
import { MEDIUM_ATTRIBUTE, renderTemplate } from "../../courier/messages.js";
import { equalSecrets } from "../../kernel/equalSecrets.js";
import type { DeliveryMedium } from "../../kernel/messageSender.js";
import { randomString } from "../../kernel/runtime.js";
import type { Pool } from "../../pools/pools.js";
import { verifyCodeWithLockout } from "../../users/lockout.js";
import { saveUser } from "../../users/saveUser.js";
import { findUser } from "../../users/userLookup.js";
import { requiredParameter } from "../authParameters.js";
import type { Factor } from "../factor.js";
import { dueAsFactor, WRONG_MFA_CODE } from "./mfaStep.js";

/** What tells the SMS_MFA and EMAIL_OTP challenges apart. */
export interface CodeFactorSpec {
  challenge: "SMS_MFA" | "EMAIL_OTP";
  medium: DeliveryMedium;
  /** The ChallengeResponses member that carries the code. */
  response: string;
  digits: number;
  /** The pool's message (with {####}) and subject, or Cognito's default. */
  template(pool: Pool): { body: string; subject: string | null };
}

/**
 * A factor that sends a one-time code to the user's phone or email address
 * through the outbox (ctx.sender), as Cognito sends SMS and email MFA codes
 * (reference §4.5; cognito-2024-2026.md §5). The challenge names the
 * medium and the masked destination. The code lives only as a keyed hash
 * (courier/codes.ts) in the challenge session's state, so it is valid as
 * long as the session ("The SMS text message authorization code is valid
 * for the Authentication flow session duration", developer guide) and
 * answers once. A wrong code is CodeMismatchException and counts twice:
 * against the session (five, then it is dead) and toward the sign-in
 * lockout (reference §2.6). The first right code marks the phone number or
 * address verified ("When a user completes their first MFA, Amazon Cognito
 * marks their email address or phone number as verified", developer guide).
 */
export function codeFactor(spec: CodeFactorSpec): Factor {
  const attribute = MEDIUM_ATTRIBUTE[spec.medium];
  const verifiedFlag = `${attribute}_verified`;
  return {
    challenge: spec.challenge,
    maxWrongAnswers: 5,
    isDue: dueAsFactor(spec.challenge),

    async ask(ctx, { pool, user }) {
      const destination = user.attributes[attribute];
      if (destination === undefined)
        throw new InvalidParameterException(`User does not have a ${attribute} for ${spec.challenge}.`);
      const code = randomString(ctx.random, "0123456789", spec.digits);
      const { body, subject } = spec.template(pool);
      await ctx.sender.send(ctx, {
        poolId: pool.id,
        username: user.username,
        deliveryMedium: spec.medium,
        destination,
        subject,
        ...renderTemplate(body, { code }),
        reason: "CustomMessage_Authentication",
      });
      return {
        parameters: {
          CODE_DELIVERY_DELIVERY_MEDIUM: spec.medium,
          CODE_DELIVERY_DESTINATION: maskDestination(spec.medium, destination),
          USER_ID_FOR_SRP: user.username,
        },
        state: { codeHash: codeHash(ctx, user.id, spec.challenge, code) },
      };
    },

    async verify(ctx, { pool, user }, responses, state) {
      const given = requiredParameter(responses, spec.response);
      const expected = state.codeHash;
      const right = await verifyCodeWithLockout(
        ctx,
        user,
        async () => typeof expected === "string" && equalSecrets(expected, codeHash(ctx, user.id, spec.challenge, given)),
        (matched) => matched,
      );
      if (!right) return { right: false, error: new CodeMismatchException(WRONG_MFA_CODE) };
      return {
        right: true,
        async commit(tx, attempt) {
          if (attempt.user.attributes[verifiedFlag] === "true") return attempt.user;
          const current = await findUser(tx, pool, attempt.user.username);
          if (current === undefined || current.id !== attempt.user.id)
            throw new NotAuthorizedException("Invalid session for the user.");
          return saveUser(tx, pool, current, { attributes: { ...current.attributes, [verifiedFlag]: "true" } });
        },
      };
    },
  };
}
