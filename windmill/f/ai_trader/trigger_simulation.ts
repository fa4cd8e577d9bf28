import * as wmill from "windmill-client";

// Starts a simulation on the AI-Trader Server (POST /simulate/trigger) and records the job in a Windmill state
// resource, so poll_simulation_status can find it when run on its own. Runs on Bun or Deno: only fetch and
// windmill-client.

type TriggerAnswer = {
  job_id?: string;
  status?: string;
  message?: string;
  date_range?: string[];
  models?: string[];
  total_model_days?: number;
  warnings?: string[];
  last_simulation_date?: string;
  next_trading_day?: string;
  error?: string;
  current_job_id?: string;
};

export async function main(
  ai_trader_api: RT.AiTraderApi,
  config_path: string = "configs/default_config.json",
  start_date: string = "",
  end_date: string = "",
  models: string[] = [],
  replace_existing: boolean = false,
  current_job_state: string = "f/ai_trader/current_job",
) {
  // The seed's body; the optional fields are sent only when set, so the default run is a catch-up.
  const body: Record<string, unknown> = { config_path };
  if (start_date) body.start_date = start_date;
  if (end_date) body.end_date = end_date;
  if (models?.length) body.models = models; // Windmill may pass null for a cleared list
  if (replace_existing) body.replace_existing = true;

  const response = await fetch(`${baseUrl(ai_trader_api)}/simulate/trigger`, {
    method: "POST",
    headers: headers(ai_trader_api, true),
    body: JSON.stringify(body),
  });
  const data = (await readJson(response)) as TriggerAnswer;
  if (!response.ok) {
    throw new Error(apiError(response, data));
  }

  if (data.status === "current") {
    console.log("Simulation already up-to-date");
    return {
      action: "skipped",
      message: data.message,
      last_date: data.last_simulation_date,
      next_trading_day: data.next_trading_day,
    };
  }

  // 202: a new job; 200 with a job: the same work is already pending or running, so follow that job.
  const action = response.status === 202 ? "triggered" : "in_progress";
  await wmill.setState(
    {
      job_id: data.job_id,
      date_range: data.date_range,
      models: data.models,
      config_path,
      recorded_at: new Date().toISOString(),
    },
    current_job_state,
  );
  console.log(`Simulation ${action}: ${data.job_id}`);
  console.log(`Date range: ${(data.date_range ?? []).join(", ")}`);
  console.log(`Models: ${(data.models ?? []).join(", ")}`);
  return {
    action,
    job_id: data.job_id,
    date_range: data.date_range ?? [],
    models: data.models ?? [],
    status: data.status,
    total_model_days: data.total_model_days,
    warnings: data.warnings ?? [],
    message: data.message,
  };
}

function baseUrl(api: RT.AiTraderApi): string {
  return api.base_url.replace(/\/+$/, "");
}

function headers(api: RT.AiTraderApi, json = false): Record<string, string> {
  const result: Record<string, string> = { Accept: "application/json" };
  if (json) result["Content-Type"] = "application/json";
  if (api.api_key) {
    result["X-API-Key"] = api.api_key;
    result["Authorization"] = `Bearer ${api.api_key}`;
  }
  return result;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return { message: text.slice(0, 200) };
  }
}

function apiError(response: Response, data: TriggerAnswer): string {
  const detail = data.error ? `${data.error}: ${data.message ?? ""}` : (data.message ?? "");
  const current = data.current_job_id ? ` (active job ${data.current_job_id})` : "";
  return `API error: ${response.status} ${response.statusText} ${detail}${current}`.trim();
}
