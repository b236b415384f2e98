import { updateDomain } from "../domain/hostedUi/domains.js";
import { defineOperation } from "./operation.js";
import { domainAnswer, domainChanges, UserPoolDomainRequest } from "./userPoolDomainRequest.js";

/** UpdateUserPoolDomain: answers the managed login version and, for a custom domain, its CloudFront target. */
export const UpdateUserPoolDomain = defineOperation("UpdateUserPoolDomain", UserPoolDomainRequest, async (ctx, input) =>
  domainAnswer(await updateDomain(ctx, input.UserPoolId, input.Domain, domainChanges(input))),
);
