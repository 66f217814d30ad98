/**
 * Action metadata from a local folder laid out as `<dir>/<owner>/<repo>[/<path>]/action.yml`
 * (a second pinned version of an action in `<dir>/<owner>/<repo>[/<path>]@<label>/`, and
 * only there: a folder without it does not hold that version;
 * a reusable workflow at its own path, `<dir>/<owner>/<repo>/.github/workflows/x.yml`).
 * The folder may hold only some of the actions (say, the one whose pin moved). When it
 * has a `PINS.tsv` (action, commit, tag per line), an action it lists must be pinned as
 * one of its lines says, so metadata from another commit is never taken for the pinned one.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { parseWith, ValidationError } from "../files/validation-error.ts";
import { actionPathOf, commitPattern, isWorkflowKey, tagNameSchema } from "./action-manifest.ts";
import type { MetadataSource } from "./sync-manifest.ts";

const pinLine = z.tuple([
  z.string().min(1),
  z.string().regex(commitPattern, "must be a full 40-hex commit id in lower case"),
  tagNameSchema(z),
]);

/** A metadata source reading `dir`; `dir` is shown in messages as given. */
export function directorySource(dir: string): MetadataSource {
  const pins = readPins(dir);
  return {
    async read(key, pin) {
      const action = actionPathOf(key);
      const listed = pins?.get(action);
      const expected = isWorkflowKey(key) ? path.join(dir, ...action.split("/")) : path.join(dir, ...key.split("/"), "action.yml");
      if (pins && !listed) return { absent: expected };
      // Another pinned version is only ever read from its own folder: the action's folder holds another commit.
      const ownFolder = isWorkflowKey(key) || key === action ? undefined : path.join(dir, ...key.split("/"));
      if (ownFolder && !["action.yml", "action.yaml"].some((name) => existsSync(path.join(ownFolder, name)))) return { absent: expected };
      if (listed) {
        const pinsFile = path.join(dir, "PINS.tsv");
        if (!listed.some((line) => line.commit === pin.commit && line.tag === pin.tag)) {
          const first = listed[0]!;
          throw new ValidationError([
            `${pinsFile}: has "${action}" at "${first.commit}" ("${first.tag}") but the manifest pins "${pin.commit}" ("${pin.tag}"); change the pin in the manifest or use metadata from the pinned commit`,
          ]);
        }
      }
      const candidates = isWorkflowKey(key) ? [path.join(dir, ...action.split("/"))] : ["action.yml", "action.yaml"].map((name) => path.join(ownFolder ?? path.join(dir, ...action.split("/")), name));
      for (const file of candidates) {
        if (existsSync(file)) return { text: readFileSync(file, "utf8"), file };
      }
      if (listed) throw new ValidationError([`${expected}: not found, though PINS.tsv lists "${action}"; add its metadata at ${pin.commit} there`]);
      return { absent: expected };
    },
  };
}

function readPins(dir: string): Map<string, { commit: string; tag: string }[]> | undefined {
  const file = path.join(dir, "PINS.tsv");
  if (!existsSync(file)) return undefined;
  const pins = new Map<string, { commit: string; tag: string }[]>();
  readFileSync(file, "utf8")
    .split("\n")
    .forEach((line, index) => {
      if (!line.trim()) return;
      const [action, commit, tag] = parseWith(pinLine, line.split("\t"), `${file}:${index + 1}`);
      pins.set(action, [...(pins.get(action) ?? []), { commit, tag }]);
    });
  return pins;
}
