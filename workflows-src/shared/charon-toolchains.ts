/**
 * The toolchain steps of Charon's jobs: Go for the backend (`backend/`) and Node.js
 * for the frontend (`frontend/`), each with its dependency cache keyed on that part's
 * lock file.
 */
import { actionsSetupGo, actionsSetupNode, type IfValue, type StepHandle, type StringInput } from "../kit/index.ts";

/**
 * `actions/setup-go` for the backend: the given Go version, the module cache keyed on
 * `backend/go.sum`.
 * @param version the Go version (a literal, or the workflow's `env.GO_VERSION`)
 * @param step the step's name (default "Set up Go") and condition
 */
export function setupBackendGo(version: StringInput, step: { name?: string; if?: IfValue } = {}): StepHandle {
  return actionsSetupGo({ name: step.name ?? "Set up Go", ...(step.if !== undefined ? { if: step.if } : {}), with: { "go-version": version, "cache-dependency-path": "backend/go.sum" } });
}

/**
 * `actions/setup-node` for the frontend: the given Node.js version, npm's cache keyed
 * on `frontend/package-lock.json`.
 * @param version the Node.js version (a literal, or the workflow's `env.NODE_VERSION`)
 */
export function setupFrontendNode(version: StringInput): StepHandle {
  return actionsSetupNode({ name: "Set up Node.js", with: { "node-version": version, cache: "npm", "cache-dependency-path": "frontend/package-lock.json" } });
}
