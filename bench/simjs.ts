/**
 * The same M/M/c model in SIM.JS 2.0.3 (the fastest discrete-event simulator on npm, a development
 * dependency for this benchmark only): Poisson arrivals, c servers FCFS, exponential service.
 * SIM.JS is a browserify bundle that publishes itself on `window` only, so it is loaded with one.
 */
import { createRequire } from "node:module";

interface Request {
  done(callback: () => void): unknown;
}
interface Entity {
  setTimer(duration: number): Request;
  useFacility(facility: unknown, duration: number): Request;
}
interface SimJs {
  Sim: new () => {
    addEntity(entity: new (...args: never[]) => { start(): void }): unknown;
    simulate(end: number): void;
  };
  Entity: new (...args: never[]) => Entity;
  Facility: { new (name: string, discipline: number, servers: number): unknown; FCFS: number };
  Random: new (seed: number) => { exponential(rate: number): number };
}

function loadSimJs(): SimJs {
  const g = globalThis as { window?: { Sim?: SimJs } };
  g.window = {};
  createRequire(import.meta.url)("simjs");
  const sim = g.window.Sim;
  delete g.window;
  if (!sim) throw new Error("simjs did not load");
  return sim;
}

/** Runs M/M/c for `minutes` in SIM.JS; returns the trucks served. */
export function simjsMmc(opts: {
  perHour: number;
  meanService: number;
  servers: number;
  minutes: number;
  seed: number;
}) {
  const Sim = loadSimJs();
  const sim = new Sim.Sim();
  const random = new Sim.Random(opts.seed);
  const lanes = new Sim.Facility("lanes", Sim.Facility.FCFS, opts.servers);
  let served = 0;
  // one entity: each arrival takes a lane (waiting FCFS for one to free) and schedules the next
  class Arrivals extends Sim.Entity {
    start(): void {
      this.useFacility(lanes, random.exponential(1 / opts.meanService)).done(() => {
        served++;
      });
      this.setTimer(random.exponential(opts.perHour / 60)).done(() => this.start());
    }
  }
  sim.addEntity(Arrivals);
  sim.simulate(opts.minutes);
  return served;
}
