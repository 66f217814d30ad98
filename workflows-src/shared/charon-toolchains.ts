/**
 * The toolchain steps of Charon's jobs: Go for the backend (`backend/`) and Node.js
 * for the frontend (`frontend/`), each with its dependency cache keyed on that part's
 * lock file.
 */
import { actionsSetupGo, actionsSetupNode, actionsSetupNodeV7, type IfValue, type StepHandle, type StringInput } from "../kit/index.ts";

/**
 * `actions/setup-go` for the backend: the given Go version, the module cache keyed on
 * `backend/go.sum`.
 * @param version the Go version (a literal, or the workflow's `env.GO_VERSION`)
 * @param step the step's name (default "Set up Go") and condition
 */
export function setupBackendGo(version: StringInput, step: { name?: string; if?: IfValue } = {}): StepHandle {
  return actionsSetupGo({ name: step.name ?? "Set up Go", ...(step.if !== undefined ? { if: step.if } : {}), with: { "go-version": version, "cache-dependency-path": "backend/go.sum" } });
}

/** What this file passes to a setup-node binding: the inputs every release it uses has. */
type NodeSetupCall = (spec: { name: string; with: { "node-version": StringInput; cache: "npm"; "cache-dependency-path": string } }) => StepHandle;

/** The pinned releases of actions/setup-node the frontend's jobs use, by major. */
const nodeReleases: Readonly<Record<"v6" | "v7", NodeSetupCall>> = { v6: actionsSetupNode, v7: actionsSetupNodeV7 };

/**
 * `actions/setup-node` for the frontend: the given Node.js version, npm's cache keyed
 * on `frontend/package-lock.json`.
 * @param version the Node.js version (a literal, or the workflow's `env.NODE_VERSION`)
 * @param release the major release of actions/setup-node (default v6)
 */
export function setupFrontendNode(version: StringInput, release: keyof typeof nodeReleases = "v6"): StepHandle {
  return nodeReleases[release]({ name: "Set up Node.js", with: { "node-version": version, cache: "npm", "cache-dependency-path": "frontend/package-lock.json" } });
}
