/**
 * Lines we print in CI: an annotation is the one workflow command we mean, and any
 * other line, whatever text it quotes, is one the runner cannot take for a command
 * (as modelled by `readsAsCommand`).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { annotation, safeLine } from "../../scripts/cli/annotation.ts";
import { readsAsCommand } from "../support/workflow-commands.ts";

test("hostile text stays one line that the runner does not read as a command", () => {
  for (const text of ["::stop-commands::pwned", "   ::error file=x::forged", "\u00a0::warning::x", "ok\n::stop-commands::pwned", "see ##[error]forged", "a\r::add-mask::x", "###[set-output name=x]y"]) {
    const line = safeLine(text);
    assert.ok(!line.includes("\n") && !line.includes("\r"), JSON.stringify(line));
    assert.ok(!readsAsCommand(line), JSON.stringify(line));
  }
});

test("ordinary text is printed as it is, and the model does see the commands it guards against", () => {
  assert.equal(safeLine('file.ts:3:5: unknown key "nme"; did you mean "name"? [unknown-key]'), 'file.ts:3:5: unknown key "nme"; did you mean "name"? [unknown-key]');
  assert.equal(safeLine("a\tb\nc"), "a\\tb\\nc");
  assert.ok(readsAsCommand("  ::stop-commands::x") && readsAsCommand("text ##[error]x") && !readsAsCommand("a :: b"));
  assert.ok(readsAsCommand(annotation("error", { file: "a.yml", line: 1 }, "message\n::stop-commands::x")), "an annotation is a command");
  assert.equal(annotation("error", { file: "a.yml" }, "a\n::stop-commands::x").split("\n").length, 1, "its message cannot start another line");
});
