/**
 * `.github/workflows/claude-code-review.yml`: Claude reviews each pull request when it
 * is opened, updated, reopened or marked ready, with the code-review plugin.
 */
import { anthropicsClaudeCodeAction, github, job, secret, tpl, unnamed, workflow, type BuiltWorkflow } from "./kit/index.ts";
import { checkout } from "./shared/checkout.ts";

const claudeReview = job("claude-review", {}, () => ({
  name: unnamed,
  "runs-on": "ubuntu-latest",
  // Reads the code and the pull request; the OIDC token is how the action authenticates.
  permissions: { contents: "read", "pull-requests": "read", issues: "read", "id-token": "write" },
  steps: [
    checkout({ name: "Checkout repository", history: 1, release: "v7" }),
    anthropicsClaudeCodeAction({
      name: "Run Claude Code Review",
      id: "claude-review",
      with: {
        allowed_bots: "renovate[bot]",
        claude_code_oauth_token: secret("CLAUDE_CODE_OAUTH_TOKEN"),
        plugin_marketplaces: "https://github.com/anthropics/claude-code.git",
        plugins: "code-review@claude-code-plugins",
        prompt: tpl`/code-review:code-review ${github.repository}/pull/${github.event.pullRequest.number}`,
      },
    }),
  ],
}));

/** Builds the pull-request review workflow. */
export function build(): BuiltWorkflow {
  return workflow(import.meta.url, {
    name: "Claude Code Review",
    on: { pull_request: { types: ["opened", "synchronize", "ready_for_review", "reopened"] } },
    permissions: {},
    jobs: [claudeReview],
  });
}
