import type { Terms } from "../domain/hostedUi/terms.js";
import { epochSeconds } from "./operation.js";

/** TermsType of the model. */
export function termsType(terms: Terms) {
  return {
    TermsId: terms.id,
    UserPoolId: terms.poolId,
    ClientId: terms.clientId,
    TermsName: terms.name,
    TermsSource: terms.source,
    Enforcement: terms.enforcement,
    Links: terms.links,
    CreationDate: epochSeconds(terms.createdAt),
    LastModifiedDate: epochSeconds(terms.modifiedAt),
  };
}

/** TermsDescriptionType, as ListTerms returns it. */
export function termsDescription(terms: Terms) {
  return {
    TermsId: terms.id,
    TermsName: terms.name,
    Enforcement: terms.enforcement,
    CreationDate: epochSeconds(terms.createdAt),
    LastModifiedDate: epochSeconds(terms.modifiedAt),
  };
}
