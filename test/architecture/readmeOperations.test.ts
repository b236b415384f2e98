import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { OPERATIONS } from "../../src/operations/index.js";

/** The operations of the pinned SDK's model: one command file each. */
function modelOperations(): string[] {
  const require = createRequire(import.meta.url);
  const typesDir = join(
    dirname(require.resolve("@aws-sdk/client-cognito-identity-provider/package.json")),
    "dist-types",
    "commands",
  );
  return readdirSync(typesDir)
    .filter((file) => file.endsWith("Command.d.ts"))
    .map((file) => file.slice(0, -"Command.d.ts".length))
    .sort();
}

/** The README's "Every operation of the model" table: each row's built and not-built cells. */
function readmeTable(): { built: Set<string>; notBuilt: Set<string> } {
  const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const section = readme.split("### Every operation of the model")[1]?.split("\n### ")[0] ?? "";
  const built = new Set<string>();
  const notBuilt = new Set<string>();
  for (const line of section.split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| Group |"))) {
    const [, , builtCell = "", notBuiltCell = ""] = line.split("|");
    for (const [cell, into] of [
      [builtCell, built],
      [notBuiltCell, notBuilt],
    ] as const) {
      for (const match of cell.matchAll(/`(\w+)`/g)) if (match[1] !== "UnsupportedOperationException") into.add(match[1] ?? "");
    }
  }
  return { built, notBuilt };
}

describe("the README's table of every operation", () => {
  const operations = modelOperations();
  const { built, notBuilt } = readmeTable();

  it("reads the model's operations", () => {
    assert.ok(operations.length >= 140, `only ${operations.length} commands found`);
  });

  it("names every operation of the model exactly once", () => {
    assert.deepEqual(
      operations.filter((op) => built.has(op) === notBuilt.has(op)),
      [],
    );
    assert.deepEqual(
      [...built, ...notBuilt].filter((op) => !operations.includes(op)),
      [],
    );
  });

  it("says built exactly for the operations the server implements", () => {
    assert.deepEqual(
      operations.filter((op) => built.has(op) !== OPERATIONS.has(op)),
      [],
    );
  });
});
