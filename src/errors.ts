/**
 * The one error registry. Each class is named exactly as the wire `__type`
 * (reference §1.3, §10); anything may throw them, only the protocol layer
 * writes them to the wire. HTTP statuses follow reference §1.4: Cognito
 * answers 400 for client errors even where the model says 403/404/429.
 */
export abstract class AwsError extends Error {
  /** HTTP status written with the error. */
  readonly status: number = 400;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

// --- Cognito's modelled client errors -------------------------------------
export class AliasExistsException extends AwsError {}
export class CodeDeliveryFailureException extends AwsError {}
export class CodeMismatchException extends AwsError {}
export class ConcurrentModificationException extends AwsError {}
export class DuplicateProviderException extends AwsError {}
export class EnableSoftwareTokenMFAException extends AwsError {}
export class ExpiredCodeException extends AwsError {}
/** 400 on the wire, as AWS answered it (hashicorp/terraform-provider-aws #40734), though the model says 403. */
export class FeatureUnavailableInTierException extends AwsError {}
export class GroupExistsException extends AwsError {}
export class InvalidLambdaResponseException extends AwsError {}
export class InvalidOAuthFlowException extends AwsError {}
export class InvalidParameterException extends AwsError {}
export class InvalidPasswordException extends AwsError {}
export class InvalidUserPoolConfigurationException extends AwsError {}
export class LimitExceededException extends AwsError {}
export class MFAMethodNotFoundException extends AwsError {}
export class ManagedLoginBrandingExistsException extends AwsError {}
export class NotAuthorizedException extends AwsError {}
export class OperationNotEnabledException extends AwsError {}
export class PasswordHistoryPolicyViolationException extends AwsError {}
export class PasswordResetRequiredException extends AwsError {}
export class PreconditionNotMetException extends AwsError {}
export class RefreshTokenReuseException extends AwsError {}
export class ResourceNotFoundException extends AwsError {}
export class ScopeDoesNotExistException extends AwsError {}
export class SoftwareTokenMFANotFoundException extends AwsError {}
export class TermsExistsException extends AwsError {}
export class TooManyFailedAttemptsException extends AwsError {}
export class TooManyRequestsException extends AwsError {}
export class UnexpectedLambdaException extends AwsError {}
export class UnsupportedOperationException extends AwsError {}
export class UnsupportedTokenTypeException extends AwsError {}
export class UnsupportedUserStateException extends AwsError {}
export class UserLambdaValidationException extends AwsError {}
export class UserNotConfirmedException extends AwsError {}
export class UserNotFoundException extends AwsError {}
export class UserPoolAddOnNotEnabledException extends AwsError {}
export class UsernameExistsException extends AwsError {}
export class UnauthorizedException extends AwsError {}
export class ForbiddenException extends AwsError {
  override readonly status = 403;
}
export class InternalErrorException extends AwsError {
  override readonly status = 500;
}

// --- AWS-common protocol errors (not in the Cognito model; reference §1.7) --
export class UnknownOperationException extends AwsError {}
export class SerializationException extends AwsError {}
export class RequestEntityTooLargeException extends AwsError {
  override readonly status = 413;
}
/** 400, as Cognito answers it (research notes), though other AWS front ends use 403. */
export class MissingAuthenticationTokenException extends AwsError {}
export class IncompleteSignatureException extends AwsError {}
export class InvalidSignatureException extends AwsError {}
export class UnrecognizedClientException extends AwsError {}
