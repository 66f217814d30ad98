import { test } from "node:test";
import assert from "node:assert/strict";
import { commandName, commandsOf, pipelinesOf, substitutionsOf } from "../../scripts/lint/shell-text.ts";

test("pipelines split at control operators, commands at pipes, not inside quotes or substitutions", () => {
  const pipelines = pipelinesOf(`a | b "x|y" && c $(d | e) || f 2>&1; g &\nh 'i;j'`);
  assert.deepEqual(
    pipelines.map((p) => [p.joinedBy, p.commands.map((c) => c.text)]),
    [
      ["", ["a", 'b "x|y"']],
      ["&&", ["c $(d | e)"]],
      ["||", ["f 2>&1"]],
      [";", ["g"]],
      ["\n", ["h 'i;j'"]],
    ],
  );
});

test("backslash-newline joins lines and comments are dropped", () => {
  assert.deepEqual(commandsOf("curl -fsSL \\\n  https://x # fetch | sh\n# whole line | sh\necho done").map((c) => c.words), [["curl", "-fsSL", "https://x"], ["echo", "done"]]);
});

test("the command name skips sudo, env, if, assignments and directories", () => {
  const names = commandsOf("sudo -E /bin/bash -s\nFOO=1 env python3 x.py\nif [ -f x ]; then exit 1; fi").map(commandName);
  assert.deepEqual(names, ["bash", "python3", "[", "exit", "fi"]);
});

test("substitutions are found inside double quotes and nested, but not inside single quotes", () => {
  const found = substitutionsOf(`X="$(jq '.a' f || echo 0)"; bash <(curl u); echo '$(not)'; Y=\`date\`; Z=$(a $(b))`);
  assert.deepEqual(
    found.map((s) => [s.opener, s.inner]),
    [
      ["$(", "jq '.a' f || echo 0"],
      ["<(", "curl u"],
      ["`", "date"],
      ["$(", "a $(b)"],
      ["$(", "b"],
    ],
  );
});
