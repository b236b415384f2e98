import type { AwsError } from "../errors.js";

export const JSON_11 = "application/x-amz-json-1.1";

export interface ProtocolResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Header values must be one line of Latin-1; messages are free text. */
function headerSafe(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, " ").slice(0, 512);
}

export function successResponse(requestId: string, output: object): ProtocolResponse {
  return {
    status: 200,
    headers: { "content-type": JSON_11, "x-amzn-requestid": requestId },
    body: JSON.stringify(output),
  };
}

/**
 * The one place errors reach the wire (reference §1.3): the bare name in
 * `__type`, `message`, and the same in x-amzn-ErrorType ("Name:") and
 * x-amzn-ErrorMessage, which some clients read instead of the body.
 */
export function errorResponse(requestId: string, error: AwsError): ProtocolResponse {
  return {
    status: error.status,
    headers: {
      "content-type": JSON_11,
      "x-amzn-requestid": requestId,
      "x-amzn-errortype": `${error.name}:`,
      "x-amzn-errormessage": headerSafe(error.message),
    },
    body: JSON.stringify({ __type: error.name, message: error.message }),
  };
}
