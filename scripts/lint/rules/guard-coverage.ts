/**
 * guard-coverage: a step that uses an earlier step's product (the image it built, the
 * artifact a needed job uploaded) but can run when that step was skipped or failed.
 * This is the seed's bug: a save step guarded by the event only, after a build also
 * guarded by a skip flag. In the workflows the project emits, reading an earlier
 * step's outputs, or uploading a file it wrote, needs the same guard (its policy).
 * Method: "consumer runs ⇒ producer ran and succeeded" is checked over every
 * assignment of the atoms the conditions read (event name, step outputs, outcomes),
 * replaying the steps between with GitHub's evaluator (see `step-guard.ts`), so a
 * guard must imply the producer's success, not merely look like its condition.
 */
import { callsStatusFunction } from "../../expressions/evaluate.ts";
import { conditionOf, contextPathsOf, contextPathsOfValue } from "../expressions.ts";
import { artifactNameOf, DOWNLOAD_ACTION, productUses, UPLOAD_ACTION } from "../products.ts";
import type { Report, Rule } from "../rule.ts";
import { describeValues, guardVerdict, jobGuardVerdict, SKIPPED_AFTER_FAILURE, type GuardVerdict } from "../step-guard.ts";
import type { WorkflowDocument, WorkflowObject } from "../document.ts";
import { runScriptOf } from "../run-script.ts";
import { actionOf, isYamlMap, jobsOf, needsOf, scalarsOf, stepLabel, stepsOf, type JobEntry, type StepEntry } from "../walk.ts";

export const guardCoverage: Rule = {
  id: "guard-coverage",
  severity: "error",
  documents: ["workflow", "action"],
  what: "a step that uses another step's image or a needed job's artifact (in emitted workflows also its outputs or files) but can run when that step was skipped or failed",
  why: "the consumer then works on an empty value or a missing image and fails far from the cause (the docker save \"reference does not exist\" bug)",
  examples: {
    failing: `on: push
permissions: {}
jobs:
  build:
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - id: build
        if: github.event_name == 'push'
        run: docker build -t app .
      - run: docker save app -o app.tar
`,
    passing: `on: push
permissions: {}
jobs:
  build:
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - id: build
        if: github.event_name == 'push'
        run: docker build -t app .
      - if: steps.build.outcome == 'success'
        run: docker save app -o app.tar
`,
  },
  check(document, report) {
    const jobs = new Map(jobsOf(document.workflow).map((j) => [j.id, j]));
    const verdicts = new Map<string, GuardVerdict>();
    // The project's own workflows must be proved guarded; in other files a case too large to decide quickly is left alone.
    const limit = document.emitted ? EMITTED_CASE_LIMIT : OTHER_CASE_LIMIT;
    const reportVerdict = (path: string, consumer: string, producer: string, guard: Guard, verdict: GuardVerdict): void => {
      if (verdict.kind !== "undecided" || document.emitted) reportVerdictOf(report, path, consumer, producer, guard, verdict);
    };
    for (const job of jobs.values()) {
      const steps = stepsOf(job);
      steps.forEach((consumer, position) => {
        for (const { producer, what } of dependencies(document, consumer, steps.slice(0, position))) {
          const name = producer.id ?? stepLabel(producer);
          const guard: Guard = producer.id
            ? { yaml: `add "steps.${producer.id}.outcome == 'success'" to its if:`, kit: `add step "${producer.id}" to its "after: [${producer.id}]", or to "tolerates: [${producer.id}]" when it handles an empty value` }
            : { yaml: `give step "${name}" an id and guard this step on its outcome`, kit: `give step "${name}" an id and add it to this step's "after: […]"` };
          reportVerdict(`${consumer.path}.if`, `step "${stepLabel(consumer)}" ${what} "${name}"`, name, guard, guardVerdict(steps, producer, consumer, limit));
        }
      });
      checkDownloads(job, jobs, verdicts, limit, reportVerdict);
    }
  },
};

/** How many assignments of the conditions' atoms are tried before a case is called undecided. */
const EMITTED_CASE_LIMIT = 100_000;
const OTHER_CASE_LIMIT = 256;

/** The fix of an unguarded read, in YAML and in the kit's terms. */
interface Guard {
  readonly yaml: string;
  readonly kit: string;
}

type VerdictReport = (path: string, consumer: string, producer: string, guard: Guard, verdict: GuardVerdict) => void;

function reportVerdictOf(report: Report, path: string, consumer: string, producer: string, guard: Guard, verdict: GuardVerdict): void {
  if (verdict.kind === "guarded") return;
  let problem: string;
  if (verdict.kind === "undecided") {
    problem = `${consumer} but its conditions have too many cases (${verdict.cases}) to prove it runs only after "${producer}" succeeded`;
  } else {
    const when = verdict.example.values.size ? ` (e.g. when ${describeValues(verdict.example.values)})` : "";
    const outcome = verdict.example.producerOutcome;
    const happened = outcome === "skipped" ? "was skipped" : outcome === SKIPPED_AFTER_FAILURE ? "was skipped after an earlier step failed" : "failed";
    problem = `${consumer} but can run when "${producer}" ${happened}${when}`;
  }
  report(path, `${problem}; ${guard.yaml}`, `${problem}; ${guard.kit}`);
}

/**
 * Downloads in a job: the upload of the same name in a job it directly needs must
 * have run and succeeded whenever the job and the download step run. (An upload in
 * a job needed only indirectly is left to artifact-contract.)
 */
function checkDownloads(job: JobEntry, jobs: ReadonlyMap<string, JobEntry>, verdicts: Map<string, GuardVerdict>, limit: number, reportVerdict: VerdictReport): void {
  for (const download of stepsOf(job).filter((s) => actionOf(s.step) === DOWNLOAD_ACTION)) {
    const name = artifactNameOf(download.step);
    if (name === undefined) continue;
    for (const needed of [...new Set(needsOf(job.job))].flatMap((id) => jobs.get(id) ?? [])) {
      const steps = stepsOf(needed);
      for (const upload of steps.filter((s) => actionOf(s.step) === UPLOAD_ACTION && artifactNameOf(s.step) === name)) {
        const conditions = [job.job["if"], ...(readsOnlyNeeds(download.step["if"]) ? [download.step["if"]] : [])];
        // Many jobs download one upload under the same conditions (matrix-like generated workflows): decide each case once.
        const key = JSON.stringify([upload.path, conditions]);
        let verdict = verdicts.get(key);
        if (!verdict) verdicts.set(key, (verdict = jobGuardVerdict(steps, upload, { neededId: needed.id, outputs: isYamlMap(needed.job["outputs"]) ? needed.job["outputs"] : {}, conditions }, limit)));
        const producer = `${needed.id}.${upload.id ?? stepLabel(upload)}`;
        const guard: Guard = {
          yaml: `run the job only when the upload ran (a job output the upload's step sets, checked in its if:), or upload whenever "${needed.id}" succeeds`,
          kit: `give the job an if: on a needs(job).outputs value that the upload's step sets, or upload whenever "${needed.id}" succeeds (no if: beyond the job's)`,
        };
        reportVerdict(`${job.path}.if`, `job "${job.id}" downloads artifact "${name}" (step "${stepLabel(download)}") uploaded by step "${producer}"`, producer, guard, verdict);
      }
    }
  }
}

/** True when a step condition can be judged from the job's view: no status function, no step of its own job. */
function readsOnlyNeeds(condition: unknown): boolean {
  const ast = conditionOf(condition);
  return ast !== undefined && !callsStatusFunction(ast) && !contextPathsOf(ast).some((p) => p.segments[0] === "steps");
}

/**
 * Earlier steps the consumer depends on: those whose outputs it reads (in its env,
 * inputs or script, not in its if:), then those
 * whose products it uses; one entry per producer. An output read into an env
 * variable that the script only ever expands with a default (`${COUNT:-n/a}`) is
 * tolerated: the script visibly handles the empty value of a skipped producer.
 */
function dependencies(document: WorkflowDocument, consumer: StepEntry, earlier: readonly StepEntry[]): { producer: StepEntry; what: string }[] {
  const { workflow } = document;
  const found = new Map<StepEntry, string>();
  const env = `${consumer.path}.env.`;
  const condition = `${consumer.path}.if`;
  // Whether an empty output is a bug depends on what the consumer does with it: the project's workflows guard every
  // read (their policy); in other files only a product (an image, an artifact) that is not there is certain to fail.
  for (const scalar of document.emitted ? scalarsOf(consumer.step, consumer.path) : []) {
    // An output read in the step's own if: is compared there, and an empty value decides as the author wrote.
    if (scalar.path === condition) continue;
    if (scalar.path.startsWith(env) && readOnlyWithDefault(workflow, consumer, scalar.path.slice(env.length))) continue;
    for (const ref of contextPathsOfValue(scalar)) {
      const [root, id, property] = ref.segments;
      const producer = earlier.find((s) => s.id === id);
      if (root === "steps" && property === "outputs" && producer && !found.has(producer)) found.set(producer, `reads "${ref.text}" of`);
    }
  }
  for (const use of productUses(workflow, consumer, earlier, document.emitted)) if (!found.has(use.producer)) found.set(use.producer, use.what);
  return [...found].map(([producer, what]) => ({ producer, what }));
}

/**
 * True when the step's code uses the env variable and every use supplies a default:
 * `${NAME:-…}` / `${NAME-…}` in a shell script (read by the shell adapter),
 * `process.env.NAME ?? …` / `|| …` in a github-script body (JavaScript text).
 */
function readOnlyWithDefault(workflow: WorkflowObject, entry: StepEntry, name: string): boolean {
  const script = runScriptOf(workflow, entry, [new RegExp(name.toLowerCase().replace(/[^a-z0-9_]/g, "\\$&"))]);
  if (script) {
    const uses = script.expansions.filter((e) => e.name === name);
    return uses.length > 0 && uses.every((e) => e.operator === ":-" || e.operator === "-");
  }
  const { step } = entry;
  const body = actionOf(step) === "actions/github-script" && isYamlMap(step["with"]) ? step["with"]["script"] : undefined;
  if (typeof body !== "string" || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return false;
  const uses = [...body.matchAll(new RegExp(`process\\.env(?:\\.${name}|\\[["']${name}["']\\])(?![A-Za-z0-9_])\\s*(\\?\\?|\\|\\|)?`, "g"))];
  return uses.length > 0 && uses.every((use) => use[1] !== undefined);
}
