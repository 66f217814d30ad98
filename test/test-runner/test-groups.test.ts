/**
 * How `npm test` shares the test files out among its processes: by the time each took,
 * longest first, to the least loaded group; files never timed count as a typical one.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { rememberedSeconds, testGroups } from "../../scripts/test-runner/test-groups.ts";

const total = (group: readonly string[], seconds: Record<string, number>): number => group.reduce((sum, file) => sum + (seconds[file] ?? 0), 0);

test("the longest files go to different groups, and the groups' totals come out near equal", () => {
  const seconds = { a: 10, b: 9, c: 4, d: 3, e: 3, f: 1 };
  const groups = testGroups(Object.keys(seconds), 2, seconds);
  assert.equal(groups.length, 2);
  assert.deepEqual(groups.flat().sort(), Object.keys(seconds));
  assert.notEqual(groups.findIndex((g) => g.includes("a")), groups.findIndex((g) => g.includes("b")));
  const [first, second] = groups.map((g) => total(g, seconds));
  assert.ok(Math.abs(first! - second!) <= 2, `totals ${first} and ${second}`);
});

test("a file never timed counts as the median of the timed ones", () => {
  const seconds = { slow: 20, x: 2, y: 2, z: 2 };
  const groups = testGroups(["slow", "x", "y", "z", "new1", "new2"], 2, seconds);
  // With the median (2 s), the new files join the fast ones, away from the 20 s file.
  assert.deepEqual(groups.find((g) => g.includes("slow")), ["slow"]);
});

test("never more groups than files, never an empty one, and the same input gives the same groups", () => {
  assert.deepEqual(testGroups(["a", "b"], 8, {}), [["a"], ["b"]]);
  assert.deepEqual(testGroups(["a"], 0, {}), [["a"]]);
  const files = ["p", "q", "r", "s", "t"];
  assert.deepEqual(testGroups(files, 3, { p: 1, q: 1, r: 1 }), testGroups(files, 3, { p: 1, q: 1, r: 1 }));
});

test("a file's remembered time moves halfway to each new measurement; a first or unreadable one is taken as it is", () => {
  assert.equal(rememberedSeconds(10, 4), 7);
  assert.equal(rememberedSeconds(undefined, 4), 4);
  assert.equal(rememberedSeconds(-1, 4), 4);
  assert.equal(rememberedSeconds(Number.NaN, 4), 4);
});
