// Runs a shipped flow.yaml the way a Windmill worker sequences it, for the subset of OpenFlow the folder uses:
// `script` steps (the local scripts' `main`, arguments by name from input_transforms), `whileloopflow` with
// module-level `stop_after_if`, `skip_if` and `sleep`. Expressions are evaluated as JavaScript with
// `flow_input`, `results` and (in stop_after_if) `result`, as Windmill does. Anything else is refused, so a
// flow using a construct this runner does not know fails the test instead of being silently mis-run.
import { parse } from "yaml";

type Transform = { type: "static"; value: unknown } | { type: "javascript"; expr: string };

type FlowModule = {
  id: string;
  summary?: string;
  skip_if?: { expr: string };
  stop_after_if?: { expr: string; skip_if_stopped?: boolean };
  sleep?: Transform;
  value: {
    type: string;
    path?: string;
    input_transforms?: Record<string, Transform>;
    modules?: FlowModule[];
    skip_failures?: boolean;
  };
};

export type FlowRun = {
  result: unknown;
  results: Record<string, unknown>;
  skipped: string[];
  calls: { id: string; args: Record<string, unknown> }[];
};

type Context = { flowInput: Record<string, unknown>; run: FlowRun };

const SUPPORTED_MODULE_KEYS = new Set(["id", "summary", "skip_if", "stop_after_if", "sleep", "value"]);

export async function runFlow(
  windmillDir: string,
  flowPath: string,
  input: Record<string, unknown>,
  options: { maxLoopIterations: number; sleepScale?: number },
): Promise<FlowRun> {
  const flow = parse(await Deno.readTextFile(`${windmillDir}/${flowPath}__flow/flow.yaml`));
  const properties: Record<string, { default?: unknown }> = flow.schema?.properties ?? {};
  for (const name of Object.keys(input)) {
    if (!(name in properties)) throw new Error(`flow has no input ${name}`);
  }
  const flowInput: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(properties)) {
    flowInput[name] = name in input ? input[name] : spec.default;
  }
  for (const name of flow.schema?.required ?? []) {
    if (flowInput[name] === undefined) throw new Error(`required flow input ${name} missing`);
  }
  const run: FlowRun = { result: undefined, results: {}, skipped: [], calls: [] };
  const ctx: Context = { flowInput, run };
  const outcome = await runModules(flow.value.modules, ctx, windmillDir, options);
  run.result = outcome.result;
  return run;
}

async function runModules(
  modules: FlowModule[],
  ctx: Context,
  windmillDir: string,
  options: { maxLoopIterations: number; sleepScale?: number },
): Promise<{ result: unknown; stopped: boolean }> {
  let last: unknown = undefined;
  for (const module of modules) {
    for (const key of Object.keys(module)) {
      if (!SUPPORTED_MODULE_KEYS.has(key)) throw new Error(`module ${module.id}: unsupported key ${key}`);
    }
    if (module.skip_if && evaluate(module.skip_if.expr, ctx)) {
      ctx.run.skipped.push(module.id);
      continue;
    }
    if (module.sleep) {
      const seconds = Number(transform(module.sleep, ctx));
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000 * (options.sleepScale ?? 1)));
    }
    last = await runModule(module, ctx, windmillDir, options);
    ctx.run.results[module.id] = last;
    if (module.stop_after_if && evaluate(module.stop_after_if.expr, ctx, last)) {
      return { result: last, stopped: true };
    }
  }
  return { result: last, stopped: false };
}

async function runModule(
  module: FlowModule,
  ctx: Context,
  windmillDir: string,
  options: { maxLoopIterations: number; sleepScale?: number },
): Promise<unknown> {
  const value = module.value;
  if (value.type === "script") {
    return await runScript(module, ctx, windmillDir);
  }
  if (value.type === "whileloopflow") {
    if (value.skip_failures !== false) throw new Error(`${module.id}: the test expects skip_failures: false`);
    const outer = ctx.flowInput;
    const iterations: unknown[] = [];
    try {
      for (let index = 0; index < options.maxLoopIterations; index++) {
        ctx.flowInput = { ...outer, iter: { index, value: index } };
        const outcome = await runModules(value.modules ?? [], ctx, windmillDir, options);
        iterations.push(outcome.result);
        if (outcome.stopped) return iterations;
      }
    } finally {
      ctx.flowInput = outer;
    }
    throw new Error(`${module.id}: loop still going after ${options.maxLoopIterations} iterations`);
  }
  throw new Error(`${module.id}: module type ${value.type} is not supported by the test runner`);
}

async function runScript(module: FlowModule, ctx: Context, windmillDir: string): Promise<unknown> {
  const path = module.value.path!;
  const meta = parse(await Deno.readTextFile(`${windmillDir}/${path}.script.yaml`));
  const params: string[] = meta.schema.order ?? Object.keys(meta.schema.properties);
  const transforms = module.value.input_transforms ?? {};
  for (const name of Object.keys(transforms)) {
    if (!params.includes(name)) throw new Error(`${module.id}: ${path} has no parameter ${name}`);
  }
  const args: Record<string, unknown> = {};
  for (const name of params) {
    if (name in transforms) args[name] = transform(transforms[name], ctx);
  }
  for (const name of meta.schema.required ?? []) {
    if (args[name] === undefined) throw new Error(`${module.id}: required ${name} of ${path} not given`);
  }
  ctx.run.calls.push({ id: module.id, args });
  const script = await import(new URL(`${path}.ts`, `file://${windmillDir}/`).href);
  return await script.main(...params.map((name) => args[name]));
}

function transform(t: Transform, ctx: Context): unknown {
  if (t.type === "static") return t.value;
  if (t.type === "javascript") return evaluate(t.expr, ctx);
  throw new Error(`unsupported input transform ${(t as { type: string }).type}`);
}

function evaluate(expr: string, ctx: Context, result?: unknown): unknown {
  const fn = new Function("flow_input", "results", "result", `return (${expr});`);
  return fn(ctx.flowInput, ctx.run.results, result);
}
