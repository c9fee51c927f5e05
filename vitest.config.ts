import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    // every sign-in hashes at OWASP's scrypt cost (about 0.3 s alone, seconds on a loaded machine)
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Browser and process tests start real servers; keep them from fighting over 2 cores.
    maxWorkers: 2,
    // every runtime a test builds, in process or as a server process, checks its log when it closes
    env: { VERIFY_LOG_ON_CLOSE: "on" },
  },
});
