/**
 * The MSTL+ETS engine for src/forecast: Grafana's augurs, WebAssembly loaded once from
 * node_modules with initSync (no network, works offline at a border post).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { initSync, MSTL } from "@bsull/augurs/mstl";
import type { MstlEngine } from "./forecast/mstl-ets.ts";

let ready = false;

export function mstlEngine(): MstlEngine {
  if (!ready) {
    const require = createRequire(import.meta.url);
    const wasm = require.resolve("@bsull/augurs/mstl").replace(/mstl\.js$/, "mstl_bg.wasm");
    initSync({ module: readFileSync(wasm) });
    ready = true;
  }
  return (y, periods, horizon, level) => {
    const model = MSTL.ets([...periods]);
    try {
      model.fit([...y]);
      const f = model.predict(horizon, level);
      const point = [...f.point];
      return {
        point,
        lower: [...(f.intervals?.lower ?? point)],
        upper: [...(f.intervals?.upper ?? point)],
      };
    } finally {
      model.free();
    }
  };
}
