import * as wmill from "windmill-client";

// Polls a job (GET /simulate/status/{job_id}); once it completed (or partially), fetches each date's results
// (GET /results?date=…&detail=minimal). Without job_id it follows the job trigger_simulation recorded.
// Runs on Bun or Deno: only fetch and windmill-client.

const FINISHED = ["completed", "partial"];
const ENDED = ["completed", "partial", "failed", "cancelled"];

type JobStatus = {
  job_id: string;
  status: string;
  date_range: string[];
  progress: Record<string, unknown>;
  created_at?: string;
  completed_at?: string | null;
  total_duration_seconds?: number | null;
  error?: string | null;
  warnings?: string[];
};

type CurrentJob = { job_id?: string | null };

export async function main(
  ai_trader_api: RT.AiTraderApi,
  job_id: string = "",
  attempt: number = 1,
  max_attempts: number = 0,
  fail_on_error: boolean = false,
  current_job_state: string = "f/ai_trader/current_job",
) {
  const apiUrl = baseUrl(ai_trader_api);
  let jobId = job_id;
  if (!jobId) {
    const current = (await wmill.getState(current_job_state)) as CurrentJob | undefined;
    if (!current?.job_id) {
      return { status: "no_job", message: "No active simulation job", done: true };
    }
    jobId = current.job_id;
  }

  const response = await fetch(`${apiUrl}/simulate/status/${encodeURIComponent(jobId)}`, {
    headers: headers(ai_trader_api),
  });
  if (!response.ok) {
    if (response.status === 404) {
      await forget(current_job_state, jobId, "not_found");
      if (fail_on_error) throw new Error(`Job ${jobId} not found`);
      return { status: "not_found", message: "Job not found", job_id: jobId, done: true };
    }
    throw new Error(`API error: ${response.status} ${response.statusText}`);
  }
  const data = (await response.json()) as JobStatus;
  const progress = withoutDetails(data.progress);
  console.log(`Job ${jobId}: ${data.status}`);
  console.log(`Progress: ${progress.completed}/${progress.total_model_days} model-days`);

  if (FINISHED.includes(data.status)) {
    console.log("Job finished, retrieving results...");
    const results = [];
    for (const date of data.date_range) {
      const resultsResponse = await fetch(`${apiUrl}/results?date=${date}&detail=minimal`, {
        headers: headers(ai_trader_api),
      });
      if (resultsResponse.ok) {
        results.push(await resultsResponse.json());
      } else {
        console.log(`No results for ${date}: ${resultsResponse.status}`); // e.g. every model failed that day
        await resultsResponse.body?.cancel();
      }
    }
    await forget(current_job_state, jobId, data.status);
    return {
      status: data.status,
      job_id: jobId,
      done: true,
      completed_at: data.completed_at,
      duration_seconds: data.total_duration_seconds,
      progress,
      warnings: data.warnings ?? [],
      results,
    };
  }

  if (ENDED.includes(data.status)) {
    await forget(current_job_state, jobId, data.status);
    if (fail_on_error) throw new Error(`Job ${jobId} ended ${data.status}: ${data.error ?? "no error given"}`);
    return { status: data.status, job_id: jobId, done: true, error: data.error, progress };
  }

  // Still pending, downloading data or running.
  if (max_attempts > 0 && attempt >= max_attempts) {
    throw new Error(`Job ${jobId} is still ${data.status} after ${attempt} polls; giving up (it keeps running)`);
  }
  return { status: data.status, job_id: jobId, done: false, progress, started_at: data.created_at };
}

/** Clears the recorded current job once it has ended (the seed removed its /tmp file). */
async function forget(statePath: string, jobId: string, status: string) {
  const current = (await wmill.getState(statePath)) as CurrentJob | undefined;
  if (current?.job_id === jobId) {
    await wmill.setState({ job_id: null, last_job_id: jobId, last_status: status }, statePath);
  }
}

function withoutDetails(progress: Record<string, unknown>): Record<string, unknown> {
  const { details: _details, ...counts } = progress ?? {};
  return counts;
}

function baseUrl(api: RT.AiTraderApi): string {
  return api.base_url.replace(/\/+$/, "");
}

function headers(api: RT.AiTraderApi): Record<string, string> {
  const result: Record<string, string> = { Accept: "application/json" };
  if (api.api_key) {
    result["X-API-Key"] = api.api_key;
    result["Authorization"] = `Bearer ${api.api_key}`;
  }
  return result;
}
