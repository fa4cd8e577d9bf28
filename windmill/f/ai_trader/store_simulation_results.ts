import * as wmill from "windmill-client";

// Stores the model-day results of a finished job (the output of poll_simulation_status) in a Windmill state
// resource: one record per model and date, merged over runs. State resources persist between runs and workers
// and are left alone by `wmill sync push`. Runs on Bun or Deno: only windmill-client.

type ModelResult = {
  model: string;
  job_id?: string;
  positions?: Record<string, number>;
  daily_pnl?: { profit?: number; return_pct?: number; portfolio_value?: number };
};

type JobResults = {
  status?: string;
  job_id?: string;
  results?: { date: string; results: ModelResult[] }[];
};

type StoredRecord = {
  job_id?: string;
  date: string;
  model: string;
  cash: number;
  portfolio_value: number;
  daily_profit: number;
  daily_return_pct: number;
  stored_at: string;
};

type ResultsState = {
  models: Record<string, Record<string, StoredRecord>>;
  updated_at?: string;
  last_job_id?: string;
};

export async function main(
  job_results: object,
  state_path: string = "f/ai_trader/simulation_results",
  max_days_per_model: number = 750,
) {
  // Typed as a plain object so Windmill's schema shows a JSON field, not a resource picker.
  const job = (job_results ?? {}) as JobResults;
  if (!["completed", "partial"].includes(job.status ?? "")) {
    return { message: "Job not complete, skipping storage", stored_count: 0, job_id: job.job_id };
  }
  const jobId = job.job_id;
  const state = ((await wmill.getState(state_path)) ?? {}) as Partial<ResultsState>;
  const models: ResultsState["models"] = state.models ?? {};
  const storedAt = new Date().toISOString();

  let stored = 0;
  for (const dateResult of job.results ?? []) {
    for (const modelResult of dateResult.results ?? []) {
      const pnl = modelResult.daily_pnl ?? {};
      const record: StoredRecord = {
        job_id: modelResult.job_id ?? jobId,
        date: dateResult.date,
        model: modelResult.model,
        cash: modelResult.positions?.CASH ?? 0,
        portfolio_value: pnl.portfolio_value ?? 0,
        daily_profit: pnl.profit ?? 0,
        daily_return_pct: pnl.return_pct ?? 0,
        stored_at: storedAt,
      };
      (models[record.model] ??= {})[record.date] = record;
      stored++;
    }
  }
  for (const byDate of Object.values(models)) {
    trimOldest(byDate, max_days_per_model);
  }

  await wmill.setState({ models, updated_at: storedAt, last_job_id: jobId }, state_path);
  return {
    stored_count: stored,
    job_id: jobId,
    state_path,
    models: Object.keys(models).sort(),
    message: `Stored ${stored} model-day results`,
  };
}

/** Keeps the state bounded: only the latest `keep` dates of a model. */
function trimOldest(byDate: Record<string, StoredRecord>, keep: number) {
  const dates = Object.keys(byDate).sort();
  for (const date of dates.slice(0, Math.max(0, dates.length - keep))) {
    delete byDate[date];
  }
}
