import { InvalidParameterException } from "../../errors.js";

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

/**
 * Builds a pool's schema from the standard attributes and the request's
 * Schema entries: standard entries may only be made required or immutable;
 * other names become `custom:<name>` (or `dev:custom:<name>` when developer
 * only), which can never be required (reference §2.3).
 */
export function buildSchema(
  entries: readonly SchemaAttributeInput[],
  existing: readonly SchemaAttribute[] = STANDARD_SCHEMA,
): SchemaAttribute[] {
  const schema = existing.map((a) => ({ ...a }));
  const seen = new Set<string>();
  for (const entry of entries) {
    const name = entry.Name;
    if (name === undefined) throw new InvalidParameterException("Schema attributes must have a Name.");
    if (seen.has(name)) throw new InvalidParameterException(`Duplicate attribute name in schema: ${name}`);
    seen.add(name);
    if (STANDARD_NAMES.has(name)) {
      const standard = schema.find((a) => a.Name === name);
      if (standard === undefined) continue;
      if (entry.AttributeDataType !== undefined && entry.AttributeDataType !== standard.AttributeDataType) {
        throw new InvalidParameterException(`The data type of the standard attribute ${name} cannot be changed.`);
      }
      if (name === "sub") continue;
      if (entry.Required !== undefined) standard.Required = entry.Required;
      if (entry.Mutable !== undefined) standard.Mutable = entry.Mutable;
      if (entry.StringAttributeConstraints !== undefined && standard.AttributeDataType === "String") {
        standard.StringAttributeConstraints = {
          ...standard.StringAttributeConstraints,
          ...entry.StringAttributeConstraints,
        };
      }
      continue;
    }
    if (entry.Required === true) throw new InvalidParameterException("Required custom attributes are not supported currently.");
    const developerOnly = entry.DeveloperOnlyAttribute === true;
    const fullName = `${developerOnly ? "dev:" : ""}custom:${name}`;
    if (schema.some((a) => a.Name === fullName)) {
      throw new InvalidParameterException(`Existing attribute already has name ${fullName}.`);
    }
    const dataType = entry.AttributeDataType ?? "String";
    const custom: SchemaAttribute = {
      Name: fullName,
      AttributeDataType: dataType,
      DeveloperOnlyAttribute: developerOnly,
      Mutable: entry.Mutable ?? true,
      Required: false,
    };
    if (dataType === "String")
      custom.StringAttributeConstraints = {
        ...entry.StringAttributeConstraints,
      };
    if (dataType === "Number")
      custom.NumberAttributeConstraints = {
        ...entry.NumberAttributeConstraints,
      };
    schema.push(custom);
  }
  if (schema.length - STANDARD_SCHEMA.length > MAX_CUSTOM_ATTRIBUTES) {
    throw new InvalidParameterException(`A user pool can have at most ${MAX_CUSTOM_ATTRIBUTES} custom attributes.`);
  }
  return schema;
}
