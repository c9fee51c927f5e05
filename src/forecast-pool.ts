/**
 * Recommendations on worker threads, so seconds of backtests and simulation never block the
 * server's requests (and the benchmark uses both cores). Threads start at the first job and keep
 * the MSTL engine's compiled WebAssembly between jobs; each runs one job at a time. A thread held
 * idle does not keep the process alive.
 */
import { Worker } from "node:worker_threads";
import type { DemandForecast } from "./forecast/forecast.ts";
import type { ForecastJob, RecommendationJob, RecommendationResult } from "./forecast/recommendation-job.ts";

const THREAD = new URL("./forecast-thread-boot.mjs", import.meta.url);

export type Task = { task: "recommend"; job: RecommendationJob } | { task: "forecast"; job: ForecastJob };
export type ThreadRequest = { kind: "job"; id: number; task: Task; hold: boolean } | { kind: "release" };
export type ThreadReply =
  | { kind: "done"; id: number; result: RecommendationResult | DemandForecast }
  | { kind: "failed"; id: number; error: string }
  | { kind: "held"; id: number };

interface Pending {
  id: number;
  task: Task;
  /** the reply's type follows the task's; submit() gives each task its own */
  resolve: (r: RecommendationResult | DemandForecast) => void;
  reject: (e: Error) => void;
}

export function forecastPool(opts: { threads: number }) {
  const waiting: Pending[] = [];
  const threads: { worker: Worker; busy: Pending | null }[] = [];
  let nextId = 1;
  let holding = false;
  let closed = false;
  const heldListeners: (() => void)[] = [];

  function start() {
    const worker = new Worker(THREAD);
    const thread = { worker, busy: null as Pending | null };
    const fail = (error: Error) => {
      threads.splice(threads.indexOf(thread), 1);
      thread.busy?.reject(error);
      thread.busy = null;
      if (!closed) dispatch();
    };
    worker.on("message", (m: ThreadReply) => {
      if (m.kind === "held") {
        for (const l of heldListeners.splice(0)) l();
        return;
      }
      const job = thread.busy;
      thread.busy = null;
      worker.unref();
      if (m.kind === "done") job?.resolve(m.result);
      else job?.reject(new Error(m.error));
      dispatch();
    });
    worker.on("error", fail);
    // a thread that stops without an error (terminated, out of memory) would otherwise leave its job waiting
    worker.on("exit", (code) => {
      if (threads.includes(thread)) fail(new Error(`a recommendation thread stopped with exit code ${code}`));
    });
    threads.push(thread);
    return thread;
  }

  function dispatch() {
    while (waiting.length > 0 && !closed) {
      const idle = threads.find((t) => t.busy === null) ?? (threads.length < opts.threads ? start() : null);
      if (!idle) return;
      const job = waiting.shift() as Pending;
      idle.busy = job;
      idle.worker.ref();
      idle.worker.postMessage({
        kind: "job",
        id: job.id,
        task: job.task,
        hold: holding,
      } satisfies ThreadRequest);
    }
  }

  function submit<T extends RecommendationResult | DemandForecast>(task: Task): Promise<T> {
    if (closed) return Promise.reject(new Error("the recommendation threads are stopped"));
    return new Promise<T>((resolve, reject) => {
      waiting.push({ id: nextId++, task, resolve: (r) => resolve(r as T), reject });
      dispatch();
    });
  }

  return {
    run(job: RecommendationJob): Promise<RecommendationResult> {
      return submit({ task: "recommend", job });
    },
    forecast(job: ForecastJob): Promise<DemandForecast> {
      return submit({ task: "forecast", job });
    },
    /** Tests: results computed from now on are kept in their thread until `release`. */
    hold() {
      holding = true;
    },
    /** Tests: resolves when a thread has a result ready and is holding it. */
    whenHeld(): Promise<void> {
      return new Promise((resolve) => heldListeners.push(resolve));
    },
    release() {
      holding = false;
      for (const t of threads) t.worker.postMessage({ kind: "release" } satisfies ThreadRequest);
    },
    async close() {
      closed = true;
      for (const p of waiting.splice(0)) p.reject(new Error("the recommendation threads are stopped"));
      const all = threads.splice(0);
      await Promise.all(all.map((t) => t.worker.terminate()));
      for (const t of all) t.busy?.reject(new Error("the recommendation threads are stopped"));
    },
  };
}
export type ForecastPool = ReturnType<typeof forecastPool>;
