/**
 * A forecasting thread: loads the MSTL engine's WebAssembly once, then runs the jobs it is sent
 * (recommendations, or forecasts alone), one at a time, and posts each result back. With `hold`, it posts `held` once the result is ready
 * and keeps it until told to release it (tests prove the server answers meanwhile).
 */
import { parentPort } from "node:worker_threads";
import { runForecastJob, runRecommendationJob } from "./forecast/recommendation-job.ts";
import { mstlEngine } from "./forecast-engine.ts";
import type { Task, ThreadReply, ThreadRequest } from "./forecast-pool.ts";

const engine = mstlEngine();
let releaseHeld: (() => void) | null = null;
const post = (reply: ThreadReply) => parentPort?.postMessage(reply);

async function run(id: number, task: Task, hold: boolean): Promise<void> {
  let reply: ThreadReply;
  try {
    const result =
      task.task === "recommend" ? runRecommendationJob(task.job, engine) : runForecastJob(task.job, engine);
    reply = { kind: "done", id, result };
  } catch (error) {
    reply = { kind: "failed", id, error: (error as Error).message };
  }
  if (hold) {
    await new Promise<void>((resolve) => {
      releaseHeld = resolve;
      post({ kind: "held", id });
    });
  }
  post(reply);
}

let chain = Promise.resolve();
parentPort?.on("message", (m: ThreadRequest) => {
  if (m.kind === "release") {
    releaseHeld?.();
    releaseHeld = null;
    return;
  }
  chain = chain.then(() => run(m.id, m.task, m.hold));
});
