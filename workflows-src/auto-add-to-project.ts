/**
 * `.github/workflows/auto-add-to-project.yml`: every issue opened or reopened is added
 * to the project board named by the `PROJECT_URL` secret. Without that secret the job
 * says so in its summary instead of failing; a failure of the board itself does not fail
 * the run either.
 */
import { actionsAddToProject, eq, event, github, job, orElse, scriptFile, scriptStep, secret, tpl, unnamed, workflow, type BuiltWorkflow } from "./kit/index.ts";

const addToProject = job("add-to-project", {}, () => {
  // A secret cannot be read in an if:, so its presence becomes a step output.
  const projectCheck = scriptStep({
    name: "Determine project URL presence",
    id: "project_check",
    outputs: ["has_project"],
    env: { PROJECT_URL: secret("PROJECT_URL") },
    run: scriptFile(import.meta.url, "./auto-add-to-project/check-project-url.sh"),
  });
  return {
    name: unnamed,
    "runs-on": "ubuntu-latest",
    permissions: { contents: "read" },
    steps: [
      projectCheck,
      actionsAddToProject({
        name: "Add issue or PR to project",
        if: eq(projectCheck.outputs.has_project, "true"),
        "continue-on-error": true,
        with: {
          "project-url": secret("PROJECT_URL"),
          "github-token": orElse(secret("ADD_TO_PROJECT_PAT"), secret("GITHUB_TOKEN")),
        },
      }),
      scriptStep({
        name: "Skip summary",
        if: eq(projectCheck.outputs.has_project, "false"),
        run: 'echo "PROJECT_URL secret missing; skipping project assignment." >> "$GITHUB_STEP_SUMMARY"',
      }),
    ],
  };
});

/** Builds the workflow that adds new issues to the project board. */
export function build(): BuiltWorkflow {
  return workflow(import.meta.url, {
    name: "Auto-add issues and PRs to Project",
    on: { issues: { types: ["opened", "reopened"] } },
    permissions: {},
    concurrency: {
      // One run per issue; the pull request number is Charon's fallback for a pull request event.
      group: tpl`${github.workflow}-${orElse(event("issues").get("issue").get("number"), github.event.pullRequest.number)}`,
      "cancel-in-progress": false,
    },
    jobs: [addToProject],
  });
}
