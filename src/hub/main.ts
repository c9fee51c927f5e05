/**
 * `npm run hub`: the national hub. Migrates its PostgreSQL (HUB_DATABASE_URL), then serves on PORT/HOST.
 * `npm run hub -- add-post <name>`: registers a post and prints its key as the last line.
 * `npm run hub -- rotate-key <name>`: a new key for a post (lost or stolen), printed as the last line.
 * `npm run hub -- rebuild`: rebuilds the projections from the events and says whether they differed.
 */
import { createServer } from "node:http";
import { getRequestListener } from "@hono/node-server";
import { z } from "zod";
import { withSecurityHeaders } from "../http/security-headers.ts";
import { createHubApp } from "./app.ts";
import { migrateHub, openHubPool } from "./db.ts";
import { postStore } from "./posts.ts";
import { rebuildProjections } from "./rebuild.ts";
import { postNameSchema } from "./wire.ts";

const env = z
  .object({
    HUB_DATABASE_URL: z.string().min(1, "set HUB_DATABASE_URL to a PostgreSQL connection string"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3100),
    HOST: z.string().default("127.0.0.1"),
    HUB_POOL_SIZE: z.coerce.number().int().min(1).default(20),
  })
  .safeParse(process.env);
if (!env.success) {
  console.error(
    `Bad settings in the environment:\n${env.error.issues.map((i) => `  ${i.path}: ${i.message}`).join("\n")}`,
  );
  process.exit(2);
}
const config = env.data;
const pool = openHubPool(config.HUB_DATABASE_URL, config.HUB_POOL_SIZE);
const applied = await migrateHub(pool);
if (applied.length > 0) console.log(`hub database migrated: ${applied.join(", ")}`);
const posts = postStore(pool);
const [command, arg] = process.argv.slice(2);

if (command === "add-post" || command === "rotate-key") {
  const name = postNameSchema.safeParse(arg);
  if (!name.success) {
    console.error(`usage: npm run hub -- ${command} <name>   (lower-case letters, digits and dashes)`);
    process.exit(2);
  }
  try {
    const { key, fingerprint } =
      command === "add-post" ? await posts.add(name.data) : await posts.rotateKey(name.data);
    console.log(
      command === "add-post"
        ? `Post ${name.data} registered (key fingerprint ${fingerprint.slice(0, 16)}).`
        : `Post ${name.data} has a new key (fingerprint ${fingerprint.slice(0, 16)}); the old key is refused within 30 s.`,
    );
    console.log(
      "Start the post with HUB_URL=<this hub> and HUB_POST_KEY=<the key below>. It is shown only once.",
    );
    console.log(key);
  } catch (e) {
    console.error((e as Error).message);
    process.exitCode = 1;
  }
  await pool.end();
} else if (command === "rebuild") {
  const differed = await rebuildProjections(pool, { replace: true });
  console.log(
    differed
      ? "projections rebuilt: they differed from the events and were replaced"
      : "projections equal a rebuild",
  );
  await pool.end();
} else if (command) {
  console.error(`unknown command ${command}; known: add-post <name>, rotate-key <name>, rebuild`);
  process.exit(2);
} else {
  const app = createHubApp({ pool, posts, now: () => Date.now(), log: console.log });
  // the same security headers as a post's server (strict CSP: the national page loads only our own files)
  const server = createServer(withSecurityHeaders(getRequestListener(app.fetch, { hostname: config.HOST })));
  // posts keep their connection between pushes a second apart; outlive their idle gaps on slow links
  server.keepAliveTimeout = 65_000;
  server.listen(config.PORT, config.HOST, () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : config.PORT;
    console.log(`Shekara hub is serving on http://${config.HOST}:${port}`);
  });
  const stop = () => server.close(() => pool.end().then(() => process.exit(0)));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
