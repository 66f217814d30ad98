/**
 * Synthetic workflows for the scaling benchmark: the N-th one is built from scratch
 * with the kit (eight jobs and 41 steps, step outputs guarded by their producers, job
 * outputs read through needs, a github-script step) so each costs what a real workflow module costs.
 */
import { and, currentJob, eq, github, githubScriptStep, job, scriptStep, status, tpl, workflow, type BuiltWorkflow } from "../../workflows-src/kit/index.ts";

const RUNNER = "ubuntu-latest";
const SUITES = ["api", "ui", "proxy", "auth", "storage", "upgrade"] as const;

/** The `index`-th synthetic workflow, emitted as `synthetic-<index>.yml`. */
export function syntheticWorkflow(index: number): BuiltWorkflow {
  const prepare = scriptStep({ name: "Prepare", id: "prepare", outputs: ["version", "tag"], run: 'echo "version=1.${RUN}" >> "$GITHUB_OUTPUT"\necho "tag=v1" >> "$GITHUB_OUTPUT"\n', env: { RUN: github.runId } });
  const compile = scriptStep({ name: "Compile", id: "compile", outputs: ["artifact"], after: [prepare], env: { VERSION: prepare.outputs.version }, run: 'echo "artifact=app-$VERSION" >> "$GITHUB_OUTPUT"\n' });
  const build = job("build", {}, () => ({
    name: `Build ${index}`,
    "runs-on": RUNNER,
    "timeout-minutes": 30,
    permissions: { contents: "read" },
    outputs: { artifact: compile.outputs.artifact, tag: prepare.outputs.tag },
    steps: [
      prepare,
      compile,
      scriptStep({ name: "Unit tests", after: [compile], env: { ARTIFACT: compile.outputs.artifact }, run: 'test -n "$ARTIFACT"\n' }),
      scriptStep({ name: "Summary", if: status.always(), env: { JOB_STATUS: currentJob.status }, run: 'echo "build: $JOB_STATUS" >> "$GITHUB_STEP_SUMMARY"\n' }),
    ],
  }));
  // Six test jobs of six steps: with build and report, about the size of docker-build.
  const tests = SUITES.map((suite) =>
    job(`test-${suite}`, { needs: [build] }, (needs) => {
      const built = needs(build);
      return {
        name: `Test ${suite} ${index}`,
        if: built.succeeded,
        "runs-on": RUNNER,
        "timeout-minutes": 20,
        permissions: { contents: "read" },
        steps: [
          scriptStep({ name: "Fetch", env: { ARTIFACT: built.outputs.artifact }, run: 'echo "fetch $ARTIFACT"\n' }),
          scriptStep({ name: "Start services", env: { SUITE: suite }, run: 'echo "start $SUITE"\n' }),
          scriptStep({ name: "Wait for health", run: "echo healthy\n" }),
          scriptStep({ name: "Run tests", env: { TAG: built.outputs.tag, SUITE: suite }, run: 'echo "test $SUITE $TAG"\n' }),
          scriptStep({ name: "Logs", if: status.always(), run: "echo logs\n" }),
          scriptStep({ name: "Stop services", if: status.always(), run: "echo stop\n" }),
        ],
      };
    }),
  );
  const report = job("report", { needs: [build, ...tests] }, (needs) => ({
    name: `Report ${index}`,
    if: and(status.always(), eq(github.eventName, "pull_request")),
    "runs-on": RUNNER,
    "timeout-minutes": 5,
    permissions: { "pull-requests": "write" },
    steps: [
      githubScriptStep({
        name: "Comment",
        env: { BUILD: needs(build).result, FIRST_SUITE: needs(tests[0]!).result, TITLE: tpl`Run ${github.runId}` },
        script: "await github.rest.issues.createComment({ ...context.repo, issue_number: context.issue.number, body: `${process.env.TITLE}: ${process.env.BUILD}/${process.env.FIRST_SUITE}` });\n",
      }),
    ],
  }));
  return workflow(new URL(`./synthetic-${index}.ts`, import.meta.url).href, {
    name: `Synthetic ${index}`,
    on: { push: { branches: ["main"] }, pull_request: { branches: ["main"] } },
    permissions: {},
    concurrency: { group: tpl`synthetic-${index}-${github.ref}`, "cancel-in-progress": true },
    jobs: [build, ...tests, report],
  });
}
