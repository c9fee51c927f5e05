/**
 * Worker threads that run a sweep's replications, one at a time each, whatever the scenario: the
 * local sweep and `npm run sim-worker` both hand them replications and get outcomes back.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Scenario, TraceRow } from "../sim/index.ts";
import type { ReplicationOutcome } from "../sweep/index.ts";
import type { ThreadJob, ThreadReply } from "./sweep-thread.ts";

const THREAD = new URL("./sweep-thread-boot.mjs", import.meta.url);

export interface PoolJob {
  scenario: Scenario;
  seed: number;
  trace?: { key: string; rows: TraceRow[] };
}

interface Waiting {
  job: PoolJob;
  resolve: (o: ReplicationOutcome) => void;
  reject: (e: Error) => void;
}

export function threadPool(size = availableParallelism()) {
  const idle: { worker: Worker; traces: Set<string> }[] = [];
  const all: Worker[] = [];
  const queue: Waiting[] = [];
  const pending = new Map<number, Waiting & { thread: (typeof idle)[number] }>();
  let nextId = 0;
  let closed = false;

  const dispatch = () => {
    while (idle.length && queue.length) {
      const thread = idle.pop() as (typeof idle)[number];
      const w = queue.shift() as Waiting;
      const id = nextId++;
      pending.set(id, { ...w, thread });
      const { trace } = w.job;
      const message: ThreadJob = { id, scenario: w.job.scenario, seed: w.job.seed };
      // the rows cross to a thread once; afterwards only their key does
      if (trace) message.trace = thread.traces.has(trace.key) ? { key: trace.key } : trace;
      if (trace) thread.traces.add(trace.key);
      thread.worker.postMessage(message);
    }
  };

  const failAll = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
    for (const w of queue.splice(0)) w.reject(error);
  };

  for (let i = 0; i < Math.max(1, size); i++) {
    const worker = new Worker(THREAD);
    const thread = { worker, traces: new Set<string>() };
    all.push(worker);
    worker.on("message", (reply: ThreadReply) => {
      const p = pending.get(reply.id);
      pending.delete(reply.id);
      idle.push(thread);
      if ("error" in reply) p?.reject(new Error(reply.error));
      else p?.resolve(reply.outcome);
      dispatch();
    });
    worker.on("error", failAll);
    // a thread that stops on its own (out of memory) would otherwise leave its replication waiting
    worker.on("exit", (code) => {
      if (!closed) failAll(new Error(`a simulation thread stopped with exit code ${code}`));
    });
    idle.push(thread);
  }

  return {
    size: all.length,
    run(job: PoolJob): Promise<ReplicationOutcome> {
      if (closed) return Promise.reject(new Error("the thread pool is closed"));
      return new Promise((resolve, reject) => {
        queue.push({ job, resolve, reject });
        dispatch();
      });
    },
    async close(): Promise<void> {
      closed = true;
      failAll(new Error("the thread pool is closed"));
      await Promise.all(all.map((w) => w.terminate()));
    },
  };
}
export type ThreadPool = ReturnType<typeof threadPool>;
