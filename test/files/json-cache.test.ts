/**
 * The per-machine caches stay bounded: past a tenth more entries than a cache keeps,
 * a write removes the least recently used (a read counts as a use) down to a tenth fewer;
 * a process counts the entries only every so many writes, and the bound still holds.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, rmSync, utimesSync } from "node:fs";
import path from "node:path";
import { cacheRoot, jsonCache, type JsonCache } from "../../scripts/files/json-cache.ts";

/** The key of the `i`th entry (a hex digest, as the cache requires). */
const key = (i: number): string => i.toString(16).padStart(16, "0");

/** Runs `body` on a cache of its own that keeps `keep` entries, with the folder it lives in; removes it after. */
function withCache<T>(name: string, keep: number, body: (cache: JsonCache<T>, dir: string) => void): void {
  const unique = `${name}-${process.pid}`;
  const dir = path.join(cacheRoot(), unique);
  try {
    body(jsonCache<T>(unique, keep), dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("a cache past its bound keeps the entries used last, the one just written and the one just read among them", () =>
  withCache<number>("bounded", 10, (cache, dir) => {
    // Eleven entries, each written a minute after the one before: within the bound and its slack.
    for (let i = 0; i < 11; i++) {
      cache.write(key(i), i);
      const written = new Date(Date.now() - (60 - i) * 60_000);
      utimesSync(path.join(dir, `${key(i)}.json`), written, written);
    }
    assert.equal(readdirSync(dir).length, 11, "nothing is removed within the slack");
    assert.equal(cache.read(key(0)), 0, "the oldest entry is used again");
    cache.write(key(11), 11);
    assert.deepEqual(readdirSync(dir).sort(), [0, 4, 5, 6, 7, 8, 9, 10, 11].map((i) => `${key(i)}.json`), "down to 9 entries: the least recently used go");
    assert.equal(cache.read(key(1)), undefined);
    cache.write(key(12), 12);
    assert.equal(readdirSync(dir).length, 10, "the next write is within the slack again");
  }));

test("a process that writes many entries keeps the cache within its bound and slack, though it does not count on every write", () =>
  withCache<number>("many", 100, (cache, dir) => {
    for (let i = 0; i < 400; i++) {
      cache.write(key(i), i);
      assert.ok(readdirSync(dir).length <= 100 + 10 + 5, `${readdirSync(dir).length} entries after ${i + 1} writes`);
    }
    assert.ok(readdirSync(dir).length >= 90);
  }));

test("a cache that keeps one entry keeps the one just written", () =>
  withCache<number>("single", 1, (cache, dir) => {
    for (let i = 0; i < 4; i++) cache.write(key(i), i);
    assert.equal(cache.read(key(3)), 3);
    assert.ok(readdirSync(dir).length <= 2);
  }));
