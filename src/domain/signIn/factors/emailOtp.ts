import { poolMfaFactors } from "../../pools/poolMfa.js";
import { codeFactor } from "./codeFactor.js";

/**
 * Email MFA's text and subject when EmailMfaConfiguration sets none. Not
 * found in any source: written after the SMS default (a guess,
 * docs/research/research-mfa.md).
 */
const DEFAULT_EMAIL = { body: "Your authentication code is {####}. ", subject: "Your authentication code" };

/**
 * EMAIL_OTP as email MFA (cognito-2024-2026.md §4–5): a code to the email
 * address, answered as EMAIL_OTP_CODE, with EmailMfaConfiguration's
 * Message and Subject. Eight digits, as Cognito's email and SMS one-time
 * codes have (aws-amplify/amplify-js #14428, for sign-in OTPs).
 */
export const emailOtp = codeFactor({
  challenge: "EMAIL_OTP",
  medium: "EMAIL",
  response: "EMAIL_OTP_CODE",
  digits: 8,
  template(pool) {
    const config = poolMfaFactors(pool.settings).EmailMfa ?? {};
    return { body: config.Message ?? DEFAULT_EMAIL.body, subject: config.Subject ?? DEFAULT_EMAIL.subject };
  },
});
