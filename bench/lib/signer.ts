import { createHash, createHmac } from "node:crypto";

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface PreparedRequest {
  operation: string;
  headers: Record<string, string>;
  body: string;
}

const hmac = (key: Buffer | string, data: string) => createHmac("sha256", key).update(data).digest();
const sha256 = (data: string) => createHash("sha256").update(data).digest("hex");

/** Signs one call of the given operation, once, for the load generator to replay. */
export type Signer = (operation: string, input: object) => PreparedRequest;

/**
 * Signs one Cognito call with SigV4 the way the AWS SDK does, once, so the
 * load generator can replay it: signing is not what the benchmark measures.
 */
function signRequest(url: string, region: string, credentials: Credentials, operation: string, input: object): PreparedRequest {
  const host = new URL(url).host;
  const body = JSON.stringify(input);
  const amzDate = new Date()
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
  const date = amzDate.slice(0, 8);
  const headers: Record<string, string> = {
    "content-type": "application/x-amz-json-1.1",
    host,
    "x-amz-date": amzDate,
    "x-amz-target": `AWSCognitoIdentityProviderService.${operation}`,
  };
  const signedHeaders = Object.keys(headers).sort();
  const canonical = [
    "POST",
    "/",
    "",
    ...signedHeaders.map((h) => `${h}:${headers[h]}`),
    "",
    signedHeaders.join(";"),
    sha256(body),
  ].join("\n");
  const scope = `${date}/${region}/cognito-idp/aws4_request`;
  const key = hmac(hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, date), region), "cognito-idp"), "aws4_request");
  const signature = hmac(key, `AWS4-HMAC-SHA256\n${amzDate}\n${scope}\n${sha256(canonical)}`).toString("hex");
  const { host: _host, ...sent } = headers;
  return {
    operation,
    body,
    headers: {
      ...sent,
      authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders.join(";")}, Signature=${signature}`,
    },
  };
}

/** Signs calls to one server with the bench's region and credentials. */
export function signerFor(server: { url: string }, bench: { region: string; credentials: Credentials }): Signer {
  return (operation, input) => signRequest(server.url, bench.region, bench.credentials, operation, input);
}

/** An unsigned call (the public operations). */
export function unsignedRequest(operation: string, input: object): PreparedRequest {
  return {
    operation,
    body: JSON.stringify(input),
    headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": `AWSCognitoIdentityProviderService.${operation}` },
  };
}
