/**
 * The steps that make the project runnable in a job: Node.js (the current LTS, with
 * npm's cache) and a clean install of the locked packages.
 */
import { actionsSetupNode, scriptStep, type StepHandle } from "../kit/index.ts";

/** Set up Node.js 24 and run `npm ci`. */
export function nodeProject(): StepHandle[] {
  return [actionsSetupNode({ name: "Set up Node.js", with: { "node-version": 24, cache: "npm" } }), scriptStep({ name: "Install", run: "npm ci" })];
}
