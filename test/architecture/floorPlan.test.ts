import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { arrowsAgainstPlan, type FloorPlan, readImportArrows, srcDirOf } from "./importGraph.js";

/**
 * The layers, top to bottom (docs/architecture.md): a layer imports only
 * layers below it. errors.ts is the one error registry every layer throws from.
 */
const LAYERS = ["index.ts", "cli", "server", "protocol", "operations", "domain", "store", "errors.ts"];

/**
 * The domain's capability folders by rank: entities and their rules below
 * the use cases that combine them. Folders of one rank never import each other.
 */
const DOMAIN_ROOMS: Record<string, number> = {
  kernel: 0,
  access: 1,
  pools: 1,
  users: 2,
  hostedUi: 2,
  groups: 3,
  courier: 3,
  mfa: 3,
  federation: 3,
  tokens: 4,
  signIn: 5,
  flows: 6,
};

const layerPlan: FloorPlan = {
  roomOf(file) {
    const top = file.split("/")[0] ?? file;
    const rank = LAYERS.indexOf(top);
    return rank < 0 ? undefined : { name: top, rank: LAYERS.length - rank };
  },
};

const domainPlan: FloorPlan = {
  roomOf(file) {
    const [, folder, rest] = file.split("/");
    if (folder === undefined || rest === undefined) return undefined;
    const rank = DOMAIN_ROOMS[folder];
    return rank === undefined ? undefined : { name: folder, rank };
  },
};

const arrows = readImportArrows(srcDirOf(fileURLToPath(import.meta.url)));
const domainArrows = arrows.filter((a) => a.from.startsWith("domain/") && a.to.startsWith("domain/"));

describe("the import graph follows the floor plan", () => {
  it("reads the source tree", () => {
    assert.ok(arrows.length > 300, `only ${arrows.length} imports found: is the source tree where the test looks?`);
  });

  it("runs one way through the layers: server → protocol → operations → domain → store", () => {
    assert.deepEqual(arrowsAgainstPlan(arrows, layerPlan), []);
  });

  it("keeps every domain file in a capability folder, importing only its own folder and folders of lower rank", () => {
    assert.deepEqual(arrowsAgainstPlan(domainArrows, domainPlan), []);
  });

  it("flags an arrow that runs up, one between folders of equal rank, and a file outside the plan", () => {
    const flagged = arrowsAgainstPlan(
      [
        { from: "domain/users/user.ts", to: "domain/flows/signUp.ts" },
        { from: "domain/groups/groups.ts", to: "domain/courier/codes.ts" },
        { from: "domain/stray.ts", to: "domain/kernel/context.ts" },
        { from: "domain/flows/signUp.ts", to: "domain/users/user.ts" },
      ],
      domainPlan,
    );
    assert.equal(flagged.length, 3);
    assert.deepEqual(arrowsAgainstPlan([{ from: "store/schema.ts", to: "domain/kernel/context.ts" }], layerPlan).length, 1);
  });
});
