import * as wmill from "windmill-client";
import nodemailer from "nodemailer";

// Tells an operator how a run of the daily flow ended: one message with the job id, its status and duration, the
// model-days completed and failed, the leader of the stored results and a link to the service's dashboard, sent by
// email (a Windmill `smtp` resource) and/or to a webhook (Slack or JSON). The flow runs it as its last step and as
// its failure handler, so the message also goes out when a step failed. Runs on Bun or Deno: fetch,
// windmill-client and nodemailer.

type TriggerResult = {
  action?: string;
  job_id?: string;
  message?: string;
  last_date?: string;
  total_model_days?: number;
};

type FlowError = { message?: string; name?: string; step_id?: string };

type JobStatus = {
  job_id: string;
  status: string;
  date_range?: string[];
  progress?: {
    total_model_days?: number;
    completed?: number;
    failed?: number;
    skipped?: number;
    cancelled?: number;
  };
  created_at?: string;
  started_at?: string | null;
  completed_at?: string | null;
  total_duration_seconds?: number | null;
  error?: string | null;
  warnings?: string[];
};

type StoredRecord = { date: string; model: string; portfolio_value: number; daily_profit: number };
type ResultsState = { models?: Record<string, Record<string, StoredRecord>> };

type Leader = { model: string; total_return_pct: number; portfolio_value: number; latest_date: string };

type Summary = {
  subject: string;
  text: string;
  job_id: string | null;
  status: string;
  flow_error: { step_id: string | null; message: string } | null;
  duration_seconds: number | null;
  model_days: { total: number; completed: number; failed: number; skipped: number; cancelled: number } | null;
  date_range: string[];
  leader: Leader | null;
  dashboard_url: string;
  warnings: string[];
};

const TIMEOUT_MS = 30_000;
const ENDED = ["completed", "partial", "failed", "cancelled"];

export async function main(
  ai_trader_api: RT.AiTraderApi,
  job_id: string = "",
  trigger_result: object = {},
  flow_error: object = {},
  recipients: string[] = ["admin@example.com"],
  sender: string = "",
  smtp?: RT.Smtp,
  webhook?: RT.AiTraderWebhook,
  dashboard_url: string = "",
  state_path: string = "f/ai_trader/simulation_results",
  last_days: number = 0,
  skip: boolean = false,
) {
  if (skip) {
    // The failure handler of a run whose notify step failed: that step already tried every channel.
    const message = "Nothing sent: the notify step itself failed, so the operator is not notified twice";
    console.log(message);
    return { sent: [], message };
  }
  const summary = await summarize(
    ai_trader_api,
    job_id,
    (trigger_result ?? {}) as TriggerResult,
    flowErrorOf(flow_error),
    dashboard_url,
    state_path,
    last_days,
  );
  console.log(summary.text);

  const to = (recipients ?? []).map((r) => r.trim()).filter((r) => r);
  const channels: { name: string; send: () => Promise<string> }[] = [];
  if (smtp?.host) {
    channels.push({
      name: `email (${smtp.host}:${smtpPort(smtp)})`,
      send: () => email(smtp, sender, to, summary),
    });
  }
  if (webhook?.url) channels.push({ name: `webhook (${origin(webhook.url)})`, send: () => post(webhook, summary) });
  if (channels.length === 0) {
    const message = "No notification channel configured (neither smtp nor webhook is set): nothing sent";
    console.log(message);
    return { ...summary, sent: [], message };
  }

  // Every channel is tried, so one that is down does not keep the message from the others.
  const sent: string[] = [];
  const failures: string[] = [];
  for (const channel of channels) {
    try {
      console.log(`${channel.name}: ${await channel.send()}`);
      sent.push(channel.name);
    } catch (e) {
      // Runtimes name the URL in connection errors: keep the webhook's secret path out of the message.
      failures.push(`${channel.name}: ${webhook?.url ? redact(describe(e), webhook.url) : describe(e)}`);
    }
  }
  if (failures.length > 0) {
    const done = sent.length > 0 ? `sent by ${sent.join(", ")} only` : "nothing was sent";
    throw new Error(`Notification failed (${done}): ${failures.join("; ")}`);
  }
  return { ...summary, sent, message: `Sent by ${sent.join(", ")}` };
}

async function summarize(
  api: RT.AiTraderApi,
  jobIdInput: string,
  trigger: TriggerResult,
  flowError: FlowError | null,
  dashboardUrl: string,
  statePath: string,
  lastDays: number,
): Promise<Summary> {
  const jobId = jobIdInput || trigger.job_id || null;
  const skipped = !jobId && trigger.action === "skipped";

  // Neither an unreachable service nor unreadable state may keep the message from going out: they are reported in it.
  let job: JobStatus | null = null;
  let jobProblem = "";
  if (jobId) {
    try {
      job = await fetchStatus(api, jobId);
    } catch (e) {
      jobProblem = describe(e);
    }
  }
  let leader: Leader | null = null;
  let leaderProblem = "";
  try {
    leader = leaderOf(((await wmill.getState(statePath)) ?? {}) as ResultsState, lastDays);
  } catch (e) {
    leaderProblem = `could not read ${statePath}: ${describe(e)}`;
  }

  const p = job?.progress;
  const summary: Summary = {
    subject: "",
    text: "",
    job_id: jobId,
    status: job?.status ?? (skipped ? "skipped" : jobId ? "unknown" : "not started"),
    flow_error: flowError
      ? { step_id: flowError.step_id ?? null, message: (flowError.message ?? "no message").slice(0, 500) }
      : null,
    duration_seconds: job ? durationOf(job) : null,
    model_days: p
      ? {
        total: p.total_model_days ?? 0,
        completed: p.completed ?? 0,
        failed: p.failed ?? 0,
        skipped: p.skipped ?? 0,
        cancelled: p.cancelled ?? 0,
      }
      : null,
    date_range: job?.date_range ?? [],
    leader,
    dashboard_url: dashboardUrl || `${baseUrl(api)}/dashboard`,
    warnings: job?.warnings ?? [],
  };
  summary.subject = subjectOf(summary, trigger);
  summary.text = textOf(summary, { trigger, job, jobProblem, leaderProblem });
  return summary;
}

function subjectOf(s: Summary, trigger: TriggerResult): string {
  if (s.flow_error) {
    return `AI-Trader simulation run failed at step ${s.flow_error.step_id ?? "?"}` +
      (s.job_id ? `: job ${s.job_id} ${s.status}` : "");
  }
  if (s.status === "skipped") {
    return `AI-Trader simulation skipped: already up to date (last date ${trigger.last_date ?? "?"})`;
  }
  return `AI-Trader simulation ${s.status}: job ${s.job_id ?? "?"}`;
}

function textOf(
  s: Summary,
  more: { trigger: TriggerResult; job: JobStatus | null; jobProblem: string; leaderProblem: string },
): string {
  const { trigger, job, jobProblem, leaderProblem } = more;
  const lines = [s.subject, "", `Job:         ${s.job_id ?? "none"}`];
  if (s.status === "skipped") {
    lines.push(`Status:      skipped (the service answered "current": ${trigger.message ?? "already up to date"})`);
  } else {
    lines.push(`Status:      ${s.status}${jobProblem ? ` (could not read the job's status: ${jobProblem})` : ""}`);
  }
  if (job?.error) lines.push(`Job error:   ${job.error.slice(0, 500)}`);
  const running = job && !ENDED.includes(job.status) ? " so far (still running)" : "";
  lines.push(`Duration:    ${s.duration_seconds === null ? "n/a" : formatDuration(s.duration_seconds)}${running}`);
  const days = s.model_days;
  lines.push(
    days
      ? `Model-days:  ${days.completed} completed, ${days.failed} failed (of ${days.total}; ` +
        `${days.skipped} skipped, ${days.cancelled} cancelled)`
      : "Model-days:  0 completed, 0 failed (no job ran)",
  );
  const dates = s.date_range;
  if (dates.length > 0) {
    lines.push(`Dates:       ${dates[0]} to ${dates[dates.length - 1]} (${dates.length} trading days)`);
  }
  lines.push(
    s.leader
      ? `Leader:      ${s.leader.model}, total return ${pct(s.leader.total_return_pct)}% ` +
        `(portfolio value ${money(s.leader.portfolio_value)} on ${s.leader.latest_date})`
      : `Leader:      none (${leaderProblem || "no results stored yet"})`,
  );
  lines.push(`Dashboard:   ${s.dashboard_url}`);
  if (s.flow_error) lines.push("", `The flow failed at step ${s.flow_error.step_id ?? "?"}: ${s.flow_error.message}`);
  if (s.warnings.length > 0) lines.push("", "Warnings:", ...s.warnings.map((w) => `- ${w}`));
  return lines.join("\n") + "\n";
}

/**
 * The failed step's error, as the failure handler gets it: Windmill's `error` ({message, name, stack, step_id}),
 * or the failed step's result, `{error}`, or for a loop the list of its iterations' results (the last failed).
 * null when there is none (not run as the failure handler).
 */
function flowErrorOf(value: unknown): FlowError | null {
  if (value === null || value === undefined || typeof value !== "object") return null;
  let error: unknown = value;
  if (Array.isArray(error)) {
    error = [...error].reverse().find((r) => r !== null && typeof r === "object" && "error" in r) ?? {};
  }
  if (error !== null && typeof error === "object" && "error" in error && typeof error.error === "object") {
    error = error.error;
  }
  const result = (error ?? {}) as FlowError;
  return Array.isArray(value) || Object.keys(value).length > 0 ? result : null;
}

async function fetchStatus(api: RT.AiTraderApi, jobId: string): Promise<JobStatus> {
  const response = await fetch(`${baseUrl(api)}/simulate/status/${encodeURIComponent(jobId)}`, {
    headers: headers(api),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (!response.ok) {
    await response.body?.cancel();
    throw new Error(`API error: ${response.status} ${response.statusText}`);
  }
  return (await response.json()) as JobStatus;
}

/** The job's duration: total_duration_seconds once it ended, else the time since it started. */
function durationOf(job: JobStatus): number | null {
  if (typeof job.total_duration_seconds === "number") return job.total_duration_seconds;
  const since = job.started_at ?? job.created_at;
  if (ENDED.includes(job.status) || !since) return null;
  return Math.max(0, (Date.now() - Date.parse(since)) / 1000);
}

/**
 * The model with the best total return over the stored results (the latest last_days trading days when > 0):
 * the same ranking and formula as the report's table (report_simulation_results), so the two always agree.
 */
function leaderOf(state: ResultsState, lastDays: number): Leader | null {
  let all = Object.values(state.models ?? {})
    .map((byDate) => Object.values(byDate).sort((a, b) => a.date.localeCompare(b.date)))
    .filter((records) => records.length > 0);
  if (lastDays > 0) {
    const window = new Set([...new Set(all.flat().map((r) => r.date))].sort().slice(-lastDays));
    all = all.map((records) => records.filter((r) => window.has(r.date))).filter((records) => records.length > 0);
  }
  const ranked = all.map((records) => {
    const first = records[0];
    const latest = records[records.length - 1];
    const startValue = first.portfolio_value - first.daily_profit;
    return {
      model: latest.model,
      total_return_pct: startValue > 0 ? round((latest.portfolio_value / startValue - 1) * 100) : 0,
      portfolio_value: round(latest.portfolio_value),
      latest_date: latest.date,
    };
  }).sort((a, b) => b.total_return_pct - a.total_return_pct);
  return ranked[0] ?? null;
}

async function email(smtp: RT.Smtp, sender: string, to: string[], summary: Summary): Promise<string> {
  if (to.length === 0) throw new Error("no recipients given");
  const port = smtpPort(smtp);
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port,
    secure: port === 465, // implicit TLS; on other ports STARTTLS is used when the server offers it
    auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? "" } : undefined,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  });
  try {
    const info = await transport.sendMail({
      from: sender || smtp.from || (smtp.user?.includes("@") ? smtp.user : `ai-trader@${smtp.host}`),
      to,
      subject: summary.subject,
      text: summary.text,
    });
    return `sent to ${to.join(", ")} (${String(info.response ?? "accepted")})`;
  } finally {
    transport.close();
  }
}

async function post(webhook: RT.AiTraderWebhook, summary: Summary): Promise<string> {
  const format = webhook.format || "json";
  if (format !== "json" && format !== "slack") throw new Error(`unknown format ${format} (json or slack)`);
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (webhook.authorization) headers["Authorization"] = webhook.authorization;
  const body = format === "slack" ? { text: `*${summary.subject}*\n${summary.text}` } : summary;
  const response = await fetch(webhook.url, {
    method: "POST",
    headers,
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const answer = (await response.text()).slice(0, 200);
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}${answer ? `: ${answer}` : ""}`);
  return `posted (${format}), HTTP ${response.status}`;
}

function smtpPort(smtp: RT.Smtp): number {
  return Number(smtp.port) || 587;
}

/** Scheme, host and port only: a webhook's path often holds its secret (Slack's does). */
function origin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return "invalid URL";
  }
}

/** The message without the URL's path and query, which often hold its secret (Slack's do). */
function redact(message: string, url: string): string {
  let out = message.split(url).join(origin(url));
  try {
    const parsed = new URL(url);
    out = out.split(parsed.href).join(parsed.origin);
    const secret = parsed.pathname + parsed.search;
    if (secret.length > 1) out = out.split(secret).join("/…");
  } catch {
    // not a URL: nothing more to hide
  }
  return out;
}

/** The error's message and its causes' ("fetch failed: Connection refused"). */
function describe(e: unknown): string {
  const parts: string[] = [];
  for (let c: unknown = e; c !== undefined && parts.length < 3; c = c instanceof Error ? c.cause : undefined) {
    const message = c instanceof Error ? c.message : String(c);
    if (message && !parts.includes(message)) parts.push(message);
  }
  return parts.join(": ");
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

function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const whole = Math.round(seconds);
  if (whole < 3600) return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, "0")} s`;
  return `${Math.floor(whole / 3600)} h ${String(Math.floor((whole % 3600) / 60)).padStart(2, "0")} min`;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function money(value: number): string {
  return value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

function pct(value: number): string {
  return `${value > 0 ? "+" : ""}${value.toFixed(2)}`;
}
