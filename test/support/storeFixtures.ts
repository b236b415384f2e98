import type { UserKeys } from "../../src/store/records.js";

/** A user's keys with none set, or only the ones given: the store tests' starting point. */
export function noKeys(overrides: Partial<UserKeys> = {}): UserKeys {
  return {
    email: null,
    phoneNumber: null,
    name: null,
    givenName: null,
    familyName: null,
    preferredUsername: null,
    aliasEmail: null,
    aliasPhoneNumber: null,
    aliasPreferredUsername: null,
    ...overrides,
  };
}
