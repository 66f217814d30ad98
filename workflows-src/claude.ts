/**
 * `.github/workflows/claude.yml`: Claude answers when someone mentions `@claude` in an
 * issue (its title or body), an issue or pull-request comment, or a review.
 */
import { and, anthropicsClaudeCodeAction, contains, eq, event, github, job, or, secret, unnamed, workflow, type BuiltWorkflow } from "./kit/index.ts";
import { checkout } from "./shared/checkout.ts";

const mention = "@claude";

/** The events that start the job, each with the text where a mention counts. */
const mentioned = or(
  and(eq(github.eventName, "issue_comment"), contains(event("issue_comment").get("comment").get("body"), mention)),
  and(eq(github.eventName, "pull_request_review_comment"), contains(event("pull_request_review_comment").get("comment").get("body"), mention)),
  and(eq(github.eventName, "pull_request_review"), contains(event("pull_request_review").get("review").get("body"), mention)),
  and(eq(github.eventName, "issues"), or(contains(event("issues").get("issue").get("body"), mention), contains(event("issues").get("issue").get("title"), mention))),
);

const claude = job("claude", {}, () => ({
  name: unnamed,
  if: mentioned,
  "runs-on": "ubuntu-latest",
  // Reads the code, issues and pull requests; the OIDC token is how the action
  // authenticates; actions: read lets Claude read CI results on pull requests.
  permissions: { contents: "read", "pull-requests": "read", issues: "read", "id-token": "write", actions: "read" },
  steps: [
    checkout({ name: "Checkout repository", history: 1, release: "v4" }),
    anthropicsClaudeCodeAction({
      name: "Run Claude Code",
      id: "claude",
      with: {
        claude_code_oauth_token: secret("CLAUDE_CODE_OAUTH_TOKEN"),
        additional_permissions: "actions: read\n",
      },
    }),
  ],
}));

/** Builds the workflow that answers mentions of Claude. */
export function build(): BuiltWorkflow {
  return workflow(import.meta.url, {
    name: "Claude Code",
    on: {
      issue_comment: { types: ["created"] },
      pull_request_review_comment: { types: ["created"] },
      issues: { types: ["opened", "assigned"] },
      pull_request_review: { types: ["submitted"] },
    },
    permissions: {},
    jobs: [claude],
  });
}
