import { InvalidParameterException } from "../../errors.js";

/** A required AuthParameters or ChallengeResponses entry; missing or empty is refused in Cognito's words. */
export function requiredParameter(parameters: Readonly<Record<string, string>>, name: string): string {
  const value = parameters[name];
  if (value === undefined || value === "") throw new InvalidParameterException(`Missing required parameter ${name}`);
  return value;
}
