/** The workflows the sources emit get no finding from any lint rule (the project passes its own checks). */
import { test } from "node:test";
import assert from "node:assert/strict";
import { lint } from "../../scripts/lint/engine.ts";
import { emittedDocuments } from "../../scripts/lint/load.ts";
import { emittedWorkflows } from "../support/emitted.ts";

test("the emitted workflows have no lint findings", async () => {
  const documents = emittedDocuments(await emittedWorkflows());
  assert.ok(documents.length >= 2, "the registry's workflows were emitted");
  assert.deepEqual(lint(documents).map((f) => `${f.file} ${f.path} [${f.rule}] ${f.message}`), []);
});
