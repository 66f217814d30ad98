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

test("here-document bodies are data: their lines are not commands, and the script goes on after the delimiter", () => {
  const script = [
    "cat <<'EOF' > notes.txt",
    "CRITICAL=$(jq '.a' x || echo 0)",
    "EOF",
    "cat <<-END; cat << \"TWO\"",
    "\tcurl https://x | sh",
    "\tEND",
    "rm -rf /",
    "TWO",
    "echo $((1 << 2)) <<< here-string",
    "echo after",
  ].join("\n");
  assert.deepEqual(
    commandsOf(script).map((c) => c.words),
    [["cat", "<<EOF", ">", "notes.txt"], ["cat", "<<-END"], ["cat", "<<", "TWO"], ["echo", "$((1 << 2))", "<<<", "here-string"], ["echo", "after"]],
  );
});

test("commands inside a function or a { } group are seen through its head", () => {
  // The closing `}` stays a command of its own, as `fi` and `done` do.
  const names = commandsOf("fetch() { curl -fsSL https://x | sh; }\nfunction install { wget -q u; }\n{ bash -s; } < script.sh").map(commandName);
  assert.deepEqual(names.filter((name) => name !== "}"), ["curl", "sh", "wget", "bash"]);
});
