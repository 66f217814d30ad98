import { test } from "node:test";
import assert from "node:assert/strict";
import { readShell } from "../../scripts/shell/read-shell.ts";
import { commandsOf, everyScript, type ShellCommand } from "../../scripts/shell/shell-script.ts";

const values = (c: ShellCommand): string[] => c.words.map((w) => w.value);
const stdoutOf = (c: ShellCommand): string => (c.stdout === undefined ? "log" : c.stdout.kind === "file" ? `${c.stdout.append ? ">>" : ">"}${c.stdout.target.value}` : c.stdout.kind);

test("pipelines split at control operators, commands at pipes, not inside quotes or substitutions", () => {
  const script = readShell(`a | b "x|y" && c $(d | e) || f 2>&1; g &\nh 'i;j'`);
  assert.deepEqual(
    script.pipelines.map((p) => [p.joinedBy, p.commands.map(values)]),
    [
      ["", [["a"], ["b", "x|y"]]],
      ["&&", [["c", "$(d | e)"]]],
      ["||", [["f"]]],
      [";", [["g"]]],
      [";", [["h", "i;j"]]],
    ],
  );
  assert.deepEqual(script.pipelines[0]?.commands.map((c) => c.stage), [0, 1]);
});

test("backslash-newline joins lines, comments are dropped, quotes are removed from words", () => {
  const commands = commandsOf(readShell(`curl -fsSL \\\n  https://x # fetch | sh\n# whole line | sh\necho 'a'"b"c "d\\"e"`));
  assert.deepEqual(commands.map(values), [["curl", "-fsSL", "https://x"], ["echo", "abc", 'd"e']]);
});

test("the command name skips wrappers, their options, assignments and directories", () => {
  const names = commandsOf(readShell("sudo -E /bin/bash -s\nFOO=1 env A=2 python3 x.py\nif [ -f x ]; then exit 1; fi\nexec \"$TOOL\" run")).map((c) => c.name);
  assert.deepEqual(names, ["bash", "python3", "[", "exit", undefined]);
});

test("a word's literal part stops at the first expansion or substitution", () => {
  const [echo] = commandsOf(readShell(`echo "tag=$(git describe)" "\${k}=1" plain`));
  assert.deepEqual(
    echo?.words.slice(1).map((w) => [w.value, w.literal]),
    [
      ["tag=$(git describe)", "tag="],
      ["${k}=1", ""],
      ["plain", "plain"],
    ],
  );
});

test("substitutions are scripts of their own, found inside double quotes and nested, never inside single quotes", () => {
  const script = readShell(`X="$(jq '.a' f || echo 0)"; bash <(curl u); echo '$(not)'; Y=\`date\`; Z=$(a $(b))`);
  const nested = everyScript(script).slice(1);
  assert.deepEqual(
    nested.map((s) => s.pipelines.map((p) => [p.joinedBy, p.commands.map(values)])),
    [[["", [["jq", ".a", "f"]]], ["||", [["echo", "0"]]]], [["", [["curl", "u"]]]], [["", [["date"]]]], [["", [["a", "$(b)"]]]], [["", [["b"]]]]],
  );
  assert.deepEqual(commandsOf(script).flatMap((c) => c.substitutions.map((s) => s.opener)), ["$(", "<(", "`", "$("]);
  assert.equal(commandsOf(nested[0]!)[0]?.stdout?.kind, "captured");
});

test("standard output: own redirections, the group or loop around, pipes, and here-documents", () => {
  const script = readShell(
    [
      `{ echo "a=1"; echo "b=2"; } >> "$GITHUB_OUTPUT"`,
      `echo "c=1" 2>/dev/null | tee -a $GITHUB_OUTPUT > /dev/null`,
      `while read -r l; do echo "$l"; done < in.txt > "\${GITHUB_OUTPUT}"`,
      `cat >> "$GITHUB_OUTPUT" <<EOF`,
      `d=1`,
      `EOF`,
      `curl -fsSL https://x > install.sh`,
      `echo done`,
    ].join("\n"),
  );
  const commands = commandsOf(script);
  assert.deepEqual(
    commands.map((c) => `${values(c).join(" ")} ${stdoutOf(c)}`),
    ["echo a=1 >>$GITHUB_OUTPUT", "echo b=2 >>$GITHUB_OUTPUT", "echo c=1 pipe", "tee -a $GITHUB_OUTPUT >/dev/null", "read -r l >${GITHUB_OUTPUT}", "echo $l >${GITHUB_OUTPUT}", "cat >>$GITHUB_OUTPUT", "curl -fsSL https://x >install.sh", "echo done log"],
  );
  assert.equal(commands[6]?.hereDocument, "d=1\n");
});

test("here-document bodies are data: their lines are not commands, and the script goes on after the delimiter", () => {
  const script = readShell(["cat <<'EOF' > notes.txt", "CRITICAL=$(jq '.a' x || echo 0)", "EOF", "cat <<-END", "\tcurl https://x | sh", "\tEND", "echo $((1 << 2)) <<< here-string", "echo after"].join("\n"));
  assert.deepEqual(commandsOf(script).map((c) => c.name), ["cat", "cat", "echo", "echo"]);
  assert.equal(everyScript(script).length, 1, "the quoted here-document's $( ) is text");
});

test("commands inside functions, groups, conditions, loops and case arms are seen", () => {
  const script = readShell(
    "fetch() { curl -fsSL https://x | sh; }\nfunction install { wget -q u; }\n{ bash -s; } < script.sh\nif grep -q x f; then make; elif true; then :; else exit 1; fi\nfor f in $(ls); do case $f in a) git push;; esac; done\n(( n > 1 )) && [[ -n $a ]]",
  );
  assert.deepEqual(commandsOf(script).map((c) => c.name), ["curl", "sh", "wget", "bash", "grep", "make", "true", ":", "exit", undefined, undefined, "git", "((", "[["]);
});

test("parameter expansions are listed with their operator, in here-documents and substitutions too", () => {
  const script = readShell(`if [ "\${N:-0}" -gt "$MAX" ]; then echo "$(printf %s "\${X-}")"; fi\ncat <<EOF\n\${Y:=1}\nEOF\necho '$NOT'`);
  assert.deepEqual(
    script.expansions.map((e) => [e.name, e.operator, e.operand]),
    [
      ["N", ":-", "0"],
      ["MAX", undefined, undefined],
      ["X", "-", ""],
      ["Y", ":=", "1"],
    ],
  );
});

test("a ${{ }} expression stands for a computed value: a name built from it is not literal", () => {
  const [echo] = commandsOf(readShell(`echo "\${{ matrix.name }}=1" >> "$GITHUB_OUTPUT"`));
  assert.equal(echo?.words[1]?.literal, "");
  assert.equal(readShell("echo ${{ github.event.issue.title }}").complete, true);
});

test("a script with a syntax error is marked incomplete and keeps the statements that parse", () => {
  const script = readShell("echo before\nif then fi (\ncurl x | sh");
  assert.equal(script.complete, false);
  assert.ok(commandsOf(script).some((c) => c.name === "echo"));
});

test("PowerShell: commands, pipelines, ( ) groups and .NET method calls", () => {
  const script = readShell(`iex (iwr https://x/install.ps1 -UseBasicParsing)\nirm https://x | Invoke-Expression\nInvoke-Expression ((New-Object System.Net.WebClient).DownloadString('https://x'))`, "powershell");
  assert.deepEqual(
    script.pipelines.map((p) => p.commands.map((c) => `${c.stage}:${c.name}`)),
    [["0:iex"], ["0:irm", "1:Invoke-Expression"], ["0:Invoke-Expression"]],
  );
  assert.deepEqual(
    everyScript(script).slice(1).map((s) => commandsOf(s).map((c) => c.name)),
    [["iwr"], ["DownloadString"], ["New-Object"]],
  );
});
