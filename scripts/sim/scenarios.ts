/**
 * The events a workflow is simulated for, in its plan report and in `npm run review`.
 * A workflow declares them next to its source (`workflows-src/<name>.scenarios.ts`),
 * listed here explicitly; a workflow that declares none gets events derived from its
 * own triggers, so every emitted workflow can be simulated.
 */
import { scenarios as dockerBuild } from "../../workflows-src/docker-build.scenarios.ts";
import { scenarios as workflowsCheck } from "../../workflows-src/workflows-check.scenarios.ts";
import type { Scenario } from "./scenario.ts";
import { matchesFilter, triggerFilter, triggerNames } from "./triggers.ts";
import type { WorkflowShape } from "./workflow-shape.ts";

/** Declared scenarios by workflow name (the source module's file name, which is the emitted file's name). */
export const DECLARED_SCENARIOS: Readonly<Record<string, readonly Scenario[]>> = {
  "docker-build": dockerBuild,
  "workflows-check": workflowsCheck,
};

/** The workflow name of an emitted file (`.github/workflows/docker-build.yml` → `docker-build`). */
export function workflowName(file: string): string {
  return file.replace(/^.*\//, "").replace(/\.ya?ml$/, "");
}

/** The declared scenarios of a workflow file, if it declares any. */
export function declaredScenarios(file: string): readonly Scenario[] | undefined {
  return Object.hasOwn(DECLARED_SCENARIOS, workflowName(file)) ? DECLARED_SCENARIOS[workflowName(file)] : undefined;
}

/** The scenarios to simulate a workflow for: its declared ones, else those derived from its triggers. */
export function scenariosFor(file: string, workflow: WorkflowShape): readonly Scenario[] {
  return declaredScenarios(file) ?? derivedScenarios(workflow);
}

/** A branch (or tag) a filter pattern matches: the pattern itself when it names one, else one with each wildcard filled in. */
function exampleBranch(pattern: string): string | undefined {
  if (/[![\]+]/.test(pattern)) return undefined;
  return pattern.replace(/\*\*/g, "example").replace(/\*/g, "example").replace(/\?/g, "x");
}

/**
 * Events derived from `on:` for a workflow without declared scenarios: a pull request
 * from a branch and one from a fork, a push to each branch its filter names or matches
 * (`renovate/**` → `renovate/example`; the default branch when none) or of a tag when
 * it filters only tags (`v*` → `vexample`), a manual run, an
 * issue with the first activity its filter names (opened when none).
 * Other triggers are not simulated.
 */
export function derivedScenarios(workflow: WorkflowShape, defaultBranch = "main"): Scenario[] {
  const names = triggerNames(workflow);
  const branches = (event: string): string[] => {
    const filter = triggerFilter(workflow, event);
    const candidates = filter?.branches?.map(exampleBranch) ?? [defaultBranch];
    const started = candidates.filter((b): b is string => b !== undefined && (!filter?.branches || matchesFilter(filter.branches, b)) && !(filter?.["branches-ignore"] && matchesFilter(filter["branches-ignore"], b)));
    return started.length ? [...new Set(started)] : [defaultBranch];
  };
  const scenarios: Scenario[] = [];
  if (names.includes("pull_request")) {
    const base = branches("pull_request")[0]!;
    scenarios.push(
      { label: `PR into \`${base}\``, event: { event: "pull_request", pr: 1, base, title: "feat: a change" } },
      { label: `PR into \`${base}\` from a fork`, event: { event: "pull_request", pr: 2, base, fork: "contributor", title: "fix: a change" } },
    );
  }
  if (names.includes("push")) {
    const filter = triggerFilter(workflow, "push");
    const onlyTags = (filter?.tags !== undefined || filter?.["tags-ignore"] !== undefined) && filter?.branches === undefined && filter?.["branches-ignore"] === undefined;
    if (onlyTags) {
      const tag = filter?.tags?.map(exampleBranch).find((t) => t !== undefined && matchesFilter(filter.tags!, t)) ?? "v1.0.0";
      scenarios.push({ label: `push tag \`${tag}\``, event: { event: "push", ref: `refs/tags/${tag}`, message: "feat: a change" } });
    } else {
      for (const branch of branches("push")) scenarios.push({ label: `push \`${branch}\``, event: { event: "push", ref: `refs/heads/${branch}`, message: "feat: a change" } });
    }
  }
  if (names.includes("workflow_dispatch")) scenarios.push({ label: "manual run", event: { event: "workflow_dispatch" } });
  if (names.includes("issues")) {
    const types = triggerFilter(workflow, "issues")?.types;
    const action = types === undefined ? "opened" : [types].flat()[0]!;
    scenarios.push({ label: `issue #3 ${action}`, event: { event: "issues", issue: 3, action, title: "A bug report" } });
  }
  return scenarios;
}
