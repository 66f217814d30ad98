/**
 * Action metadata from a local folder laid out as `<dir>/<owner>/<repo>[/<path>]/action.yml`.
 * The folder may hold only some of the actions (say, the one whose pin moved). When it
 * has a `PINS.tsv` (action, commit, tag per line), an action it lists must be pinned as
 * listed, so metadata from another commit is never taken for the pinned one.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { commitPattern, tagNameSchema } from "../../workflows-src/kit/action-manifest.ts";
import { parseWith, ValidationError } from "../../workflows-src/kit/validation-error.ts";
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
    async read(action, pin) {
      const listed = pins?.get(action);
      if (pins && !listed) return { absent: path.join(dir, ...action.split("/"), "action.yml") };
      if (listed) {
        const pinsFile = path.join(dir, "PINS.tsv");
        if (listed.commit !== pin.commit || listed.tag !== pin.tag) {
          throw new ValidationError([
            `${pinsFile}: has "${action}" at "${listed.commit}" ("${listed.tag}") but the manifest pins "${pin.commit}" ("${pin.tag}"); change the pin in the manifest or use metadata from the pinned commit`,
          ]);
        }
      }
      for (const name of ["action.yml", "action.yaml"]) {
        const file = path.join(dir, ...action.split("/"), name);
        if (existsSync(file)) return { text: readFileSync(file, "utf8"), file };
      }
      if (listed) throw new ValidationError([`${path.join(dir, ...action.split("/"), "action.yml")}: not found, though PINS.tsv lists "${action}"; add its metadata at ${pin.commit} there`]);
      return { absent: path.join(dir, ...action.split("/"), "action.yml") };
    },
  };
}

function readPins(dir: string): Map<string, { commit: string; tag: string }> | undefined {
  const file = path.join(dir, "PINS.tsv");
  if (!existsSync(file)) return undefined;
  const pins = new Map<string, { commit: string; tag: string }>();
  readFileSync(file, "utf8")
    .split("\n")
    .forEach((line, index) => {
      if (!line.trim()) return;
      const [action, commit, tag] = parseWith(pinLine, line.split("\t"), `${file}:${index + 1}`);
      pins.set(action, { commit, tag });
    });
  return pins;
}
