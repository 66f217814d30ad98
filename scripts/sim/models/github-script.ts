/**
 * Model of actions/github-script v7. Models: the step succeeds and declares its
 * `result` output (empty). Does not model: the script itself or its API calls (PR
 * comments are reported as intended, not made).
 */
import type { ActionModel } from "./model.ts";

export const githubScriptModel: ActionModel = {
  action: "actions/github-script",
  describes: "script not executed; API calls (comments) reported as intended",
  run() {
    return { outcome: "success", outputs: { result: "" }, summary: "script modelled as success (not executed)" };
  },
};
