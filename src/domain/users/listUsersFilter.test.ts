import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { InvalidParameterException } from "../../errors.js";
import { SEARCH_COLUMNS } from "../../store/records.js";
import { newPoolSettings } from "../pools/poolSettings.js";
import {
  FILTER_PARSE_ERROR,
  type FilterOperator,
  matchesNothing,
  parseFilterExpression,
  parseListUsersFilter,
  quoteFilterValue,
  type UserFilter,
} from "./listUsersFilter.js";

const caseSensitive = newPoolSettings({});
const caseInsensitive = newPoolSettings({ UsernameConfiguration: { CaseSensitive: false } });

const STATUSES = ["UNCONFIRMED", "CONFIRMED", "FORCE_CHANGE_PASSWORD", "RESET_REQUIRED", "EXTERNAL_PROVIDER"];
const LOWER_CASED = ["email", "phone_number", "name", "given_name", "family_name", "preferred_username", "sub"];

function parse(filter: string | undefined, settings = caseSensitive): UserFilter | undefined {
  return parseListUsersFilter(settings, filter);
}

function assertRejects(filter: string, message: string): void {
  assert.throws(
    () => parse(filter),
    (error: unknown) => error instanceof InvalidParameterException && error.message === message,
    `expected ${JSON.stringify(filter)} to be refused with ${message}`,
  );
}

/** Whitespace the parser must accept around tokens, including none. */
const space = fc.constantFrom("", " ", "  ", "\t", "\n", " \t ");
/** Any string of code points, including quotes, backslashes, whitespace and astral characters. */
const anyValue = fc.string({ unit: "binary", maxLength: 40 });
const operator = fc.constantFrom<FilterOperator>("=", "^=");

describe("parseFilterExpression", () => {
  it("reads the name, the operator and the unescaped value", () => {
    assert.deepEqual(parseFilterExpression('family_name = "Reddy"'), { attribute: "family_name", operator: "=", value: "Reddy" });
    assert.deepEqual(parseFilterExpression('phone_number ^= "+1312"'), {
      attribute: "phone_number",
      operator: "^=",
      value: "+1312",
    });
    assert.deepEqual(parseFilterExpression('name = "say \\"hi\\" \\\\ bye"'), {
      attribute: "name",
      operator: "=",
      value: 'say "hi" \\ bye',
    });
  });

  it("is lenient about whitespace around the operator and the whole filter", () => {
    for (const text of ['email="a"', 'email ="a"', 'email= "a"', '  email  ^=  "a"  ', 'email\t=\n"a"']) {
      assert.equal(parseFilterExpression(text)?.value, "a", text);
    }
  });

  it("keeps a backslash before any other character, as written", () => {
    assert.equal(parseFilterExpression('name = "C:\\dir\\n"')?.value, "C:\\dir\\n");
  });

  it("reads an empty or blank filter as no filter", () => {
    assert.equal(parseFilterExpression(""), undefined);
    assert.equal(parseFilterExpression("  \t "), undefined);
  });

  it("property: any value round-trips through quoting, whatever the attribute, operator and spacing", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9_:.-]{1,24}$/),
        operator,
        anyValue,
        space,
        space,
        space,
        space,
        (attribute, op, value, s1, s2, s3, s4) => {
          const text = `${s1}${attribute}${s2}${op}${s3}${quoteFilterValue(value)}${s4}`;
          assert.deepEqual(parseFilterExpression(text), { attribute, operator: op, value });
        },
      ),
      { numRuns: 500 },
    );
  });

  it("property: a quoted value followed by anything but whitespace is a parse error", () => {
    fc.assert(
      fc.property(
        anyValue,
        anyValue.filter((rest) => rest.trim() !== ""),
        (value, rest) => {
          assert.throws(() => parseFilterExpression(`email = ${quoteFilterValue(value)}${rest}`), {
            message: FILTER_PARSE_ERROR,
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("parseListUsersFilter", () => {
  it("absent, empty or blank means no filter", () => {
    assert.equal(parse(undefined), undefined);
    assert.equal(parse(""), undefined);
    assert.equal(parse("   "), undefined);
  });

  it("refuses malformed filters with Cognito's parse error", () => {
    for (const text of [
      "foo",
      "username=",
      "username = ",
      'username = "a',
      "username = a",
      "username = 'a'",
      'username == "a"',
      'username != "a"',
      'username ~= "a"',
      'username ^ = "a"',
      'username =^ "a"',
      '= "a"',
      '^= "a"',
      '"email" = "a"',
      'email = "a"b"',
      'email = "a" and name = "b"',
      'email = "a" "b"',
      'email = "abc\\"',
      'email = "a"\u0000',
    ]) {
      assertRejects(text, FILTER_PARSE_ERROR);
    }
  });

  it("refuses attributes that cannot be searched, naming them", () => {
    for (const attribute of [
      "custom:foo",
      "dev:custom:foo",
      "address",
      "middle_name",
      "email_verified",
      "Email",
      "USERNAME",
      "user_status",
      "enabled",
      "__proto__",
      "constructor",
    ]) {
      assertRejects(`${attribute} = "x"`, `Invalid search attribute: ${attribute}`);
    }
  });

  it("reports a syntax error before an unsearchable attribute", () => {
    assertRejects('custom:foo = "x', FILTER_PARSE_ERROR);
  });

  it("maps username to the username key, exact in case-sensitive pools and folded in case-insensitive ones", () => {
    assert.deepEqual(parse('username = "Alice"'), { column: "username_key", op: "equals", values: ["Alice"] });
    assert.deepEqual(parse('username ^= "Al"', caseInsensitive), { column: "username_key", op: "prefix", values: ["al"] });
  });

  it("lower-cases the value for the standard attributes and sub, in every pool", () => {
    for (const attribute of LOWER_CASED) {
      assert.deepEqual(parse(`${attribute} = "MiXeD@Example.COM"`), {
        column: attribute,
        op: "equals",
        values: ["mixed@example.com"],
      });
      assert.deepEqual(parse(`${attribute} ^= "AB"`, caseInsensitive), { column: attribute, op: "prefix", values: ["ab"] });
    }
  });

  it("matches cognito:user_status case-insensitively, and a prefix to the set of statuses it starts", () => {
    assert.deepEqual(parse('cognito:user_status = "force_change_password"'), {
      column: "status",
      op: "equals",
      values: ["FORCE_CHANGE_PASSWORD"],
    });
    assert.deepEqual(parse('cognito:user_status ^= "c"'), { column: "status", op: "in", values: ["CONFIRMED"] });
    assert.deepEqual(parse('cognito:user_status ^= "Un"'), { column: "status", op: "in", values: ["UNCONFIRMED"] });
    assert.deepEqual(parse('cognito:user_status ^= ""'), { column: "status", op: "in", values: STATUSES });
  });

  it("matches status Enabled / Disabled case-sensitively against the enabled flag", () => {
    assert.deepEqual(parse('status = "Enabled"'), { column: "enabled", op: "equals", values: ["1"] });
    assert.deepEqual(parse('status = "Disabled"'), { column: "enabled", op: "equals", values: ["0"] });
    assert.deepEqual(parse('status ^= "Dis"'), { column: "enabled", op: "in", values: ["0"] });
    assert.deepEqual(parse('status ^= ""'), { column: "enabled", op: "in", values: ["1", "0"] });
  });

  it("answers a status value that matches nothing with a filter matching nothing, not an error", () => {
    for (const text of [
      'status = "enabled"',
      'status = "Enabledx"',
      'status ^= "e"',
      'cognito:user_status = "ARCHIVED"',
      'cognito:user_status ^= "x"',
    ]) {
      const filter = parse(text);
      assert.ok(matchesNothing(filter), text);
    }
    assert.equal(matchesNothing(parse('status = "Enabled"')), false);
    assert.equal(matchesNothing(undefined), false);
  });

  it("property: on any string, returns a store filter or throws only InvalidParameterException with one of the two messages", () => {
    const pieces = fc.constantFrom(
      "email",
      "username",
      "status",
      "cognito:user_status",
      "custom:x",
      " ",
      "=",
      "^=",
      "^",
      '"',
      "\\",
      '\\"',
      "a",
      "Enabled",
      "\u{1F600}",
      "\uD800",
    );
    const filterLike = fc.array(pieces, { maxLength: 12 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary", maxLength: 300 }), filterLike), fc.boolean(), (text, sensitive) => {
        let filter: UserFilter | undefined;
        try {
          filter = parse(text, sensitive ? caseSensitive : caseInsensitive);
        } catch (error) {
          assert.ok(error instanceof InvalidParameterException, `threw ${String(error)}`);
          assert.ok(
            error.message === FILTER_PARSE_ERROR || error.message.startsWith("Invalid search attribute: "),
            error.message,
          );
          return;
        }
        if (filter === undefined) return;
        assert.ok((SEARCH_COLUMNS as readonly string[]).includes(filter.column));
        assert.ok(["equals", "prefix", "in"].includes(filter.op));
        if (filter.op !== "in") assert.equal(filter.values.length, 1);
      }),
      { numRuns: 1000 },
    );
  });

  it("property: a lower-cased attribute's filter holds the lower-cased value, with = as equals and ^= as prefix", () => {
    fc.assert(
      fc.property(fc.constantFrom(...LOWER_CASED), operator, anyValue, (attribute, op, value) => {
        assert.deepEqual(parse(`${attribute} ${op} ${quoteFilterValue(value)}`), {
          column: attribute,
          op: op === "=" ? "equals" : "prefix",
          values: [value.toLowerCase()],
        });
      }),
      { numRuns: 300 },
    );
  });

  it("property: cognito:user_status in any letter case finds exactly the statuses it names or starts", () => {
    const casing = (status: string) =>
      fc
        .array(fc.boolean(), { minLength: status.length, maxLength: status.length })
        .map((upper) => [...status].map((c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase())).join(""));
    fc.assert(
      fc.property(
        fc.constantFrom(...STATUSES).chain((status) => fc.tuple(fc.constant(status), fc.nat(status.length), casing(status))),
        ([status, cut, written]) => {
          const exact = parse(`cognito:user_status = ${quoteFilterValue(written)}`);
          assert.deepEqual(exact, { column: "status", op: "equals", values: [status] });
          const prefix = written.slice(0, cut);
          const byPrefix = parse(`cognito:user_status ^= ${quoteFilterValue(prefix)}`);
          assert.deepEqual(
            byPrefix?.values,
            STATUSES.filter((s) => s.startsWith(prefix.toUpperCase())),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
