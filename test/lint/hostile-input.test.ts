/**
 * `npm run lint -- FILE` on hostile input: what is not a regular file of a sane size
 * gets one line of error (no stack trace, no hang, bounded memory), YAML bombs are
 * refused while anchors used many times are read, and text from the file cannot
 * forge a workflow command in any output format.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseWorkflowDocument } from "../../scripts/lint/document.ts";
import { formatFindings } from "../../scripts/lint/format.ts";
import { MAX_FILE_BYTES } from "../../scripts/lint/load.ts";
import { generate } from "../../scripts/pipeline/generate.ts";
import { formatProblem, GenerationError } from "../../scripts/pipeline/source-problem.ts";
import { job, scriptStep, workflow, type BuiltWorkflow } from "../../workflows-src/kit/index.ts";
import { readsAsCommand } from "../support/workflow-commands.ts";
import { lintText } from "./lint-text.ts";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Runs `npm run lint` on the arguments with a hard time limit, as the hostile tests need. */
function lint(...args: string[]) {
  return spawnSync(process.execPath, [path.join(projectRoot, "scripts", "run-ts.mjs"), path.join(projectRoot, "scripts", "lint.ts"), ...args], { cwd: projectRoot, encoding: "utf8", timeout: 60_000 });
}

/** The run refused the files, one line each matching its pattern in turn, without a stack trace. */
function refusedLineByLine(run: ReturnType<typeof lint>, patterns: readonly RegExp[]): void {
  assert.equal(run.error, undefined, "lint finished within the time limit");
  assert.equal(run.status, 2, run.stderr);
  const lines = run.stderr.trim().split("\n");
  assert.equal(lines.length, patterns.length, run.stderr);
  patterns.forEach((pattern, index) => assert.match(lines[index] ?? "", pattern));
  assert.doesNotMatch(run.stderr, /\n\s+at /, "no stack trace");
}

test("a directory, a FIFO, a device and an oversized file are refused with one line each, all in one run, and the good file beside them is not linted", (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), "lint-hostile-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const fifo = path.join(dir, "pipe.yml");
  execFileSync("mkfifo", [fifo]);
  const big = path.join(dir, "big.yml");
  writeFileSync(big, `on: push\n${"#".repeat(MAX_FILE_BYTES)}\n`);
  const run = lint(dir, fifo, ".github/workflows/workflows-check.yml", "/dev/zero", big);
  refusedLineByLine(run, [
    /is a directory; name the YAML files in it/,
    /"[^"]*pipe\.yml" is not a regular file/,
    /"\/dev\/zero" is not a regular file/,
    /has \d+ bytes, more than the \d+/,
  ]);
  assert.equal(run.stdout, "", "nothing was linted");
});

test("a YAML bomb is refused as a finding; an anchor used hundreds of times is read", () => {
  const bomb = ["on: push", 'a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
  for (let level = 1; level <= 7; level++) bomb.push(`${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${Array(10).fill(`*${String.fromCharCode(96 + level)}`).join(",")}]`);
  assert.throws(() => parseWorkflowDocument("bomb.yml", `${bomb.join("\n")}\njobs: {}\n`), /aliases expand to more than \d+ nodes/);

  const steps = Array.from({ length: 300 }, (_, i) => `      - name: step ${i}\n        env: *env\n        run: echo "$A"\n`).join("");
  const text = `on: push\npermissions: {}\nx-env: &env\n  A: "1"\njobs:\n  a:\n    runs-on: ubuntu-latest\n    permissions: {}\n    steps:\n${steps}`;
  const findings = lintText(text);
  assert.deepEqual(findings.filter((f) => f.rule !== "unknown-key"), []);
});

test("a key with a line break and a workflow command cannot forge a command in text, github or json output", () => {
  const text = `on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    permissions: {}\n    steps:\n      - "nme\\n::stop-commands::pwned\\n::error file=x::forged": x\n        run: echo\n`;
  const findings = lintText(text);
  assert.ok(findings.length > 0);
  for (const format of ["text", "github"] as const) {
    const lines = formatFindings(findings, format).split("\n");
    if (format === "text") assert.ok(!readsAsCommand(lines.join("\n")), lines.join("\n"));
    if (format === "github") assert.ok(lines.filter(Boolean).every((line) => /^::(error|warning) /.test(line) && !readsAsCommand(line.replace(/^::(error|warning) [^:]*::/, ""))), lines.join("\n"));
  }
  const json = JSON.parse(formatFindings(findings, "json")) as { path: string }[];
  assert.ok(json.some((f) => f.path.includes("\n::stop-commands::pwned")), "json keeps the text, escaped by JSON");
});

test("a file name that starts with :: is not read as a command in text output", () => {
  const output = formatFindings([{ rule: "r", severity: "error", file: "::stop-commands::x.yml", path: "", line: 1, column: 1, message: "m" }], "text");
  assert.ok(!readsAsCommand(output), output);
});

test("gen and check print a problem quoting a hostile key as lines the runner does not read as commands", async () => {
  // A key that slips past the types through a spread, as an author's typo would; unknown-key quotes it.
  const hostile = { "nme\n::stop-commands::pwned\n  ::error file=x::forged ##[warning]x": 1 };
  const build = (): BuiltWorkflow => {
    const only = job("only", {}, () => ({ name: "Only", "runs-on": "ubuntu-latest", permissions: {}, ...hostile, steps: [scriptStep({ name: "Say", run: "echo hi" })] }));
    return workflow(import.meta.url, { name: "hostile key", on: { push: {} }, permissions: {}, jobs: [only] });
  };
  await assert.rejects(generate({ workflows: [build], reports: [] }), (error: unknown) => {
    assert.ok(error instanceof GenerationError);
    const printed = error.problems.map(formatProblem);
    assert.ok(printed.some((line) => line.includes("[unknown-key]") && line.includes("::stop-commands::pwned")), printed.join("\n"));
    // What gen prints on failure (the error's message) and what check prints (each problem on a line).
    assert.ok(!readsAsCommand(error.message), error.message);
    assert.ok(!readsAsCommand(printed.join("\n")), printed.join("\n"));
    return true;
  });
});
