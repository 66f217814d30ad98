/**
 * The workflow writer against two references: the `yaml` package's own writer gives
 * the same bytes for every workflow we emit (so switching writers changed no
 * generated file), and the `yaml` package's reader reads back exactly the value
 * written, for hand-picked hard cases and for thousands of random ones.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { Document, isMap, isScalar, isSeq, parse, type Node } from "yaml";
import { orderWorkflowKeys } from "../../scripts/emit/key-order.ts";
import { blockYaml } from "../../scripts/emit/yaml-writer.ts";
import { syntheticWorkflow } from "../../scripts/bench/synthetic-workflow.ts";
import { pinOfUses } from "../../scripts/actions/pin-table.ts";
import { workflows } from "../../workflows-src/index.ts";

/** The `yaml` package writing the same model with the same conventions (literal blocks, `# <tag>` after `uses:`, no folding). */
function referenceText(model: Record<string, unknown>): string {
  const document = new Document(model, { aliasDuplicateObjects: false });
  const mark = (node: Node | null): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (isScalar(pair.key) && pair.key.value === "uses" && isScalar(pair.value)) {
          // A local action (./path) has no pin, so no comment.
          const pin = pinOfUses(String(pair.value.value));
          if (pin) pair.value.comment = ` ${pin.tag}`;
        }
        mark(pair.value as Node | null);
      }
    } else if (isSeq(node)) for (const item of node.items) mark(item as Node | null);
    else if (isScalar(node) && typeof node.value === "string" && node.value.includes("\n")) node.type = "BLOCK_LITERAL";
  };
  mark(document.contents);
  return document.toString({ lineWidth: 0, minContentWidth: 0, indentSeq: true, nullStr: "" });
}

const withPinComments = { commentAfter: (key: string, value: unknown) => (key === "uses" ? pinOfUses(String(value))?.tag : undefined) };

test("every registered workflow and the synthetic ones are written byte for byte as the yaml package writes them", () => {
  const built = [...workflows.map((build) => build()), syntheticWorkflow(0), syntheticWorkflow(17)];
  for (const workflow of built) {
    const model = orderWorkflowKeys(workflow.workflow);
    assert.equal(blockYaml(model, withPinComments), referenceText(model), workflow.file);
  }
});

const hardValues: Record<string, unknown> = {
  on: { push: { branches: ["main", "release/*"] }, workflow_dispatch: {} },
  keywords: ["true", "False", "null", "~", "yes", "on", "", " ", "-", "?", "- item", "-1", "+1", "0x1F", "0o17", "1e3", "1.", ".5", ".inf", "-.Inf", ".NaN", "1_000"],
  indicators: ["#comment", "a #b", "a#b", "key: value", "key:", "a:b", ":x", "*alias", "&anchor", "!tag", "|", ">", "%directive", "@at", "`tick", "[x]", "{x}", ",x", "---", "...", "--- x"],
  quotes: ["it's", 'say "hi"', `both ' and "`, "'", '"'],
  spaces: [" leading", "trailing ", "tab\tinside", "\tleading tab", "trailing tab\t"],
  blocks: {
    script: "set -euo pipefail\necho \"$X\"\n",
    noFinalBreak: "line one\nline two",
    extraBreaks: "kept\n\n\n",
    indentedFirst: "  indented\nnot\n",
    blankMiddle: "a\n\n  \nb\n",
    blankLast: "a\n  ",
    onlyBreaks: "\n\n",
    leadingBreaks: "\n\nafter\n",
    hashes: "# not a comment\n--- not a marker\n... nor this\n",
  },
  controls: ["bell\u0007", "nul\u0000", "cr\r\nlf", "nel\u0085", "del\u007f", "bom\ufeff", "noncharacter\uffff", "lone \ud800 half", "line\u2028separator", "emoji 🚀"],
  numbers: [0, -0, 1.5, -3, 1e21, 2 ** 53],
  booleans: [true, false],
  nothing: null,
  emptyList: [],
  emptyMap: {},
  nested: [[], {}, ["a", ["b"]], [{ x: 1, y: [] }], { "": "empty key", "key with space": 1, "a: b": 2, "multi\nline key": 3, "true": 4 }],
  "${{ github.event_name }}": "expression-shaped key",
};

test("hard values read back exactly", () => {
  assert.deepEqual(parse(blockYaml(hardValues)), hardValues);
});

test("styles: scripts are literal blocks, strings that would read as other types are quoted, null is written as nothing", () => {
  const text = blockYaml({ run: "echo a\necho b\n", keep: "x\n\n", strip: "x\ny", flag: "true", count: "30", plain: "ubuntu-latest", nothing: null, empty: "" });
  assert.equal(
    text,
    ["run: |", "  echo a", "  echo b", "keep: |+", "  x", "", "strip: |-", "  x", "  y", 'flag: "true"', 'count: "30"', "plain: ubuntu-latest", "nothing:", 'empty: ""', ""].join("\n"),
  );
});

test("an undefined value leaves its key out, and a mapping of only undefined values is empty", () => {
  assert.equal(blockYaml({ a: undefined, b: { c: undefined }, d: [{ e: undefined }, undefined] }), "b: {}\nd:\n  - {}\n  -\n");
});

test("a value that is not YAML data is refused with its path", () => {
  assert.throws(() => blockYaml({ jobs: { build: { steps: [{ name: "ok" }, { with: { when: new Date(0) } }] } } }), /^UnwritableValueError: jobs\.build\.steps\[1\]\.with\.when: a Date is not YAML data/);
  assert.throws(() => blockYaml({ env: { "odd key": () => 1 } }), /env\["odd key"\]: a function is not YAML data/);
});

/** A small seeded generator (mulberry32), so a failure names a seed that reproduces it. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Characters that change how YAML reads a scalar, and a few that do not.
const ALPHABET = [..." \t\n\r:#-?'\"|>!&*%@`,[]{}.~0123456789eExo+_abcAZ$()=/\\", "\u0085", "\u00a0", "\ufeff", "é", "🚀"];

function randomString(next: () => number): string {
  const words = ["true", "null", "on", "---", "...", "${{ a }}", "0x1", ".inf"];
  let text = next() < 0.15 ? words[Math.floor(next() * words.length)]! : "";
  const length = Math.floor(next() * 12);
  for (let i = 0; i < length; i++) text += ALPHABET[Math.floor(next() * ALPHABET.length)]!;
  return text;
}

function randomValue(next: () => number, depth: number): unknown {
  const roll = next();
  if (depth < 3 && roll < 0.2) return Array.from({ length: Math.floor(next() * 4) }, () => randomValue(next, depth + 1));
  if (depth < 3 && roll < 0.4) return randomMapping(next, depth + 1);
  if (roll < 0.45) return Math.floor(next() * 2000) - 1000;
  if (roll < 0.5) return next() < 0.5;
  if (roll < 0.53) return null;
  return randomString(next);
}

function randomMapping(next: () => number, depth: number): Record<string, unknown> {
  const mapping: Record<string, unknown> = {};
  const size = Math.floor(next() * 4);
  for (let i = 0; i < size; i++) mapping[randomString(next)] = randomValue(next, depth);
  return mapping;
}

test("3000 random values read back exactly", () => {
  for (let seed = 1; seed <= 3000; seed++) {
    const value = randomMapping(random(seed), 0);
    const text = blockYaml(value);
    let back: unknown;
    try {
      back = parse(text);
    } catch (error) {
      assert.fail(`seed ${seed}: the written text does not parse (${(error as Error).message})\n${text}`);
    }
    assert.deepEqual(back ?? {}, value, `seed ${seed}:\n${text}`);
  }
});
