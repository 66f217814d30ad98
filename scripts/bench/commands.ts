/**
 * What `npm run bench` times: `node -e 0` as the unit, the project's commands as users
 * run them (`npm run …`; the import of a 500-line workflow), gen after a one-line edit of a job module (in a copy of the
 * project: recompiling, type-checking incrementally, linting and reporting what the edit
 * changed), gen through the tsx loader for comparison, check with a cold compile cache
 * (as in a fresh CI clone), and the generator on 1, 10 and 100 synthetic workflows in one
 * process.
 */
import { existsSync, mkdtempSync } from "node:fs";
import path from "node:path";
import { editFile } from "../files/edit-file.ts";
import { projectCopy } from "../files/project-copy.ts";
import type { BenchCommand } from "./measure.ts";

/** The baseline every ratio is taken against. */
export const BASELINE_ID = "node";

/** The workflow file of about 500 lines that the import is timed on. */
export const IMPORT_FIXTURE = "test/fixtures/import/large.yml";

/** Sizes of the synthetic-workflow runs. */
export const SYNTHETIC_COUNTS = [1, 10, 100] as const;

/** The id of the synthetic run with `count` workflows. */
export const syntheticId = (count: number): string => `synthetic-${count}`;

/**
 * Every command the benchmark knows. `scratch` is a temporary folder for outputs;
 * `coldCaches` a folder inside the project for throw-away compile caches (inside, because
 * compiled bundles import the external packages from the project's node_modules).
 */
export function benchCommands(projectRoot: string, scratch: string, coldCaches: string): BenchCommand[] {
  const node = process.execPath;
  const runTs = path.join(projectRoot, "scripts", "run-ts.mjs");
  const commands: BenchCommand[] = [
    { id: BASELINE_ID, label: "node -e 0", argv: [node, "-e", "0"], cwd: projectRoot },
    { id: "gen", label: "npm run gen", argv: ["npm", "run", "gen"], cwd: projectRoot },
    { id: "check", label: "npm run check", argv: ["npm", "run", "check"], cwd: projectRoot },
    { id: "typecheck", label: "npm run typecheck", argv: ["npm", "run", "typecheck"], cwd: projectRoot },
  ];
  commands.push(genAfterEdit(scratch));
  if (existsSync(path.join(projectRoot, "scripts", "lint.ts"))) commands.push({ id: "lint", label: "npm run lint", argv: ["npm", "run", "lint"], cwd: projectRoot });
  commands.push({
    id: "import",
    label: "npm run import, a 500-line workflow (--dry-run)",
    argv: ["npm", "run", "import", "--", "--dry-run", path.join(projectRoot, IMPORT_FIXTURE)],
    cwd: projectRoot,
  });
  commands.push(
    {
      id: "check-cold",
      label: "npm run check, cold compile cache",
      // --fresh: a fresh clone remembers no earlier check either.
      argv: ["npm", "run", "check", "--", "--fresh"],
      cwd: projectRoot,
      env: () => ({ RUN_TS_CACHE: mkdtempSync(path.join(coldCaches, "cache-")) }),
    },
    {
      id: "gen-tsx",
      label: "gen through the tsx loader",
      argv: [node, "--import", "tsx", path.join(projectRoot, "scripts", "gen.ts"), "--root", path.join(scratch, "tsx-root")],
      cwd: projectRoot,
    },
    ...SYNTHETIC_COUNTS.map((count) => ({
      id: syntheticId(count),
      label: `generator, ${count} synthetic workflow${count === 1 ? "" : "s"}`,
      argv: [node, runTs, path.join(projectRoot, "scripts", "bench", "synthetic-gen.ts"), "--count", String(count), "--root", path.join(scratch, `synthetic-${count}`)],
      cwd: projectRoot,
    })),
  );
  return commands;
}

/** The job module the edit changes, and the line it changes (a timeout, so the workflow still builds). */
const EDITED = { file: "workflows-src/docker-build/test-image.ts", line: /"timeout-minutes": \d+,/ };

/**
 * `npm run gen` in a copy of the project after a one-line edit of a job module: each run
 * sets a timeout never used before, in this benchmark or an earlier one (the machine's
 * caches remember type checks and lint results by content), so nothing about the
 * edited workflow is remembered.
 */
function genAfterEdit(parent: string): BenchCommand {
  let copy: string | undefined;
  let edits = Date.now() % 1_000_000_000;
  const root = (): string => (copy ??= projectCopy("bench-edit", parent));
  return {
    id: "gen-edit",
    label: "npm run gen after a one-line edit of a job module",
    argv: ["npm", "run", "gen"],
    get cwd() {
      return root();
    },
    env: () => ({ RUN_TS_CACHE: path.join(root(), ".run-ts-cache") }),
    before: () => {
      editFile(path.join(root(), EDITED.file), EDITED.line, `"timeout-minutes": ${++edits},`, '"timeout-minutes"');
    },
  };
}
