/**
 * Model patterns (botocore cognito-idp 2016-04-18) that a backtracking
 * engine such as JavaScript's matches in quadratic time or worse: a value
 * that almost matches makes it retry every split between the parts. Each is
 * paired with a pattern for the same language that cannot backtrack more than
 * a few characters per position, and that is what values are matched with;
 * messages still quote the model's. Characters of the model's classes, one each:
 */
const PRINTABLE = "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]";
const TEMPLATE_CHAR = "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]";

export interface LinearPattern {
  /** The model's pattern, quoted in messages. */
  pattern: string;
  /** The same language, written for linear matching. */
  linearPattern: string;
}

/**
 * EmailAddressType: printable characters with an `@` neither first nor last.
 * '@' is printable, so `X+@X+` can split at any '@'. Splitting at the first
 * '@' after the first character is enough: one printable character, then
 * characters other than '@', then '@', then printable characters.
 */
export const EMAIL_ADDRESS: LinearPattern = {
  pattern: `${PRINTABLE}+@${PRINTABLE}+`,
  linearPattern: `${PRINTABLE}(?:(?!@)${PRINTABLE})*@${PRINTABLE}+`,
};

/**
 * EmailVerificationMessageType: template characters around a `{####}`. The
 * first occurrence is enough: characters that do not start one, then it,
 * then anything.
 */
export const EMAIL_MESSAGE: LinearPattern = {
  pattern: `${TEMPLATE_CHAR}*\\{####\\}${TEMPLATE_CHAR}*`,
  linearPattern: `(?:(?!\\{####\\})${TEMPLATE_CHAR})*\\{####\\}${TEMPLATE_CHAR}*`,
};

/**
 * EmailVerificationMessageByLinkType: template characters with a `{##` and,
 * after it, a `##}`. The first `{##` and the first `##}` after it are enough.
 */
export const EMAIL_MESSAGE_BY_LINK: LinearPattern = {
  pattern: `${TEMPLATE_CHAR}*\\{##${TEMPLATE_CHAR}*##\\}${TEMPLATE_CHAR}*`,
  linearPattern: `(?:(?!\\{##)${TEMPLATE_CHAR})*\\{##(?:(?!##\\})${TEMPLATE_CHAR})*##\\}${TEMPLATE_CHAR}*`,
};
