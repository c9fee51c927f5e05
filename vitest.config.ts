import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser and process tests start real servers; keep them from fighting over 2 cores.
    maxWorkers: 2,
  },
});
