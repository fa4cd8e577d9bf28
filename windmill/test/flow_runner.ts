// Runs a shipped flow.yaml the way a Windmill worker sequences it, for the subset of OpenFlow the folder uses:
// `script` steps (the local scripts' `main`, arguments by name from input_transforms), `whileloopflow` with
// module-level `stop_after_if`, `skip_if` and `sleep`, and the flow's `failure_module`. Expressions are evaluated
// as JavaScript with `flow_input`, `results`, (in stop_after_if) `result` and (in the failure module)
// `previous_result` and `error`, as Windmill does. When a step throws, the flow stops there and runs its failure
// module, as Windmill's worker does (worker_flow.rs, js_eval.rs): `previous_result` is the failed top-level step's
// result, `{error: {message, name, stack, step_id}}` for a script, the list of its iterations' results (the last
// one that error) for a loop, and `error` is `previous_result?.error`. The run then counts as failed whatever the
// failure module returns (Windmill only recovers on a `recover: true` result, not used here). Anything else is
// refused, so a flow using a construct this runner does not know fails the test instead of being silently mis-run.
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

export type FlowError = { message: string; name: string; stack?: string; step_id: string };

export type FlowRun = {
  /** false when a step threw (even if the failure module then succeeded) */
  success: boolean;
  /** the last step's result, or the failure module's (or its error) when a step threw */
  result: unknown;
  results: Record<string, unknown>;
  skipped: string[];
  calls: { id: string; args: Record<string, unknown> }[];
  /** the error of the step that threw, as the failure module sees it */
  error?: FlowError;
};

/** The runner refusing the flow (a construct it does not know, a missing input): never the flow's own failure. */
class Refusal extends Error {}

/** A step that threw: the error of the innermost step, and the failed step's result as Windmill keeps it. */
class StepError extends Error {
  constructor(readonly error: FlowError, readonly result: unknown) {
    super(error.message);
  }

  static of(stepId: string, e: unknown): StepError {
    const error = {
      message: e instanceof Error ? e.message : String(e),
      name: e instanceof Error ? e.name : "Error",
      stack: e instanceof Error ? e.stack : undefined,
      step_id: stepId,
    };
    return new StepError(error, { error });
  }
}

type Context = { flowInput: Record<string, unknown>; run: FlowRun; previousResult?: unknown };

const SUPPORTED_MODULE_KEYS = new Set(["id", "summary", "skip_if", "stop_after_if", "sleep", "value"]);
const SUPPORTED_FLOW_KEYS = new Set(["modules", "failure_module"]);
const SUPPORTED_FAILURE_KEYS = new Set(["id", "summary", "value"]);

export async function runFlow(
  windmillDir: string,
  flowPath: string,
  input: Record<string, unknown>,
  options: { maxLoopIterations: number; sleepScale?: number },
): Promise<FlowRun> {
  const flow = parse(await Deno.readTextFile(`${windmillDir}/${flowPath}__flow/flow.yaml`));
  const properties: Record<string, { default?: unknown }> = flow.schema?.properties ?? {};
  for (const name of Object.keys(input)) {
    if (!(name in properties)) throw new Refusal(`flow has no input ${name}`);
  }
  const flowInput: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(properties)) {
    flowInput[name] = name in input ? input[name] : spec.default;
  }
  for (const name of flow.schema?.required ?? []) {
    if (flowInput[name] === undefined) throw new Refusal(`required flow input ${name} missing`);
  }
  for (const key of Object.keys(flow.value)) {
    if (!SUPPORTED_FLOW_KEYS.has(key)) throw new Refusal(`flow value: unsupported key ${key}`);
  }
  const failure: FlowModule | undefined = flow.value.failure_module;
  if (failure) {
    if (failure.id !== "failure") throw new Refusal(`failure_module: id must be failure, not ${failure.id}`);
    for (const key of Object.keys(failure)) {
      if (!SUPPORTED_FAILURE_KEYS.has(key)) throw new Refusal(`failure_module: unsupported key ${key}`);
    }
    if (failure.value.type !== "script") throw new Refusal("failure_module: only script steps are supported");
  }
  const run: FlowRun = { success: true, result: undefined, results: {}, skipped: [], calls: [] };
  const ctx: Context = { flowInput, run };
  try {
    const outcome = await runModules(flow.value.modules, ctx, windmillDir, options);
    run.result = outcome.result;
    return run;
  } catch (e) {
    if (!(e instanceof StepError)) throw e;
    run.success = false;
    run.error = e.error;
    run.result = e.result;
    ctx.previousResult = e.result;
  }
  if (failure) {
    try {
      run.result = await runScript(failure, ctx, windmillDir);
    } catch (e) {
      if (e instanceof Refusal) throw e;
      run.result = { error: { message: e instanceof Error ? e.message : String(e), step_id: "failure" } };
    }
    run.results.failure = run.result;
  }
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
      if (!SUPPORTED_MODULE_KEYS.has(key)) throw new Refusal(`module ${module.id}: unsupported key ${key}`);
    }
    if (module.skip_if && evaluate(module.skip_if.expr, ctx)) {
      ctx.run.skipped.push(module.id);
      continue;
    }
    if (module.sleep) {
      const seconds = Number(transform(module.sleep, ctx));
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000 * (options.sleepScale ?? 1)));
    }
    try {
      last = await runModule(module, ctx, windmillDir, options);
    } catch (e) {
      if (e instanceof Refusal) throw e;
      const failed = e instanceof StepError ? e : StepError.of(module.id, e);
      ctx.run.results[module.id] = failed.result;
      throw failed;
    }
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
    if (value.skip_failures !== false) throw new Refusal(`${module.id}: the test expects skip_failures: false`);
    const outer = ctx.flowInput;
    const iterations: unknown[] = [];
    try {
      for (let index = 0; index < options.maxLoopIterations; index++) {
        ctx.flowInput = { ...outer, iter: { index, value: index } };
        const outcome = await runModules(value.modules ?? [], ctx, windmillDir, options).catch((e) => {
          if (e instanceof StepError) throw new StepError(e.error, [...iterations, e.result]);
          throw e;
        });
        iterations.push(outcome.result);
        if (outcome.stopped) return iterations;
      }
    } finally {
      ctx.flowInput = outer;
    }
    throw new Refusal(`${module.id}: loop still going after ${options.maxLoopIterations} iterations`);
  }
  throw new Refusal(`${module.id}: module type ${value.type} is not supported by the test runner`);
}

async function runScript(module: FlowModule, ctx: Context, windmillDir: string): Promise<unknown> {
  const path = module.value.path!;
  const meta = parse(await Deno.readTextFile(`${windmillDir}/${path}.script.yaml`));
  const params: string[] = meta.schema.order ?? Object.keys(meta.schema.properties);
  const transforms = module.value.input_transforms ?? {};
  for (const name of Object.keys(transforms)) {
    if (!params.includes(name)) throw new Refusal(`${module.id}: ${path} has no parameter ${name}`);
  }
  const args: Record<string, unknown> = {};
  for (const name of params) {
    if (name in transforms) args[name] = transform(transforms[name], ctx);
  }
  for (const name of meta.schema.required ?? []) {
    if (args[name] === undefined) throw new Refusal(`${module.id}: required ${name} of ${path} not given`);
  }
  ctx.run.calls.push({ id: module.id, args });
  const script = await import(new URL(`${path}.ts`, `file://${windmillDir}/`).href);
  return await script.main(...params.map((name) => args[name]));
}

function transform(t: Transform, ctx: Context): unknown {
  if (t.type === "static") return t.value;
  if (t.type === "javascript") return evaluate(t.expr, ctx);
  throw new Refusal(`unsupported input transform ${(t as { type: string }).type}`);
}

function evaluate(expr: string, ctx: Context, result?: unknown): unknown {
  const fn = new Function("flow_input", "results", "result", "previous_result", "error", `return (${expr});`);
  const previous = ctx.previousResult as { error?: unknown } | undefined;
  return fn(ctx.flowInput, ctx.run.results, result, previous, previous?.error);
}
