import { InvalidParameterException, NotAuthorizedException } from "../../errors.js";
import type { PoolSettings } from "../pools/poolSettings.js";
import type { SchemaAttribute } from "../pools/schemaAttributes.js";

export interface AttributeInput {
  Name: string;
  Value?: string;
}

/**
 * Who is writing. Admins may write any attribute, immutable ones only when
 * creating the user. Public callers (SignUp, UpdateUserAttributes, challenge
 * answers) may write what the app client's WriteAttributes allow; by default
 * every standard and custom attribute except the *_verified flags, and never
 * developer-only ones (reference §2.3, ReadAttributes / WriteAttributes).
 */
export type AttributeWriter =
  | { kind: "adminCreate" | "adminUpdate" }
  | { kind: "publicCreate" | "publicUpdate"; writeAttributes: readonly string[] | undefined };

/**
 * Whether a user signed in through an app client may read an attribute:
 * one of the client's ReadAttributes when it lists them, else any but the
 * developer-only ones (reference §2.3, ReadAttributes / WriteAttributes).
 * Governs both GetUser and the ID token's attribute claims.
 */
export function clientMayRead(name: string, readAttributes: readonly string[] | undefined): boolean {
  if (name.startsWith("dev:")) return false;
  return readAttributes === undefined || readAttributes.includes(name);
}

function publicMayWrite(name: string, writeAttributes: readonly string[] | undefined): boolean {
  if (name.startsWith("dev:")) return false;
  if (writeAttributes !== undefined) return writeAttributes.includes(name);
  return name !== "email_verified" && name !== "phone_number_verified";
}

function schemaError(name: string, problem: string): InvalidParameterException {
  return new InvalidParameterException(`Attributes did not conform to the schema: ${name}: ${problem}`);
}

const EMAIL = /^[^@\s]+@[^@\s]+$/u;
const PHONE = /^\+[0-9]{1,15}$/;

/**
 * Checks one value against its schema entry and the format rules of email
 * and phone_number, and returns it as stored: Boolean values are read
 * without case ("True" is true) and kept in lower case, as Cognito stores
 * and returns them.
 */
function checkValue(attribute: SchemaAttribute, value: string): string {
  const name = attribute.Name;
  if (name === "email" && !EMAIL.test(value)) throw new InvalidParameterException("Invalid email address format.");
  if (name === "phone_number" && !PHONE.test(value)) throw new InvalidParameterException("Invalid phone number format.");
  switch (attribute.AttributeDataType) {
    case "String": {
      const length = [...value].length;
      const min = Number(attribute.StringAttributeConstraints?.MinLength ?? 0);
      const max = Number(attribute.StringAttributeConstraints?.MaxLength ?? 2048);
      if (length < min) throw schemaError(name, `String must be at least ${min} characters long`);
      if (length > max) throw schemaError(name, `String must be no longer than ${max} characters`);
      return value;
    }
    case "Number": {
      const number = Number(value);
      if (value.trim() === "" || !Number.isFinite(number)) throw schemaError(name, "Number must be a valid number");
      const min = attribute.NumberAttributeConstraints?.MinValue;
      const max = attribute.NumberAttributeConstraints?.MaxValue;
      if (min !== undefined && min !== "" && number < Number(min))
        throw schemaError(name, `Number must be greater than or equal to ${min}`);
      if (max !== undefined && max !== "" && number > Number(max))
        throw schemaError(name, `Number must be less than or equal to ${max}`);
      return value;
    }
    case "Boolean": {
      const lower = value.toLowerCase();
      if (lower !== "true" && lower !== "false") throw schemaError(name, "Boolean must be true or false");
      return lower;
    }
    case "DateTime":
      return value;
  }
}

/**
 * Validates attributes a request writes against the pool schema and returns
 * them as a map (a later duplicate wins). An empty value means "remove" and
 * is returned as "", for the caller to apply. Unknown and read-only
 * attributes are reported together, one line each, in Cognito's words;
 * updates name them `user.<name>` (research notes).
 */
export function validateAttributes(
  settings: PoolSettings,
  inputs: readonly AttributeInput[],
  writer: AttributeWriter,
): Map<string, string> {
  const schema = new Map(settings.SchemaAttributes.map((a) => [a.Name, a]));
  const updating = writer.kind === "adminUpdate" || writer.kind === "publicUpdate";
  const prefix = updating ? "user." : "";
  const problems: string[] = [];
  const out = new Map<string, string>();
  for (const { Name, Value = "" } of inputs) {
    if (Name === "sub") throw new InvalidParameterException("Cannot modify the non-mutable attribute sub");
    const attribute = schema.get(Name);
    if (attribute === undefined) {
      problems.push(`${prefix}${Name}: Attribute does not exist in the schema.`);
      continue;
    }
    if ((writer.kind === "publicCreate" || writer.kind === "publicUpdate") && !publicMayWrite(Name, writer.writeAttributes)) {
      throw new NotAuthorizedException("A client attempted to write unauthorized attribute");
    }
    if (updating && !attribute.Mutable) {
      problems.push(`${prefix}${Name}: Attribute cannot be updated.`);
      continue;
    }
    out.set(Name, Value === "" ? "" : checkValue(attribute, Value));
  }
  if (problems.length > 0)
    throw new InvalidParameterException(`Attributes did not conform to the schema: ${problems.join("\n")}`);
  return out;
}

/**
 * The names of the pool's required attributes for which `isMissing` holds,
 * in schema order; `sub` is never missing (the server sets it). Each
 * operation words the error its own way (reference §2.3).
 */
export function missingRequired(settings: PoolSettings, isMissing: (name: string) => boolean): string[] {
  return settings.SchemaAttributes.filter((a) => a.Required && a.Name !== "sub" && isMissing(a.Name)).map((a) => a.Name);
}

/**
 * The pool's required attributes a user lacks, as Cognito reports them on
 * SignUp (reference §2.3: "Attributes did not conform to the schema: email:
 * The attribute is required"). AdminCreateUser does not enforce them.
 */
export function checkRequiredAttributes(settings: PoolSettings, attributes: Record<string, string>): void {
  const missing = missingRequired(settings, (name) => !attributes[name]);
  if (missing.length > 0) {
    throw new InvalidParameterException(
      `Attributes did not conform to the schema: ${missing.map((name) => `${name}: The attribute is required`).join("\n")}`,
    );
  }
}

const CONTACT_LABELS = [
  { attribute: "email", label: "Email", article: "an email" },
  { attribute: "phone_number", label: "Phone number", article: "a phone number" },
] as const;

/** A *_verified flag set (either way) needs the contact it speaks of (Cognito's wording). */
export function checkVerifiedFlagsHaveContacts(attributes: Record<string, string>, written: ReadonlyMap<string, string>): void {
  for (const { attribute, label, article } of CONTACT_LABELS) {
    const flag = written.get(`${attribute}_verified`);
    if (flag !== undefined && flag !== "" && attributes[attribute] === undefined) {
      throw new InvalidParameterException(`${label} is required to verify/un-verify ${article}`);
    }
  }
}

/** Applies written values to stored attributes; "" removes an attribute. */
export function applyAttributes(current: Record<string, string>, changes: ReadonlyMap<string, string>): Record<string, string> {
  const next = { ...current };
  for (const [name, value] of changes) {
    if (value === "") delete next[name];
    else next[name] = value;
  }
  return next;
}
