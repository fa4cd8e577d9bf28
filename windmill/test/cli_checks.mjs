// Checks of the Windmill folder with the real CLI (run by run.sh, against fake_windmill.mjs where a server is needed):
//   schemas <copy>         every shipped .script.yaml schema equals what `wmill generate-metadata --schema-only`
//                          writes for the script (descriptions and `order` aside) in <copy>, a copy without them
//   lock <shipped> <fresh> wmill-lock.yaml equals the one `wmill generate-metadata rehash` writes
//   push <dry-run-output> <folder>  `wmill sync push --dry-run` plans exactly one "+" per deployable file, no deletion
import { readdirSync, readFileSync, statSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import { join, relative } from "node:path";
import { parse } from "yaml";

const [command, ...args] = process.argv.slice(2);
const problems = [];

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

function withoutDocs(schema) {
  const { order: _order, ...rest } = schema;
  const properties = Object.fromEntries(
    Object.entries(rest.properties).map(([name, spec]) => {
      const { description: _description, ...kept } = spec;
      return [name, kept];
    }),
  );
  return { ...rest, properties };
}

if (command === "schemas") {
  const [shipped, generated] = args;
  const metas = files(shipped).filter((f) => f.endsWith(".script.yaml"));
  if (metas.length === 0) problems.push("no .script.yaml shipped");
  for (const file of metas) {
    const path = relative(shipped, file);
    const ours = parse(readFileSync(file, "utf8"));
    const theirs = parse(readFileSync(join(generated, path), "utf8"));
    if (!isDeepStrictEqual(withoutDocs(ours.schema), withoutDocs(theirs.schema))) {
      problems.push(
        `${path}: schema differs from the script's main; generated:\n${JSON.stringify(theirs.schema, null, 1)}`,
      );
    }
    if (!ours.summary) problems.push(`${path}: no summary`);
    if (ours.lock !== "") problems.push(`${path}: ship lock: '' (the server resolves dependencies)`);
    for (const [name, spec] of Object.entries(ours.schema.properties)) {
      if (!spec.description) problems.push(`${path}: ${name} has no description`);
    }
  }
  console.log(`${metas.length} script schemas checked`);
} else if (command === "lock") {
  const [shipped, fresh] = args;
  if (!isDeepStrictEqual(parse(readFileSync(shipped, "utf8")), parse(readFileSync(fresh, "utf8")))) {
    problems.push("wmill-lock.yaml is stale: run `wmill generate-metadata rehash` in windmill/");
  }
} else if (command === "push") {
  const [output, folder] = args;
  const lines = readFileSync(output, "utf8").replace(/\x1b\[[0-9;]*m/g, "").split("\n");
  const planned = lines.filter((l) => /^[+~-] /.test(l)).map((l) => l.trim()).sort();
  const expected = files(folder).map((f) => relative(folder, f)).flatMap((path) => {
    if (path.startsWith("test/") || path.startsWith("node_modules/")) return [];
    if (path.endsWith(".resource-type.yaml")) return [`+ resource-type ${path}`];
    if (path.endsWith("folder.meta.yaml")) return [`+ folder ${path}`];
    if (path.endsWith(".resource.yaml")) return [`+ resource ${path}`];
    if (path.endsWith("__flow/flow.yaml")) return [`+ flow ${path}`];
    if (path.endsWith(".schedule.yaml")) return [`+ schedule ${path}`];
    if (path.endsWith(".script.yaml") || (path.startsWith("f/") && path.endsWith(".ts"))) return [`+ script ${path}`];
    return [];
  }).sort();
  if (!isDeepStrictEqual(planned, expected)) {
    problems.push(`dry-run plan differs.\nplanned:\n${planned.join("\n")}\nexpected:\n${expected.join("\n")}`);
  }
  if (lines.some((l) => /stale/i.test(l))) problems.push("the CLI reports stale metadata");
  if (!lines.some((l) => l.includes("Dry run complete"))) problems.push("dry run did not complete");
  console.log(`${planned.length} changes planned`);
} else {
  problems.push(`unknown command ${command}`);
}

if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}
