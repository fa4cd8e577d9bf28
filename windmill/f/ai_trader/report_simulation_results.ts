import * as wmill from "windmill-client";

// Reports the results kept by store_simulation_results as a Windmill rich result: a Markdown summary table per
// model and an SVG line chart of each model's portfolio value. Runs on Bun or Deno: only windmill-client.

type StoredRecord = {
  date: string;
  model: string;
  portfolio_value: number;
  daily_profit: number;
  daily_return_pct: number;
};

type ResultsState = { models?: Record<string, Record<string, StoredRecord>>; updated_at?: string };

type TriggerResult = {
  action?: string;
  job_id?: string;
  message?: string;
  last_date?: string;
  total_model_days?: number;
};

type Summary = {
  model: string;
  latest_date: string;
  portfolio_value: number;
  total_return_pct: number;
  daily_return_pct: number;
  days: number;
};

const COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"];

export async function main(
  state_path: string = "f/ai_trader/simulation_results",
  last_days: number = 0,
  trigger_result: object = {},
) {
  const state = ((await wmill.getState(state_path)) ?? {}) as ResultsState;
  // Ranked by total return, so the chart's legend and the table list the models in the same order.
  const series = toSeries(state.models ?? {}, last_days)
    .map((records) => ({ records, summary: summarize(records) }))
    .sort((a, b) => b.summary.total_return_pct - a.summary.total_return_pct);
  const summaries = series.map((s) => s.summary);

  const lines = ["## AI-Trader simulation results", ""];
  const run = describeRun((trigger_result ?? {}) as TriggerResult);
  if (run) lines.push(run, "");
  if (summaries.length === 0) {
    lines.push(`No results stored yet in \`${state_path}\`.`);
    return { render_all: [{ markdown: lines.join("\n") }] };
  }
  const dates = allDates(series.map((s) => s.records));
  lines.push(
    `${summaries.length} models, ${dates.length} trading days (${dates[0]} to ${dates[dates.length - 1]}).`,
    "",
  );
  lines.push(markdownTable(summaries));
  return { render_all: [{ markdown: lines.join("\n") }, { svg: svgChart(series.map((s) => s.records), dates) }] };
}

function toSeries(models: Record<string, Record<string, StoredRecord>>, lastDays: number): StoredRecord[][] {
  const all = Object.values(models)
    .map((byDate) => Object.values(byDate).sort((a, b) => a.date.localeCompare(b.date)))
    .filter((records) => records.length > 0);
  if (lastDays <= 0) return all;
  const window = new Set(allDates(all).slice(-lastDays));
  return all.map((records) => records.filter((r) => window.has(r.date))).filter((records) => records.length > 0);
}

function allDates(series: StoredRecord[][]): string[] {
  return [...new Set(series.flat().map((r) => r.date))].sort();
}

function summarize(records: StoredRecord[]): Summary {
  const first = records[0];
  const latest = records[records.length - 1];
  // The value before the first shown day: its ending value minus that day's profit.
  const startValue = first.portfolio_value - first.daily_profit;
  return {
    model: latest.model,
    latest_date: latest.date,
    portfolio_value: round(latest.portfolio_value),
    total_return_pct: startValue > 0 ? round((latest.portfolio_value / startValue - 1) * 100) : 0,
    daily_return_pct: round(latest.daily_return_pct),
    days: records.length,
  };
}

function describeRun(trigger: TriggerResult): string {
  if (trigger.action === "skipped") {
    return `This run: nothing to simulate (${trigger.message ?? "already up-to-date"}, last date ${
      trigger.last_date ?? "?"
    }).`;
  }
  if (trigger.action && trigger.job_id) {
    return `This run: job \`${trigger.job_id}\` ${trigger.action}` +
      (trigger.total_model_days ? ` (${trigger.total_model_days} model-days).` : ".");
  }
  return "";
}

function markdownTable(rows: Summary[]): string {
  const out = [
    "| Rank | Model | Latest date | Portfolio value | Total return % | Latest daily return % | Days |",
    "|---:|---|---|---:|---:|---:|---:|",
  ];
  rows.forEach((r, i) => {
    const model = r.model.replace(/[|\\`*_<>]/g, (c) => `\\${c}`);
    out.push(
      `| ${i + 1} | ${model} | ${r.latest_date} | ${money(r.portfolio_value)} | ${pct(r.total_return_pct)} | ` +
        `${pct(r.daily_return_pct)} | ${r.days} |`,
    );
  });
  return out.join("\n");
}

function svgChart(series: StoredRecord[][], dates: string[]): string {
  const width = 760, height = 380, left = 72, right = 190, top = 40, bottom = 48;
  const plotW = width - left - right, plotH = height - top - bottom;
  const values = series.flat().map((r) => r.portfolio_value);
  const ticks = niceTicks(Math.min(...values), Math.max(...values));
  const min = ticks[0], max = ticks[ticks.length - 1];
  const tickDigits = ticks[1] - ticks[0] < 1 ? 2 : 0;
  const index = new Map(dates.map((d, i) => [d, i]));
  const x = (date: string) => left + (dates.length === 1 ? plotW / 2 : (index.get(date)! / (dates.length - 1)) * plotW);
  const y = (value: number) => top + (1 - (value - min) / (max - min)) * plotH;

  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
    `font-family="sans-serif" font-size="11">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${left}" y="22" font-size="14" font-weight="bold" fill="#222">Portfolio value per model</text>`,
  ];
  for (const value of ticks) {
    const gy = fixed(y(value));
    parts.push(`<line x1="${left}" y1="${gy}" x2="${left + plotW}" y2="${gy}" stroke="#e0e0e0"/>`);
    parts.push(
      `<text x="${left - 6}" y="${gy}" text-anchor="end" dominant-baseline="middle" fill="#555">${
        money(value, tickDigits)
      }</text>`,
    );
  }
  for (const i of tickIndexes(dates.length, 6)) {
    const tx = fixed(x(dates[i]));
    parts.push(`<line x1="${tx}" y1="${top + plotH}" x2="${tx}" y2="${top + plotH + 4}" stroke="#888"/>`);
    parts.push(`<text x="${tx}" y="${top + plotH + 18}" text-anchor="middle" fill="#555">${dates[i]}</text>`);
  }
  parts.push(`<rect x="${left}" y="${top}" width="${plotW}" height="${plotH}" fill="none" stroke="#888"/>`);
  series.forEach((records, i) => {
    const color = COLORS[i % COLORS.length];
    const points = records.map((r) => `${fixed(x(r.date))},${fixed(y(r.portfolio_value))}`).join(" ");
    const last = records[records.length - 1];
    parts.push(
      `<polyline fill="none" stroke="${color}" stroke-width="2" points="${points}"><title>${
        xml(last.model)
      }</title></polyline>`,
    );
    parts.push(`<circle cx="${fixed(x(last.date))}" cy="${fixed(y(last.portfolio_value))}" r="3" fill="${color}"/>`);
    const ly = top + 8 + i * 20;
    parts.push(`<rect x="${left + plotW + 14}" y="${ly - 5}" width="14" height="4" fill="${color}"/>`);
    parts.push(
      `<text x="${left + plotW + 34}" y="${ly}" dominant-baseline="middle" fill="#222">${xml(last.model)} ` +
        `(${money(last.portfolio_value, 0)})</text>`,
    );
  });
  parts.push("</svg>");
  return parts.join("\n");
}

/** Four to eight round values (steps of 1, 2, 2.5 or 5 × 10^n) covering min..max. */
function niceTicks(min: number, max: number): number[] {
  if (max - min < 1e-9) {
    min -= 1;
    max += 1;
  }
  const rough = (max - min) / 5;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((candidate) => candidate >= rough)!;
  const ticks = [];
  for (let value = Math.floor(min / step) * step; value < max + step; value += step) {
    ticks.push(value);
    if (value >= max) break;
  }
  return ticks;
}

function tickIndexes(count: number, wanted: number): number[] {
  if (count <= wanted) return [...Array(count).keys()];
  const step = (count - 1) / (wanted - 1);
  return [...new Set([...Array(wanted).keys()].map((i) => Math.round(i * step)))];
}

function xml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function fixed(value: number): string {
  return value.toFixed(1);
}

function money(value: number, digits = 2): string {
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function pct(value: number): string {
  return `${value > 0 ? "+" : ""}${value.toFixed(2)}`;
}
