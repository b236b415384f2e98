import { createDomain } from "../domain/hostedUi/domains.js";
import { defineOperation } from "./operation.js";
import { domainAnswer, domainChanges, UserPoolDomainRequest } from "./userPoolDomainRequest.js";

/**
 * CreateUserPoolDomain: a custom domain answers its CloudFront target and the
 * managed login version; a prefix domain answers the version only (the
 * model: "If you set an Amazon Cognito prefix domain, this operation returns
 * a blank response").
 */
export const CreateUserPoolDomain = defineOperation("CreateUserPoolDomain", UserPoolDomainRequest, async (ctx, input) =>
  domainAnswer(await createDomain(ctx, input.UserPoolId, input.Domain, domainChanges(input))),
);
