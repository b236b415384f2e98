import { codeFactor } from "./codeFactor.js";

/** Cognito's SMS MFA text when the pool sets no SmsAuthenticationMessage (observed; note the trailing space). */
const DEFAULT_SMS_MESSAGE = "Your authentication code is {####}. ";

/**
 * SMS_MFA (reference §4.5): a six-digit code to phone_number, answered as
 * SMS_MFA_CODE; the text is the pool's SmsAuthenticationMessage.
 */
export const smsMfa = codeFactor({
  challenge: "SMS_MFA",
  medium: "SMS",
  response: "SMS_MFA_CODE",
  digits: 6,
  template: (pool) => ({ body: pool.settings.SmsAuthenticationMessage ?? DEFAULT_SMS_MESSAGE, subject: null }),
});
