import { InvalidParameterException } from "../../errors.js";
import { compact } from "../kernel/compact.js";

export type AttributeDataType = "String" | "Number" | "DateTime" | "Boolean";

/** SchemaAttributeType as Cognito returns it in DescribeUserPool. */
export interface SchemaAttribute {
  Name: string;
  AttributeDataType: AttributeDataType;
  DeveloperOnlyAttribute: boolean;
  Mutable: boolean;
  Required: boolean;
  StringAttributeConstraints?: { MinLength?: string; MaxLength?: string };
  NumberAttributeConstraints?: { MinValue?: string; MaxValue?: string };
}

/** A Schema entry of CreateUserPool / AddCustomAttributes, as sent. */
export interface SchemaAttributeInput {
  Name?: string;
  AttributeDataType?: AttributeDataType;
  DeveloperOnlyAttribute?: boolean;
  Mutable?: boolean;
  Required?: boolean;
  StringAttributeConstraints?: { MinLength?: string; MaxLength?: string };
  NumberAttributeConstraints?: { MinValue?: string; MaxValue?: string };
}

const text = (name: string, min = "0", max = "2048"): SchemaAttribute => ({
  Name: name,
  AttributeDataType: "String",
  DeveloperOnlyAttribute: false,
  Mutable: true,
  Required: false,
  StringAttributeConstraints: { MinLength: min, MaxLength: max },
});
const flag = (name: string): SchemaAttribute => ({
  Name: name,
  AttributeDataType: "Boolean",
  DeveloperOnlyAttribute: false,
  Mutable: true,
  Required: false,
});

/** The standard attributes every pool has, in DescribeUserPool order (reference §2.3). */
export const STANDARD_SCHEMA: readonly SchemaAttribute[] = [
  { ...text("sub", "1"), Mutable: false, Required: true },
  text("name"),
  text("given_name"),
  text("family_name"),
  text("middle_name"),
  text("nickname"),
  text("preferred_username"),
  text("profile"),
  text("picture"),
  text("website"),
  text("email"),
  flag("email_verified"),
  text("gender"),
  text("birthdate", "10", "10"),
  text("zoneinfo"),
  text("locale"),
  text("phone_number"),
  flag("phone_number_verified"),
  text("address"),
  {
    Name: "updated_at",
    AttributeDataType: "Number",
    DeveloperOnlyAttribute: false,
    Mutable: true,
    Required: false,
    NumberAttributeConstraints: { MinValue: "0" },
  },
];

const STANDARD_NAMES = new Set(STANDARD_SCHEMA.map((a) => a.Name));
export const MAX_CUSTOM_ATTRIBUTES = 50;
/** The longest string attribute Cognito allows (reference §2.3: values up to 2048). */
const MAX_STRING_LENGTH = 2048;

/**
 * A constraint value as Cognito takes it: a string holding a whole number
 * (string lengths: not negative), "" or absent for none. Returned in its
 * canonical form, so what is stored and echoed is the number, never the
 * text as sent. Messages as moto has them (getmoto/moto#4493, which
 * records Cognito's schema validation).
 */
function constraintValue(
  value: string | undefined,
  kind: "StringAttributeConstraints" | "NumberAttributeConstraints",
  name: string,
): number | undefined {
  if (value === undefined || value === "") return undefined;
  const pattern = kind === "StringAttributeConstraints" ? /^\d+$/ : /^-?\d+$/;
  const number = Number(value);
  if (!pattern.test(value.trim()) || !Number.isSafeInteger(number)) {
    throw new InvalidParameterException(`Invalid ${kind} for schema attribute ${name}`);
  }
  return number;
}

const asConstraint = (value: number | undefined) => (value === undefined ? undefined : String(value));

/** String lengths within 0..2048 and MinLength ≤ MaxLength, in canonical form. */
function stringConstraints(name: string, given: SchemaAttributeInput["StringAttributeConstraints"]) {
  const min = constraintValue(given?.MinLength, "StringAttributeConstraints", name);
  const max = constraintValue(given?.MaxLength, "StringAttributeConstraints", name);
  if ((min ?? 0) > MAX_STRING_LENGTH || (max ?? 0) > MAX_STRING_LENGTH) {
    throw new InvalidParameterException(`user.${name}: String attributes cannot have a length of more than ${MAX_STRING_LENGTH}`);
  }
  if (min !== undefined && max !== undefined && min > max) {
    throw new InvalidParameterException(`user.${name}: Max length cannot be less than min length.`);
  }
  return compact({ MinLength: asConstraint(min), MaxLength: asConstraint(max) });
}

/** Whole-number bounds with MinValue ≤ MaxValue, in canonical form. */
function numberConstraints(name: string, given: SchemaAttributeInput["NumberAttributeConstraints"]) {
  const min = constraintValue(given?.MinValue, "NumberAttributeConstraints", name);
  const max = constraintValue(given?.MaxValue, "NumberAttributeConstraints", name);
  if (min !== undefined && max !== undefined && min > max) {
    throw new InvalidParameterException(`user.${name}: Max value cannot be less than min value.`);
  }
  return compact({ MinValue: asConstraint(min), MaxValue: asConstraint(max) });
}

/** The constraint members a request gives a value ("" gives none). */
function given(constraints: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(constraints).filter((member): member is [string, string] => Boolean(member[1])));
}

/**
 * A standard attribute as a Schema entry re-declares it: it may be made
 * required or immutable and get narrower string lengths, but neither its
 * data type nor developer-only can change (Cognito's wording, quoted in
 * hashicorp/terraform-provider-aws#23181).
 */
function overrideStandard(standard: SchemaAttribute, entry: SchemaAttributeInput): void {
  const name = standard.Name;
  if (
    (entry.AttributeDataType !== undefined && entry.AttributeDataType !== standard.AttributeDataType) ||
    entry.DeveloperOnlyAttribute === true
  ) {
    throw new InvalidParameterException(
      `You can not change AttributeDataType or set developerOnlyAttribute for standard schema attribute ${name}`,
    );
  }
  if (name === "sub") return;
  if (entry.Required !== undefined) standard.Required = entry.Required;
  if (entry.Mutable !== undefined) standard.Mutable = entry.Mutable;
  if (entry.StringAttributeConstraints !== undefined && standard.AttributeDataType === "String") {
    standard.StringAttributeConstraints = stringConstraints(name, {
      ...standard.StringAttributeConstraints,
      ...given(entry.StringAttributeConstraints),
    });
  }
}

/**
 * A custom attribute from a Schema or CustomAttributes entry: named
 * `custom:<name>` (`dev:custom:<name>` when developer only; a name sent
 * with the prefix gets it again, as Cognito does: aws-cloudformation-user-guide#932),
 * never required (reference §2.3), String unless told otherwise.
 */
function customAttribute(name: string, entry: SchemaAttributeInput): SchemaAttribute {
  if (entry.Required === true) throw new InvalidParameterException("Required custom attributes are not supported currently.");
  const developerOnly = entry.DeveloperOnlyAttribute === true;
  const fullName = `${developerOnly ? "dev:" : ""}custom:${name}`;
  const dataType = entry.AttributeDataType ?? "String";
  const custom: SchemaAttribute = {
    Name: fullName,
    AttributeDataType: dataType,
    DeveloperOnlyAttribute: developerOnly,
    Mutable: entry.Mutable ?? true,
    Required: false,
  };
  if (dataType === "String") custom.StringAttributeConstraints = stringConstraints(fullName, entry.StringAttributeConstraints);
  if (dataType === "Number") custom.NumberAttributeConstraints = numberConstraints(fullName, entry.NumberAttributeConstraints);
  return custom;
}

/** Appends a custom attribute, refusing one whose name the schema already has (observed wording, moto and cognito-local agree). */
function appendCustom(schema: SchemaAttribute[], name: string, entry: SchemaAttributeInput): void {
  const custom = customAttribute(name, entry);
  if (schema.some((a) => a.Name === custom.Name)) {
    throw new InvalidParameterException(`custom:${name}: Existing attribute already has name ${custom.Name}.`);
  }
  schema.push(custom);
}

function checkCustomLimit(schema: readonly SchemaAttribute[]): void {
  if (schema.length - STANDARD_SCHEMA.length > MAX_CUSTOM_ATTRIBUTES) {
    throw new InvalidParameterException(`A user pool can have at most ${MAX_CUSTOM_ATTRIBUTES} custom attributes.`);
  }
}

function entryNames(entries: readonly SchemaAttributeInput[]): string[] {
  const seen = new Set<string>();
  return entries.map(({ Name: name }) => {
    if (name === undefined) throw new InvalidParameterException("Schema attributes must have a Name.");
    if (seen.has(name)) throw new InvalidParameterException(`Duplicate attribute name in schema: ${name}`);
    seen.add(name);
    return name;
  });
}

/**
 * CreateUserPool: the standard attributes with the request's Schema
 * entries applied. An entry naming a standard attribute re-declares it;
 * any other becomes a custom attribute (reference §2.3).
 */
export function buildSchema(entries: readonly SchemaAttributeInput[]): SchemaAttribute[] {
  const schema = STANDARD_SCHEMA.map((a) => ({ ...a }));
  const names = entryNames(entries);
  entries.forEach((entry, i) => {
    const name = names[i] ?? "";
    const standard = STANDARD_NAMES.has(name) ? schema.find((a) => a.Name === name) : undefined;
    if (standard !== undefined) overrideStandard(standard, entry);
    else appendCustom(schema, name, entry);
  });
  checkCustomLimit(schema);
  return schema;
}

/**
 * AddCustomAttributes: every entry is a new custom attribute, even one
 * named like a standard attribute (`email` becomes `custom:email`); an
 * attribute the pool has already cannot be added again, and the pool keeps
 * at most MAX_CUSTOM_ATTRIBUTES (reference §8.2).
 */
export function withCustomAttributes(
  existing: readonly SchemaAttribute[],
  entries: readonly SchemaAttributeInput[],
): SchemaAttribute[] {
  const schema = existing.map((a) => ({ ...a }));
  const names = entryNames(entries);
  entries.forEach((entry, i) => {
    appendCustom(schema, names[i] ?? "", entry);
  });
  checkCustomLimit(schema);
  return schema;
}
