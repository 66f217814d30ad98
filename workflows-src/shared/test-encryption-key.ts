/**
 * The step that gives the backend's tests an encryption key: trusted runs get the
 * repository's test secret, code from forks and Dependabot a throw-away key (the
 * workflows stay on pull_request, never pull_request_target). Charon's coverage
 * workflows run it before the Go tests.
 */
import { event, github, scriptFile, scriptStep, secret, type StepHandle } from "../kit/index.ts";

/** "Resolve encryption key for backend coverage": exports the key for the later test steps. */
export function resolveTestEncryptionKey(): StepHandle {
  return scriptStep({
    name: "Resolve encryption key for backend coverage",
    shell: "bash",
    env: {
      EVENT_NAME: github.eventName,
      ACTOR: github.actor,
      REPO: github.repository,
      PR_HEAD_REPO: github.event.pullRequest.headRepoFullName,
      PR_HEAD_FORK: event("pull_request").get("pull_request").get("head").get("repo").get("fork"),
      WORKFLOW_SECRET_KEY: secret("CHARON_ENCRYPTION_KEY_TEST"),
    },
    run: scriptFile(import.meta.url, "./resolve-encryption-key.sh"),
  });
}
