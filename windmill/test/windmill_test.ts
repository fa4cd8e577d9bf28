// Runs each script's main, and the flow's sequence, against the real packaged AI-Trader Server started by run.sh
// (TRADER_URL), with windmill-client mocked through WM_MOCKED_API_FILE, and the notification against a local SMTP
// server and webhook that record what they receive (stand_ins.ts). Tests run in order and share the server: the
// first trigger starts the catch-up of the default config, the flow test finishes it.
import {
  deepStrictEqual as assertEquals,
  match as assertMatch,
  ok as assert,
  rejects as assertRejects,
} from "node:assert/strict";
import * as wmill from "windmill-client";
import { parse } from "yaml";

import { runFlow } from "./flow_runner.ts";
import { closedPort, startSmtp, startWebhook } from "./stand_ins.ts";
import { main as trigger } from "../f/ai_trader/trigger_simulation.ts";
import { main as poll } from "../f/ai_trader/poll_simulation_status.ts";
import { main as store } from "../f/ai_trader/store_simulation_results.ts";
import { main as report } from "../f/ai_trader/report_simulation_results.ts";
import { main as notify } from "../f/ai_trader/notify_simulation_result.ts";

const TRADER_URL = Deno.env.get("TRADER_URL")!;
const WINDMILL_DIR = new URL("..", import.meta.url).pathname.replace(/\/$/, "");
const API = { base_url: `${TRADER_URL}/` }; // a trailing slash must not matter
const CURRENT_JOB = "f/ai_trader/current_job";
const RESULTS = "f/ai_trader/simulation_results";
const DEFAULT_MODELS = ["mock-trader", "mock-contrarian", "baseline-qqq", "baseline-equal"];
const MAX_SIMULATION_DAYS = 30; // the server's default: a catch-up runs at most this many trading days

type Json = Record<string, any>;
let firstJob: Json | undefined; // shared by the tests below, in order

async function pollUntilDone(args: Parameters<typeof poll>): Promise<Json> {
  for (let i = 0; i < 600; i++) {
    const status = (await poll(...args)) as Json;
    if (status.done) return status;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("job did not end within 120 s");
}

async function state(path: string): Promise<Json> {
  return (await wmill.getState(path)) as Json;
}

function svgOf(rich: Json): string {
  return rich.render_all.find((part: Json) => "svg" in part).svg;
}

function markdownOf(rich: Json): string {
  return rich.render_all.find((part: Json) => "markdown" in part).markdown;
}

function polylinePoints(svg: string): string[][] {
  return [...svg.matchAll(/<polyline [^>]*points="([^"]*)"/g)].map((m) => m[1].split(" "));
}

Deno.test("the mocked API file seeds the state the scripts read", async () => {
  assertEquals((await state(CURRENT_JOB)).seeded_by, "run.sh");
});

Deno.test("every .script.yaml lists main's parameters in order", async () => {
  for (
    const name of [
      "trigger_simulation",
      "poll_simulation_status",
      "store_simulation_results",
      "report_simulation_results",
      "notify_simulation_result",
    ]
  ) {
    const source = await Deno.readTextFile(`${WINDMILL_DIR}/f/ai_trader/${name}.ts`);
    const signature = source.match(/export async function main\(([\s\S]*?)\)\s*\{/)![1];
    const params = [...signature.matchAll(/(?:^|,)\s*(\w+)\??\s*:/g)].map((m) => m[1]);
    const meta = parse(await Deno.readTextFile(`${WINDMILL_DIR}/f/ai_trader/${name}.script.yaml`));
    assertEquals(meta.schema.order, params, name);
    assertEquals(Object.keys(meta.schema.properties), params, name);
  }
});

Deno.test("trigger_simulation: the seed's body starts a catch-up job and records it in state", async () => {
  const result = (await trigger(API)) as Json;
  assertEquals(result.action, "triggered");
  assertMatch(result.job_id, /^[0-9a-f-]{36}$/);
  assertEquals(result.status, "pending");
  assertEquals(result.models, DEFAULT_MODELS);
  assertEquals(result.date_range.length, MAX_SIMULATION_DAYS);
  assertEquals(result.date_range[0], "2025-10-01"); // the default config's init_date
  assertEquals(result.total_model_days, MAX_SIMULATION_DAYS * DEFAULT_MODELS.length);
  assert(result.warnings.length > 0, "a partial catch-up says that days remain");
  const recorded = await state(CURRENT_JOB);
  assertEquals(recorded.job_id, result.job_id);
  assertEquals(recorded.config_path, "configs/default_config.json");
  const status = await (await fetch(`${TRADER_URL}/simulate/status/${result.job_id}`)).json();
  assertEquals(status.config_path, "configs/default_config.json");
  firstJob = result;
});

Deno.test("poll_simulation_status: follows the recorded job, then fetches each date's minimal results", async () => {
  assert(firstJob, "runs after the trigger test");
  const result = await pollUntilDone([API]);
  assertEquals(result.status, "completed");
  assertEquals(result.job_id, firstJob.job_id);
  assertEquals(result.progress.completed, firstJob.total_model_days);
  assertEquals(result.progress.details, undefined, "the per-model-day details are left out");
  assertEquals(result.results.map((r: Json) => r.date), firstJob.date_range);
  for (const day of result.results) {
    assertEquals(day.results.map((r: Json) => r.model).sort(), [...DEFAULT_MODELS].sort());
    for (const entry of day.results) {
      assertEquals(Object.keys(entry).sort(), ["daily_pnl", "job_id", "model", "positions"], "detail=minimal");
      assertEquals(entry.job_id, firstJob.job_id);
      assertEquals(typeof entry.positions.CASH, "number");
      assertEquals(typeof entry.daily_pnl.portfolio_value, "number");
    }
  }
  const cleared = await state(CURRENT_JOB);
  assertEquals(cleared.job_id, null);
  assertEquals(cleared.last_job_id, firstJob.job_id);
  assertEquals(cleared.last_status, "completed");
  firstJob.poll = result;
});

Deno.test("poll_simulation_status: no recorded job, unknown job", async () => {
  assertEquals(((await poll(API)) as Json).status, "no_job");
  const unknown = (await poll(API, "00000000-0000-0000-0000-000000000000")) as Json;
  assertEquals(unknown.status, "not_found");
  assertEquals(unknown.done, true);
  await assertRejects(() => poll(API, "00000000-0000-0000-0000-000000000000", 1, 0, true), /not found/);
});

Deno.test("poll_simulation_status: a finished job polled by id gives the same results", async () => {
  const again = (await poll(API, firstJob!.job_id)) as Json;
  assertEquals(again.status, "completed");
  assertEquals(again.results, firstJob!.poll.results);
});

Deno.test("store_simulation_results: one record per model and date in state, merged over runs", async () => {
  const poll = firstJob!.poll;
  const result = (await store(poll)) as Json;
  assertEquals(result.stored_count, MAX_SIMULATION_DAYS * DEFAULT_MODELS.length);
  assertEquals(result.models, [...DEFAULT_MODELS].sort());
  const saved = await state(RESULTS);
  assertEquals(saved.last_job_id, firstJob!.job_id);
  for (const day of poll.results) {
    for (const entry of day.results) {
      const record = saved.models[entry.model][day.date];
      assertEquals(record.job_id, entry.job_id);
      assertEquals(record.cash, entry.positions.CASH);
      assertEquals(record.portfolio_value, entry.daily_pnl.portfolio_value);
      assertEquals(record.daily_profit, entry.daily_pnl.profit);
      assertEquals(record.daily_return_pct, entry.daily_pnl.return_pct);
    }
  }
  await store(poll); // storing the same job again changes nothing
  const again = await state(RESULTS);
  for (const model of DEFAULT_MODELS) {
    assertEquals(Object.keys(again.models[model]).length, MAX_SIMULATION_DAYS);
  }
});

Deno.test("store_simulation_results: skips unfinished jobs, keeps the latest days only", async () => {
  const skipped = (await store({ status: "failed", job_id: "x" })) as Json;
  assertEquals(skipped.stored_count, 0);
  assertEquals(skipped.message, "Job not complete, skipping storage");
  await wmill.setState({ models: {} }, "f/ai_trader/trim_test");
  await store(firstJob!.poll, "f/ai_trader/trim_test", 5);
  const trimmed = await state("f/ai_trader/trim_test");
  for (const model of DEFAULT_MODELS) {
    assertEquals(Object.keys(trimmed.models[model]).sort(), firstJob!.date_range.slice(-5));
  }
});

Deno.test("report_simulation_results: Markdown table and SVG chart of every model", async () => {
  const rich = (await report()) as Json;
  assertEquals(Object.keys(rich), ["render_all"]);
  const markdown = markdownOf(rich);
  const rows = markdown.split("\n").filter((line) => /^\| \d+ \|/.test(line));
  assertEquals(rows.length, DEFAULT_MODELS.length);
  const lastDay = firstJob!.poll.results.at(-1);
  for (const entry of lastDay.results) {
    const row = rows.find((r) => r.includes(`| ${entry.model} |`))!;
    assert(row, entry.model);
    // The first stored day started from the config's initial cash (10000).
    const total = (Math.round((entry.daily_pnl.portfolio_value / 10000 - 1) * 10000) / 100).toFixed(2);
    assert(row.includes(`| ${Number(total) > 0 ? "+" : ""}${total} |`), `${row} has total return ${total}`);
    assert(row.includes(`| ${lastDay.date} |`));
  }
  const ranked = rows.map((r) => Number(r.split("|")[5]));
  assertEquals(ranked, [...ranked].sort((a, b) => b - a), "ranked by total return");

  const svg = svgOf(rich);
  assertMatch(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[\s\S]*<\/svg>$/);
  const lines = polylinePoints(svg);
  assertEquals(lines.length, DEFAULT_MODELS.length);
  for (const points of lines) {
    assertEquals(points.length, MAX_SIMULATION_DAYS);
    for (const [x, y] of points.map((p) => p.split(",").map(Number))) {
      assert(x >= 0 && x <= 760 && y >= 0 && y <= 380, `${x},${y} inside the chart`);
    }
  }
  for (const model of DEFAULT_MODELS) assert(svg.includes(`${model} (`), `legend names ${model}`);

  const recent = (await report(RESULTS, 5)) as Json;
  for (const points of polylinePoints(svgOf(recent))) assertEquals(points.length, 5);
});

Deno.test("report_simulation_results: nothing stored yet", async () => {
  await wmill.setState({ models: {} }, "f/ai_trader/empty_test");
  const rich = (await report("f/ai_trader/empty_test")) as Json;
  assertEquals(rich.render_all.length, 1);
  assertMatch(markdownOf(rich), /No results stored yet/);
});

const SMTP_PASSWORD = "s3cret-smtp-pass";
const WEBHOOK_TOKEN = "s3cret-webhook-token";
const SECRETS = [SMTP_PASSWORD, WEBHOOK_TOKEN, "secret-path"]; // the stand-in webhook's path stands for Slack's key

function smtpResource(port: number) {
  return { host: "127.0.0.1", port, user: "notifier@example.com", password: SMTP_PASSWORD };
}

/** The report's rank-1 row as its table prints it: [model, total return %]. */
async function reportLeader(lastDays = 0): Promise<[string, string]> {
  const row = markdownOf((await report(RESULTS, lastDays)) as Json).split("\n").find((l) => l.startsWith("| 1 |"))!;
  const cells = row.split("|").map((cell) => cell.trim());
  return [cells[2], cells[5]];
}

/** Runs fn with console.log captured, so a test can check that no secret is printed. */
async function withLogs<T>(fn: () => Promise<T>): Promise<{ value?: T; error?: Error; logs: string }> {
  const original = console.log;
  const lines: string[] = [];
  console.log = (...args: unknown[]) => lines.push(args.map(String).join(" "));
  try {
    return { value: await fn(), logs: lines.join("\n") };
  } catch (e) {
    return { error: e as Error, logs: lines.join("\n") };
  } finally {
    console.log = original;
  }
}

function assertNoSecret(...texts: string[]) {
  for (const text of texts) {
    for (const secret of SECRETS) assert(!text.includes(secret), `"${secret}" shown in:\n${text}`);
  }
}

function line(text: string, label: string): string {
  return text.split("\n").find((l) => l.startsWith(`${label}:`))?.replace(/^[^:]+:\s+/, "") ?? "";
}

Deno.test("notify_simulation_result: one email and one JSON webhook post with the job's figures, leader and link", async () => {
  const smtp = await startSmtp();
  const hook = startWebhook();
  try {
    const job = firstJob!;
    const status = await (await fetch(`${TRADER_URL}/simulate/status/${job.job_id}`)).json();
    const { value, error, logs } = await withLogs(() =>
      notify(API, "", job, {}, ["ops@example.com", " admin@example.com "], "", smtpResource(smtp.port), {
        url: hook.url,
        authorization: `Bearer ${WEBHOOK_TOKEN}`,
      })
    );
    assertEquals(error, undefined);
    const result = value as Json;
    const hookOrigin = new URL(hook.url).origin;
    assertEquals(result.sent, [`email (127.0.0.1:${smtp.port})`, `webhook (${hookOrigin})`]);

    assertEquals(smtp.messages.length, 1);
    const mail = smtp.messages[0];
    assertEquals(mail.to, ["ops@example.com", "admin@example.com"]);
    assertEquals([mail.from, mail.user], ["notifier@example.com", "notifier@example.com"]);
    assertEquals(mail.subject, `AI-Trader simulation completed: job ${job.job_id}`);
    const [leader, total] = await reportLeader();
    assertEquals(line(mail.text, "Job"), job.job_id);
    assertEquals(line(mail.text, "Status"), "completed");
    assertMatch(line(mail.text, "Duration"), /^(\d+\.\d s|\d+ min \d\d s)$/);
    if (status.total_duration_seconds < 60) {
      assertEquals(line(mail.text, "Duration"), `${status.total_duration_seconds.toFixed(1)} s`);
    }
    assertEquals(
      line(mail.text, "Model-days"),
      `${job.total_model_days} completed, 0 failed (of ${job.total_model_days}; 0 skipped, 0 cancelled)`,
    );
    assertEquals(line(mail.text, "Dates"), `2025-10-01 to ${job.date_range.at(-1)} (30 trading days)`);
    assertMatch(line(mail.text, "Leader"), new RegExp(`^${leader}, total return \\${total}% \\(portfolio value `));
    assertEquals(line(mail.text, "Dashboard"), `${TRADER_URL}/dashboard`);
    assert(!mail.text.includes("The flow failed"));

    assertEquals(hook.requests.length, 1);
    const posted = hook.requests[0];
    assertEquals(posted.headers.get("authorization"), `Bearer ${WEBHOOK_TOKEN}`);
    assertEquals(posted.headers.get("content-type"), "application/json");
    const body = posted.body;
    assertEquals([body.job_id, body.status, body.flow_error], [job.job_id, "completed", null]);
    assertEquals(body.duration_seconds, status.total_duration_seconds);
    assertEquals(body.model_days, {
      total: job.total_model_days,
      completed: job.total_model_days,
      failed: 0,
      skipped: 0,
      cancelled: 0,
    });
    assertEquals(body.date_range, job.date_range);
    assertEquals(body.leader.model, leader);
    assertEquals(`${body.leader.total_return_pct > 0 ? "+" : ""}${body.leader.total_return_pct.toFixed(2)}`, total);
    assertEquals(body.dashboard_url, `${TRADER_URL}/dashboard`);
    assertEquals([body.subject, body.text], [mail.subject, mail.text]);
    assertNoSecret(JSON.stringify(result), logs);
  } finally {
    await smtp.close();
    await hook.close();
  }
});

Deno.test("notify_simulation_result: Slack format, a dashboard link of its own, the leader of the last days", async () => {
  const hook = startWebhook();
  try {
    const result = (await notify(
      API,
      firstJob!.job_id,
      {},
      {},
      [],
      "",
      undefined,
      {
        url: hook.url,
        format: "slack",
      },
      "https://trader.example.com/dashboard",
      RESULTS,
      5,
    )) as Json;
    assertEquals(result.sent, [`webhook (${new URL(hook.url).origin})`]);
    assertEquals(hook.requests.length, 1);
    const body = hook.requests[0].body;
    assertEquals(Object.keys(body), ["text"]);
    assert(body.text.startsWith(`*AI-Trader simulation completed: job ${firstJob!.job_id}*\n`), body.text);
    assertEquals(line(body.text, "Dashboard"), "https://trader.example.com/dashboard");
    const [leader, total] = await reportLeader(5);
    assert(line(body.text, "Leader").startsWith(`${leader}, total return ${total}%`), body.text);
  } finally {
    await hook.close();
  }
});

Deno.test("notify_simulation_result: no channel configured succeeds and says so; skip sends nothing", async () => {
  const result = (await notify(API, firstJob!.job_id)) as Json;
  assertEquals(result.sent, []);
  assertMatch(result.message, /^No notification channel configured \(neither smtp nor webhook is set\)/);
  assertEquals(result.status, "completed");
  const smtp = await startSmtp();
  try {
    const skipped = (await notify(
      API,
      firstJob!.job_id,
      {},
      { step_id: "notify", message: "x" },
      ["a@example.com"],
      "",
      smtpResource(smtp.port),
      undefined,
      "",
      RESULTS,
      0,
      true,
    )) as Json;
    assertEquals(skipped.sent, []);
    assertMatch(skipped.message, /Nothing sent: the notify step itself failed/);
    assertEquals(smtp.messages.length, 0);
  } finally {
    await smtp.close();
  }
});

Deno.test("notify_simulation_result: an up-to-date trigger, a failed step, an unreachable service", async () => {
  const smtp = await startSmtp();
  const down = { base_url: `http://127.0.0.1:${closedPort()}` };
  try {
    const to = ["admin@example.com"];
    const resource = smtpResource(smtp.port);
    await notify(
      API,
      "",
      {
        action: "skipped",
        message: "Simulation already up-to-date",
        last_date: "2025-11-11",
      },
      {},
      to,
      "ops-bot@example.com",
      resource,
    );
    await notify(
      down,
      "",
      { error: { message: "boom" } },
      {
        name: "Error",
        message: "API error: 409 Conflict conflict: Another job is active (active job j0)",
        step_id: "trigger",
      },
      to,
      "",
      resource,
    );
    // As the failure handler gets a failed loop: the list of its iterations' results, the last one the error.
    const lastPolls = [{ done: false, status: "running" }, {
      error: {
        name: "Error",
        message: "Job j-gone is still running after 600 polls; giving up (it keeps running)",
        step_id: "poll",
      },
    }];
    const unknown = (await notify(down, "j-gone", {}, lastPolls, to, "", resource)) as Json;
    assertEquals(smtp.messages.length, 3);
    const [skipped, trigger, gone] = smtp.messages;

    assertEquals(skipped.subject, "AI-Trader simulation skipped: already up to date (last date 2025-11-11)");
    assertEquals(skipped.from, "ops-bot@example.com");
    assertEquals(line(skipped.text, "Job"), "none");
    assertMatch(
      line(skipped.text, "Status"),
      /^skipped \(the service answered "current": Simulation already up-to-date\)/,
    );
    assertEquals(line(skipped.text, "Duration"), "n/a");
    assertEquals(line(skipped.text, "Model-days"), "0 completed, 0 failed (no job ran)");
    assertEquals(line(skipped.text, "Dashboard"), `${TRADER_URL}/dashboard`);
    assert(line(skipped.text, "Leader").length > 0);

    assertEquals(trigger.subject, "AI-Trader simulation run failed at step trigger");
    assertEquals(line(trigger.text, "Status"), "not started");
    assert(trigger.text.includes("The flow failed at step trigger: API error: 409 Conflict"), trigger.text);
    assertEquals(line(trigger.text, "Dashboard"), `${down.base_url}/dashboard`);

    assertEquals(gone.subject, "AI-Trader simulation run failed at step poll: job j-gone unknown");
    assertMatch(line(gone.text, "Status"), /^unknown \(could not read the job's status: /);
    assertEquals(unknown.flow_error, {
      step_id: "poll",
      message: "Job j-gone is still running after 600 polls; giving up (it keeps running)",
    });
  } finally {
    await smtp.close();
  }
});

Deno.test("notify_simulation_result: a failing channel fails the step with a clear message, after the others", async () => {
  const id = firstJob!.job_id;
  const refused = closedPort();
  const to = ["admin@example.com"];
  const secretHook = `http://127.0.0.1:${refused}/services/T000/B000/secret-path`;
  const smtpDown = await withLogs(() => notify(API, id, {}, {}, to, "", smtpResource(refused)));
  assertMatch(
    smtpDown.error!.message,
    new RegExp(`^Notification failed \\(nothing was sent\\): email \\(127\\.0\\.0\\.1:${refused}\\): .*ECONNREFUSED`),
  );
  const hookDown = await withLogs(() => notify(API, id, {}, {}, to, "", undefined, { url: secretHook }));
  assertMatch(
    hookDown.error!.message,
    new RegExp(
      `^Notification failed \\(nothing was sent\\): webhook \\(http://127\\.0\\.0\\.1:${refused}\\): .*refused`,
      "i",
    ),
  );
  assertNoSecret(smtpDown.error!.message, smtpDown.logs, hookDown.error!.message, hookDown.logs);

  const smtp = await startSmtp();
  const broken = startWebhook(500);
  const rejecting = await startSmtp({ rejectRecipients: 550 });
  try {
    await assertRejects(
      () => notify(API, id, {}, {}, to, "", smtpResource(smtp.port), { url: broken.url }),
      new RegExp(
        `^Error: Notification failed \\(sent by email \\(127\\.0\\.0\\.1:${smtp.port}\\) only\\): ` +
          `webhook \\(http://127\\.0\\.0\\.1:\\d+\\): HTTP 500 Internal Server Error: upstream exploded$`,
      ),
    );
    assertEquals([smtp.messages.length, broken.requests.length], [1, 1], "the email went out all the same");
    await assertRejects(
      () => notify(API, id, {}, {}, to, "", smtpResource(rejecting.port)),
      /^Error: Notification failed \(nothing was sent\): email \(127\.0\.0\.1:\d+\): .*550 Mailbox unavailable/,
    );
    assertEquals(rejecting.messages.length, 0);
  } finally {
    await smtp.close();
    await broken.close();
    await rejecting.close();
  }
});

Deno.test("flow daily_simulation: trigger, bounded poll loop, store, report and notify until up to date", async () => {
  const smtp = await startSmtp();
  const hook = startWebhook();
  const runs = [];
  const messages: number[][] = []; // per run: emails and webhook posts received so far
  try {
    for (let i = 0; i < 4; i++) {
      const run = await runFlow(WINDMILL_DIR, "f/ai_trader/daily_simulation", {
        ai_trader_api: API,
        poll_interval_seconds: 1,
        max_polls: 120,
        smtp: smtpResource(smtp.port),
        webhook: { url: hook.url },
      }, { maxLoopIterations: 200, sleepScale: 0.3 });
      runs.push(run);
      messages.push([smtp.messages.length, hook.requests.length]);
      if ((run.results.trigger as Json).action === "skipped") break;
    }
  } finally {
    await smtp.close();
    await hook.close();
  }
  // The default config catches up from 2025-10-01 to the last trading day with prices (2025-12-31, 64 days: the
  // shipped sample to 10-30, then its synthetic continuation):
  // 30 days were run above, the flow runs the next 30, then 4, then has nothing left to do.
  assertEquals(runs.map((run) => (run.results.trigger as Json).action), ["triggered", "triggered", "skipped"]);
  for (const run of runs.slice(0, 2)) {
    const trigger = run.results.trigger as Json;
    const iterations = run.results.wait_for_job as Json[];
    assert(iterations.length >= 1);
    assert(iterations.slice(0, -1).every((it) => it.done === false), "polls until done");
    const last = iterations.at(-1)!;
    assertEquals(last.status, "completed");
    assertEquals(last.job_id, trigger.job_id);
    assertEquals(last.results.length, trigger.date_range.length);
    assertEquals((run.results.store as Json).stored_count, trigger.total_model_days);
    const polls = run.calls.filter((c) => c.id === "poll").map((c) => c.args);
    assertEquals(polls.map((args) => args.attempt), iterations.map((_, i) => i + 1));
    assert(polls.every((args) => args.job_id === trigger.job_id && args.max_attempts === 120));
  }
  assertEquals(runs.map((run) => (run.results.trigger as Json).date_range?.length), [30, 4, undefined]);

  // Exactly one message per run and channel, sent by the last step, the default recipient's.
  assert(runs.every((run) => run.success && !("failure" in run.results)));
  assertEquals(messages, [[1, 1], [2, 2], [3, 3]]);
  assert(smtp.messages.every((mail) => mail.to.join() === "admin@example.com"));
  assertEquals(hook.requests.map((r) => r.body.status), ["completed", "completed", "skipped"]);
  runs.forEach((run, i) => {
    const notified = run.result as Json; // the flow's result is the last step's: notify's
    assertEquals(notified, run.results.notify);
    assertEquals(notified.sent.length, 2);
    assertEquals(hook.requests[i].body.job_id, (run.results.trigger as Json).job_id ?? null);
    assertEquals(smtp.messages[i].subject, notified.subject);
  });
  assertEquals(hook.requests[1].body.model_days.completed, 4 * DEFAULT_MODELS.length);
  assertEquals(smtp.messages[2].subject, "AI-Trader simulation skipped: already up to date (last date 2025-12-31)");
  const [leader, total] = await reportLeader();
  assert(line(smtp.messages[2].text, "Leader").startsWith(`${leader}, total return ${total}% `));
  assert(line(smtp.messages[2].text, "Leader").endsWith(" on 2025-12-31)"));

  const final = runs.at(-1)!;
  assertEquals(final.skipped, ["wait_for_job", "store"]);
  assertEquals((final.results.trigger as Json).last_date, "2025-12-31");
  const rich = final.results.report as Json;
  assertMatch(markdownOf(rich), /nothing to simulate \(Simulation already up-to-date, last date 2025-12-31\)/);
  assertMatch(markdownOf(rich), /4 models, 64 trading days \(2025-10-01 to 2025-12-31\)/);
  for (const points of polylinePoints(svgOf(rich))) assertEquals(points.length, 64);
  assertEquals((await state(CURRENT_JOB)).job_id, null);
  const out = Deno.env.get("REPORT_OUT"); // optional: keep the report to look at it
  if (out) {
    await Deno.writeTextFile(`${out}/report.md`, markdownOf(rich));
    await Deno.writeTextFile(`${out}/report.svg`, svgOf(rich));
  }
});

Deno.test("trigger and poll against a stand-in server: headers, optional fields, in-progress, conflict, bound", async () => {
  // A stand-in server that records requests and keeps its job running forever; the real server finishes too
  // fast, and never answers "in progress" or 409 on purpose, to test these branches deterministically.
  const seen: Headers[] = [];
  const bodies: unknown[] = [];
  const triggerAnswers = [
    () =>
      Response.json({ job_id: "j1", status: "pending", date_range: ["2025-10-01"], models: ["m"] }, { status: 202 }),
    () =>
      Response.json({
        job_id: "j1",
        status: "running",
        date_range: ["2025-10-01"],
        models: ["m"],
        message: "Simulation already in progress",
      }),
    () => Response.json({ error: "conflict", message: "Another job is active", current_job_id: "j0" }, { status: 409 }),
  ];
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, async (request) => {
    seen.push(request.headers);
    if (new URL(request.url).pathname === "/simulate/trigger") {
      bodies.push(await request.json());
      return triggerAnswers[bodies.length - 1]();
    }
    return Response.json({ job_id: "j1", status: "running", date_range: ["2025-10-01"], progress: { completed: 0 } });
  });
  try {
    const base = `http://127.0.0.1:${server.addr.port}`;
    const keyed = { base_url: base, api_key: "test-key" };
    const stubState = "f/ai_trader/stub_job";
    const first = (await trigger(keyed, "configs/other.json", "", "", [], false, stubState)) as Json;
    assertEquals(first.action, "triggered");
    const second =
      (await trigger(keyed, "configs/other.json", "2025-10-01", "2025-10-03", ["m"], true, stubState)) as Json;
    assertEquals([second.action, second.job_id], ["in_progress", "j1"]);
    await assertRejects(
      () => trigger(keyed, "configs/other.json", "", "", [], false, stubState),
      /409 .*conflict: Another job is active \(active job j0\)/,
    );
    assertEquals(bodies, [
      { config_path: "configs/other.json" },
      {
        config_path: "configs/other.json",
        start_date: "2025-10-01",
        end_date: "2025-10-03",
        models: ["m"],
        replace_existing: true,
      },
      { config_path: "configs/other.json" },
    ]);
    assertEquals((await state(stubState)).job_id, "j1");

    assertEquals(((await poll(keyed, "j1", 3, 5)) as Json).done, false);
    await assertRejects(() => poll(keyed, "j1", 5, 5), /still running after 5 polls/);
    await poll({ base_url: base }, "j1");
    assertEquals(
      seen.slice(0, 5).map((h) => [h.get("x-api-key"), h.get("authorization")]),
      Array(5).fill(["test-key", "Bearer test-key"]),
    );
    assertEquals([seen[5].get("x-api-key"), seen[5].get("authorization")], [null, null]);
  } finally {
    await server.shutdown();
  }
});

Deno.test("flow daily_simulation: a failed job and a partial job each send exactly one notification", async () => {
  // A stand-in service: the real one cannot be made to fail a job on purpose.
  const jobs: Record<string, Json> = {
    "j-failed": { status: "failed", error: "every model-day failed", completed: 0, failed: 4 },
    "j-partial": { status: "partial", error: null, completed: 2, failed: 2 },
  };
  let next = "";
  const service = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, (request) => {
    const path = new URL(request.url).pathname;
    const dates = ["2025-10-01", "2025-10-02"];
    if (path === "/simulate/trigger") {
      return Response.json({ job_id: next, status: "pending", date_range: dates, models: ["m1", "m2"] }, {
        status: 202,
      });
    }
    const id = path.split("/").at(-1)!;
    if (path.startsWith("/simulate/status/") && jobs[id]) {
      const job = jobs[id];
      return Response.json({
        job_id: id,
        status: job.status,
        date_range: dates,
        progress: { total_model_days: 4, completed: job.completed, failed: job.failed, skipped: 0, cancelled: 0 },
        created_at: "2025-10-02T06:00:00.000Z",
        started_at: "2025-10-02T06:00:01.000Z",
        completed_at: "2025-10-02T06:02:06.000Z",
        total_duration_seconds: 125,
        error: job.error,
        warnings: [],
      });
    }
    return Response.json({ error: "not_found", message: "no results" }, { status: 404 });
  });
  const smtp = await startSmtp();
  const hook = startWebhook();
  try {
    const input = {
      ai_trader_api: { base_url: `http://127.0.0.1:${service.addr.port}` },
      poll_interval_seconds: 0,
      max_polls: 5,
      notify_recipients: ["ops@example.com"],
      smtp: smtpResource(smtp.port),
      webhook: { url: hook.url },
      dashboard_url: "https://trader.example.com/dashboard",
    };
    next = "j-failed";
    const failed = await runFlow(WINDMILL_DIR, "f/ai_trader/daily_simulation", input, { maxLoopIterations: 10 });
    assertEquals(failed.success, false, "the flow stays failed");
    assertEquals(failed.error!.step_id, "poll");
    assertMatch(failed.error!.message, /^Job j-failed ended failed: every model-day failed$/);
    assertEquals(Object.keys(failed.results), ["trigger", "poll", "wait_for_job", "failure"]);
    assertEquals((failed.result as Json).sent.length, 2);
    assertEquals([smtp.messages.length, hook.requests.length], [1, 1]);
    const mail = smtp.messages[0];
    assertEquals(mail.to, ["ops@example.com"]);
    assertEquals(mail.subject, "AI-Trader simulation run failed at step poll: job j-failed failed");
    assertEquals(line(mail.text, "Status"), "failed");
    assertEquals(line(mail.text, "Job error"), "every model-day failed");
    assertEquals(line(mail.text, "Duration"), "2 min 05 s");
    assertEquals(line(mail.text, "Model-days"), "0 completed, 4 failed (of 4; 0 skipped, 0 cancelled)");
    assertEquals(line(mail.text, "Dashboard"), "https://trader.example.com/dashboard");
    assert(mail.text.includes("The flow failed at step poll: Job j-failed ended failed: every model-day failed"));
    assertEquals(hook.requests[0].body.flow_error, {
      step_id: "poll",
      message: "Job j-failed ended failed: every model-day failed",
    });

    next = "j-partial";
    const partial = await runFlow(WINDMILL_DIR, "f/ai_trader/daily_simulation", input, { maxLoopIterations: 10 });
    assertEquals(partial.success, true);
    assertEquals((partial.results.store as Json).stored_count, 0); // the stand-in has no results to give
    assertEquals([smtp.messages.length, hook.requests.length], [2, 2]);
    assertEquals(smtp.messages[1].subject, "AI-Trader simulation partial: job j-partial");
    assertEquals(line(smtp.messages[1].text, "Model-days"), "2 completed, 2 failed (of 4; 0 skipped, 0 cancelled)");
    assertEquals(hook.requests[1].body.status, "partial");
  } finally {
    await smtp.close();
    await hook.close();
    await service.shutdown();
  }
});

Deno.test("flow daily_simulation: a failing channel fails the notify step only, and nothing is sent twice", async () => {
  const smtp = await startSmtp();
  const broken = startWebhook(500);
  try {
    const run = await runFlow(WINDMILL_DIR, "f/ai_trader/daily_simulation", {
      ai_trader_api: API,
      smtp: smtpResource(smtp.port),
      webhook: { url: broken.url },
    }, { maxLoopIterations: 10 });
    assertEquals(run.success, false);
    assertEquals(run.error!.step_id, "notify");
    assertMatch(run.error!.message, /^Notification failed \(sent by email .*\): webhook .*: HTTP 500 /);
    assertEquals((run.results.trigger as Json).action, "skipped"); // the earlier steps ran as before
    assert("render_all" in (run.results.report as Json));
    assertMatch((run.results.failure as Json).message, /^Nothing sent: the notify step itself failed/);
    assertEquals([smtp.messages.length, broken.requests.length], [1, 1]);
  } finally {
    await smtp.close();
    await broken.close();
  }
});
