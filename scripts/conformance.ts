/**
 * `npm run conformance -- [--json] [--vectors DIR]`: checks the metadata-action
 * model against docker/metadata-action's own test vectors (default
 * `../shared/vectors/metadata-action/` when it exists) and the project's own vectors.
 * Exit 1 when a vector fails.
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { readCommandLine } from "./cli/command-line.ts";
import { PROJECT_ROOT } from "../workflows-src/kit/project-root.ts";
import type { ConformanceSummary } from "./sim/metadata-conformance.ts";

const { values: options } = readCommandLine(
  {
    name: "conformance",
    summary:
      "Checks the docker/metadata-action model of the simulation against the action's own test vectors and the project's vectors.\nExit 1 when a vector fails; a vector that needs an unmodelled feature is reported as unsupported, never guessed.",
    flags: {
      json: { type: "boolean", description: "print the results as JSON" },
      vectors: { type: "string", value: "DIR", description: "the metadata-action vector folder (default: ../shared/vectors/metadata-action)" },
    },
    examples: ["npm run conformance", "npm run conformance -- --json --vectors ../shared/vectors/metadata-action"],
  },
  process.argv.slice(2),
);

async function main(): Promise<number> {
  // The model and its packages load after the flags are read, so --help and a wrong flag answer at once.
  const [{ loadOwnVectors, loadUpstreamVectors, runVectorSet }, { METADATA_MODEL_LIMITS }] = await Promise.all([import("./sim/metadata-conformance.ts"), import("./sim/models/metadata-action.ts")]);
  const defaultDir = join(PROJECT_ROOT, "..", "shared", "vectors", "metadata-action");
  const dir = options.vectors ? resolve(options.vectors) : existsSync(defaultDir) ? defaultDir : undefined;
  if (options.vectors && !existsSync(join(dir!, "cases.json"))) {
    console.error(`--vectors "${options.vectors}" has no cases.json; point it at the metadata-action vector folder`);
    return 2;
  }
  const sets = [...(dir ? loadUpstreamVectors(dir) : []), loadOwnVectors(join(PROJECT_ROOT, "test", "fixtures", "metadata-vectors.json"), "project vectors")];
  const results = sets.map((set) => ({ name: set.name, ...runVectorSet(set) }));
  const sum = (key: "passed" | "failed" | "unsupported" | "total") => results.reduce((n, r) => n + r[key], 0);
  const unsupportedFeatures: Record<string, string[]> = {};
  for (const r of results) for (const [feature, ids] of Object.entries(r.unsupportedFeatures)) (unsupportedFeatures[feature] ??= []).push(...ids);
  const totals = { passed: sum("passed"), failed: sum("failed"), unsupported: sum("unsupported"), total: sum("total") };

  if (options.json) {
    const sets = results.map(({ name, passed, failed, unsupported, total }) => ({ name, passed, failed, unsupported, total }));
    console.log(JSON.stringify({ ...totals, unsupportedFeatures, notModelled: METADATA_MODEL_LIMITS, sets }, null, 2));
  } else {
    if (!dir) console.log(`no upstream vectors at "${defaultDir}"; running the project's own vectors only`);
    for (const r of results) console.log(line(r.name, r));
    console.log(line("total", { ...totals, unsupportedFeatures, failures: [] }));
    const features = Object.entries(unsupportedFeatures);
    if (features.length === 0) console.log("unsupported: none of these vectors needs an unmodelled feature");
    for (const [feature, ids] of features) console.log(`unsupported: ${feature} (${ids.length}: ${ids.join(", ")})`);
    console.log(`not modelled (reported as unsupported when met):\n  - ${METADATA_MODEL_LIMITS.join("\n  - ")}`);
    for (const r of results) for (const f of r.failures) console.log(`FAILED ${r.name} ${f.id}\n  ${f.differences.join("\n  ")}`);
  }
  return totals.failed ? 1 : 0;
}

function line(name: string, s: ConformanceSummary): string {
  return `${name}: ${s.passed} passed / ${s.failed} failed / ${s.unsupported} unsupported (of ${s.total})`;
}

process.exitCode = await main();
