import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { CreateUserPoolCommand } from "@aws-sdk/client-cognito-identity-provider";
import fc from "fast-check";
import { EMAIL_ADDRESS, EMAIL_MESSAGE, EMAIL_MESSAGE_BY_LINK, type LinearPattern } from "../../src/operations/linearPatterns.js";
import { modelPattern } from "../../src/operations/shape.js";
import { rejectsWith } from "../support/fixtures.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

const REWRITTEN: Record<string, LinearPattern> = { EMAIL_ADDRESS, EMAIL_MESSAGE, EMAIL_MESSAGE_BY_LINK };

describe("Model patterns that backtrack", () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer("sqlite");
  });
  after(() => server.close());

  it("refuses a 40,000-character EmailMessageByLink with the length error alone, before any matching", async () => {
    const template = `${"{####}".repeat(6_666)}\u0007`;
    await rejectsWith(
      server.client.send(
        new CreateUserPoolCommand({ PoolName: "long-template", VerificationMessageTemplate: { EmailMessageByLink: template } }),
      ),
      "InvalidParameterException",
      `1 validation error detected: Value '${template}' at 'verificationMessageTemplate.emailMessageByLink' failed to satisfy constraint: Member must have length less than or equal to 20000`,
    );
  });

  it("answers a 40,000-character ReplyToEmailAddress that almost matches with the pattern error", async () => {
    // Only '@'s and one space at the end: the model's pattern tries every '@' as the separator.
    const address = `${"@".repeat(40_000)} `;
    await rejectsWith(
      server.client.send(
        new CreateUserPoolCommand({ PoolName: "long-address", EmailConfiguration: { ReplyToEmailAddress: address } }),
      ),
      "InvalidParameterException",
      `1 validation error detected: Value '${address}' at 'emailConfiguration.replyToEmailAddress' failed to satisfy constraint: Member must satisfy regular expression pattern: ${EMAIL_ADDRESS.pattern}`,
    );
  });
});

describe("Rewritten patterns match exactly what the model's match", () => {
  // Strings made of the pieces the patterns look for, a letter, a combining mark, spaces, and characters outside every
  // class: random characters alone would seldom form a "{##…##}" (mutants of the rewrites survive them).
  const piece = fc.constantFrom(
    "@",
    "{",
    "}",
    "#",
    "##",
    "{##",
    "##}",
    "{####}",
    "*",
    "a",
    "\u0301",
    " ",
    "\n",
    "\u00a0",
    "\u0007",
  );
  const value = fc.array(piece, { maxLength: 10 }).map((pieces) => pieces.join(""));
  for (const [name, { pattern, linearPattern }] of Object.entries(REWRITTEN)) {
    it(`${name}: on random strings of the pieces it looks for`, () => {
      const model = modelPattern(pattern);
      const linear = modelPattern(linearPattern);
      fc.assert(
        fc.property(value, (v) => model.test(v) === linear.test(v)),
        { numRuns: 5_000 },
      );
    });
  }

  it("on examples either side of each language", () => {
    const cases: [LinearPattern, string, boolean][] = [
      [EMAIL_ADDRESS, "a@b", true],
      [EMAIL_ADDRESS, "@@a", true],
      [EMAIL_ADDRESS, "a@@", true],
      [EMAIL_ADDRESS, "@a", false],
      [EMAIL_ADDRESS, "a@", false],
      [EMAIL_ADDRESS, "a @b", false],
      [EMAIL_MESSAGE, "Your code is {####}.", true],
      [EMAIL_MESSAGE, "{{####}}", true],
      [EMAIL_MESSAGE, "{###}", false],
      [EMAIL_MESSAGE, "{####}\u0000", false],
      [EMAIL_MESSAGE_BY_LINK, "{##Click here##}", true],
      [EMAIL_MESSAGE_BY_LINK, "{####}", true],
      [EMAIL_MESSAGE_BY_LINK, "##}{##", false],
      [EMAIL_MESSAGE_BY_LINK, "{##}", false],
    ];
    for (const [rewritten, value, inLanguage] of cases) {
      assert.equal(modelPattern(rewritten.pattern).test(value), inLanguage, `model on ${JSON.stringify(value)}`);
      assert.equal(modelPattern(rewritten.linearPattern).test(value), inLanguage, `rewrite on ${JSON.stringify(value)}`);
    }
  });
});
