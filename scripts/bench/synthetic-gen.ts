/**
 * `node scripts/run-ts.mjs scripts/bench/synthetic-gen.ts --count N --root DIR`: the
 * generator on N synthetic workflows in one process (build, validate, emit, write
 * under DIR), as `npm run gen` does for the registry; the benchmark times it per N.
 */
import { z } from "zod";
import { parseFlags } from "../cli/flags.ts";
import { generate } from "../pipeline/generate.ts";
import { writeAll } from "../pipeline/write-files.ts";
import { syntheticWorkflow } from "./synthetic-workflow.ts";

const flags = parseFlags("synthetic-gen", process.argv.slice(2), z.object({ count: z.coerce.number().int().min(1), root: z.string().min(1) }).strict());

const files = await generate({ workflows: Array.from({ length: flags.count }, (_, index) => () => syntheticWorkflow(index)) });
writeAll(flags.root, files, []);
