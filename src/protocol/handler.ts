import type { DomainContext } from "../domain/kernel/context.js";
import {
  AwsError,
  InternalErrorException,
  SerializationException,
  TooManyRequestsException,
  UnknownOperationException,
  UnsupportedOperationException,
} from "../errors.js";
import type { Operation } from "../operations/index.js";
import { SIGNED_OPERATIONS, UNSIGNED_OPERATIONS } from "./cognitoOperations.js";
import type { RequestQuotas } from "./requestQuotas.js";
import type { SignedRequest, SigV4Verifier } from "./sigv4.js";
import { errorResponse, type ProtocolResponse, successResponse } from "./wire.js";

const TARGET_PREFIX = "AWSCognitoIdentityProviderService.";

export interface ApiRequest extends SignedRequest {
  requestId: string;
}

/** What happened, for the access log; never the body. */
export interface ApiOutcome {
  response: ProtocolResponse;
  operation?: string;
  /** The caller's access key id, for signed operations. */
  caller?: string;
  /** The unexpected error behind a 500, for the server log only. */
  fault?: unknown;
}

export interface ApiHandlerOptions {
  operations: ReadonlyMap<string, Operation>;
  verifier: SigV4Verifier;
  domain: DomainContext;
  /** Cognito's request-rate quotas, when the server enforces them. */
  quotas?: RequestQuotas;
}

/**
 * AWS JSON 1.1 for Cognito: routes X-Amz-Target to an operation, checks the
 * caller's SigV4 signature where Cognito requires IAM authorisation
 * (reference §1.7), decodes the body, and turns every outcome into a
 * response. Anything that is not an AwsError is a server fault: the client
 * sees InternalErrorException and the request id, never the details.
 */
export class ApiHandler {
  constructor(private readonly options: ApiHandlerOptions) {}

  async handle(request: ApiRequest): Promise<ApiOutcome> {
    const target = request.headers.get("x-amz-target")?.[0] ?? "";
    const name = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : undefined;
    const outcome: ApiOutcome = { response: successResponse(request.requestId, {}) };
    if (name !== undefined) outcome.operation = name;
    try {
      if (name === undefined || (!SIGNED_OPERATIONS.has(name) && !UNSIGNED_OPERATIONS.has(name))) {
        throw new UnknownOperationException(target === "" ? "Missing X-Amz-Target header." : `Unknown operation ${target}.`);
      }
      // Wording observed from Cognito (aws-amplify/amplify-js#3554); reference §8 also reports "Too many requests".
      if (this.options.quotas?.admit(name) === false) throw new TooManyRequestsException("Rate exceeded");
      // Unsigned operations ignore an Authorization header if one is sent (older SDKs sign them).
      if (SIGNED_OPERATIONS.has(name)) outcome.caller = await this.options.verifier.verify(request);
      const operation = this.options.operations.get(name);
      if (operation === undefined) throw new UnsupportedOperationException(`userpool does not implement ${name} yet.`);
      const output = await operation.invoke(this.options.domain, decodeBody(request.body));
      outcome.response = successResponse(request.requestId, output);
    } catch (error) {
      if (error instanceof AwsError) {
        outcome.response = errorResponse(request.requestId, error);
      } else {
        outcome.fault = error;
        outcome.response = errorResponse(
          request.requestId,
          new InternalErrorException(`An internal error occurred. Request id: ${request.requestId}`),
        );
      }
    }
    return outcome;
  }
}

function decodeBody(body: Buffer): unknown {
  // v3 sends "{}" for empty inputs; an empty body is read the same way.
  if (body.length === 0) return {};
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    throw new SerializationException("The request body is not valid JSON.");
  }
}
