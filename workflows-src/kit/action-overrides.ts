/**
 * Typed overrides for the action bindings: what an action's metadata cannot say —
 * that an input is a boolean, a number, one of a set of words or a newline list, and
 * the shape of a JSON output. Inputs without an override are strings, except that a
 * `true`/`false` default makes a boolean and a digits-only default a number.
 * The generator rejects an override naming an action or input the manifest lacks.
 */

/** How a binding types one input. */
export type InputOverride =
  | { readonly type: "string" | "boolean" | "number" | "list" }
  | { readonly type: "enum"; readonly values: readonly (string | boolean)[] };

/** How a binding types one output: JSON text with a TypeScript shape (written as a type). */
export interface OutputOverride {
  readonly type: "json";
  readonly shape: string;
}

/** The overrides of one action. */
export interface ActionOverride {
  readonly inputs?: Readonly<Record<string, InputOverride>>;
  readonly outputs?: Readonly<Record<string, OutputOverride>>;
}

const list = { type: "list" } as const;
const boolean = { type: "boolean" } as const;
const number = { type: "number" } as const;
const oneOf = (...values: (string | boolean)[]): InputOverride => ({ type: "enum", values });

/** Overrides by action path (`owner/repo[/path]`). */
export const actionOverrides: Readonly<Record<string, ActionOverride>> = {
  "actions/cache": {
    inputs: { path: list, "restore-keys": list },
  },
  "actions/checkout": {
    inputs: { "sparse-checkout": list, submodules: oneOf(true, false, "recursive") },
  },
  "actions/github-script": {
    inputs: { debug: boolean, "result-encoding": oneOf("string", "json") },
  },
  "actions/setup-node": {
    inputs: { cache: oneOf("npm", "yarn", "pnpm") },
  },
  "actions/upload-artifact": {
    inputs: { "if-no-files-found": oneOf("warn", "error", "ignore"), "retention-days": number },
  },
  "anchore/scan-action": {
    inputs: { "fail-build": boolean },
  },
  "anchore/scan-action/download-grype": {
    inputs: { "cache-db": boolean },
  },
  "aquasecurity/trivy-action": {
    inputs: {
      format: oneOf("table", "json", "template", "sarif", "cyclonedx", "spdx", "spdx-json", "github", "cosign-vuln"),
      "hide-progress": boolean,
    },
  },
  "codecov/codecov-action": {
    inputs: { fail_ci_if_error: boolean },
  },
  "docker/build-push-action": {
    inputs: {
      ...Object.fromEntries(
        ["add-hosts", "allow", "annotations", "attests", "build-args", "build-contexts", "cache-from", "cache-to", "labels", "no-cache-filters", "outputs", "platforms", "secrets", "secret-envs", "secret-files", "ssh", "tags", "ulimit"].map((name) => [name, list]),
      ),
      push: boolean,
    },
    outputs: { metadata: { type: "json", shape: "Record<string, unknown>" } },
  },
  "docker/login-action": {
    inputs: { ecr: oneOf("auto", true, false) },
  },
  "docker/metadata-action": {
    inputs: {
      context: oneOf("workflow", "git"),
      images: list,
      tags: list,
      flavor: list,
      labels: list,
      annotations: list,
    },
    outputs: {
      json: { type: "json", shape: '{ tags: string[]; "tag-names": string[]; labels: Record<string, string>; annotations: string[] }' },
    },
  },
  "docker/setup-buildx-action": {
    inputs: { driver: oneOf("docker", "docker-container", "kubernetes", "remote"), "driver-opts": list },
  },
  "hadolint/hadolint-action": {
    inputs: {
      "failure-threshold": oneOf("error", "warning", "info", "style", "ignore"),
      format: oneOf("tty", "json", "checkstyle", "codeclimate", "gitlab_codeclimate", "codacy", "sarif"),
    },
  },
  "paulhatch/semantic-version": {
    inputs: { search_commit_body: boolean, enable_prerelease_mode: boolean },
  },
  "softprops/action-gh-release": {
    inputs: {
      draft: boolean,
      prerelease: boolean,
      generate_release_notes: boolean,
      make_latest: oneOf(true, false, "legacy"),
      files: list,
    },
  },
  "github/codeql-action/upload-sarif": {
    outputs: { "sarif-ids": { type: "json", shape: "Record<string, string>" } },
  },
};
