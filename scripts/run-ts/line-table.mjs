/**
 * Turns a bundle's source map into the small table the stack-trace mapper reads: for
 * each bundle line, the segments that come from project sources (dependencies are left
 * out), so a run never parses the whole map of everything that was bundled.
 */
import path from "node:path";

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const DIGIT = new Map([...BASE64].map((c, i) => [c, i]));

/**
 * @typedef {{ sources: string[], lines: Record<string, number[]> }} LineTable
 * `sources` are paths relative to the project root (a build serves every copy of the
 * project); `lines[bundleLine]` holds flat quadruples: bundle column, source index, source line,
 * source column (all zero-based, as in source maps), in column order.
 */

/** Decodes one segment's base64 VLQ fields (source map v3). */
function decodeSegment(text) {
  const fields = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = DIGIT.get(char);
    if (digit === undefined) throw new Error(`source map has an invalid character "${char}"`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return fields;
}

/**
 * The line table of a source map, leaving out the segments of sources `skip` names.
 * @param {{ sources: string[], mappings: string }} map
 * @param {(source: string) => string} resolve  absolute path of a source named in the map
 * @param {(file: string) => boolean} skip  true for sources to leave out
 * @param {string} root  the project root the sources are named relative to
 * @returns {LineTable}
 */
export function lineTable(map, resolve, skip, root) {
  const files = map.sources.map(resolve);
  const skipped = files.map(skip);
  const sources = [];
  const index = new Map();
  const lines = {};
  let source = 0;
  let line = 0;
  let column = 0;
  map.mappings.split(";").forEach((text, bundleLine) => {
    let bundleColumn = 0;
    const kept = [];
    for (const segment of text ? text.split(",") : []) {
      const fields = decodeSegment(segment);
      bundleColumn += fields[0] ?? 0;
      if (fields.length < 4) continue;
      source += fields[1];
      line += fields[2];
      column += fields[3];
      const file = files[source];
      if (file === undefined || skipped[source]) continue;
      if (!index.has(file)) {
        index.set(file, sources.length);
        sources.push(path.relative(root, file));
      }
      kept.push(bundleColumn, index.get(file), line, column);
    }
    if (kept.length) lines[bundleLine] = kept;
  });
  return { sources, lines };
}
