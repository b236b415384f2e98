import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, posix, relative } from "node:path";

/** One import in the source tree: the importing file and the file it names, both relative to src/. */
export interface ImportArrow {
  from: string;
  to: string;
}

const SPECIFIER =
  /(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s+["'](\.{1,2}\/[^"']+)["']|\bimport\s*\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

/** Every relative import of the non-test TypeScript files under `srcDir`, as written in the files. */
export function readImportArrows(srcDir: string): ImportArrow[] {
  return sourceFiles(srcDir).flatMap((file) => {
    const from = relative(srcDir, file).split("\\").join("/");
    const text = readFileSync(file, "utf8");
    return [...text.matchAll(SPECIFIER)].map((match) => {
      const specifier = (match[1] ?? match[2] ?? "").replace(/\.js$/, ".ts");
      return { from, to: posix.normalize(posix.join(posix.dirname(from), specifier)) };
    });
  });
}

/**
 * The floor plan as ranks: a file may import files of its own room, or of a
 * room with a lower rank; rooms of equal rank are independent of each other.
 */
export interface FloorPlan {
  /** The room a file (path relative to src/) is in, or undefined for a file the plan does not know. */
  roomOf(file: string): { name: string; rank: number } | undefined;
}

/** The arrows that run up, sideways between rooms of equal rank, or from or to a file outside the plan. */
export function arrowsAgainstPlan(arrows: readonly ImportArrow[], plan: FloorPlan): string[] {
  return arrows.flatMap(({ from, to }) => {
    const a = plan.roomOf(from);
    const b = plan.roomOf(to);
    if (a === undefined) return [`${from} is in no room of the plan`];
    if (b === undefined) return [`${from} → ${to}: ${to} is in no room of the plan`];
    if (a.name === b.name || b.rank < a.rank) return [];
    return [`${from} → ${to}: ${a.name} (rank ${a.rank}) may not import ${b.name} (rank ${b.rank})`];
  });
}

/** The repository's src/ as seen from a compiled test file (dist/test/<folder>/<file>.js). */
export const srcDirOf = (testFile: string): string => join(dirname(dirname(dirname(dirname(testFile)))), "src");
