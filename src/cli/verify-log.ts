/**
 * `npm run verify-log -- --db FILE`: replays every crossing's event log through the machine and
 * compares it with the stored snapshot, its derived columns and the slot place counts. Prints a
 * summary; exits 0 when everything agrees, 1 naming each crossing that differs and how, 2 on bad
 * arguments. The file is opened read-only and is not migrated.
 */
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { readConfig } from "../config.ts";
import { describeReport, verifyLog } from "../store/verify-log.ts";

function fail(message: string): never {
  process.stderr.write(`verify-log: ${message}\n`);
  process.exit(2);
}

let path: string | undefined;
try {
  path = parseArgs({ options: { db: { type: "string" } } }).values.db;
} catch (error) {
  fail((error as Error).message);
}
path ??= readConfig().DATABASE_PATH;
if (!existsSync(path)) fail(`no database file ${path}`);

const db = new Database(path, { readonly: true, fileMustExist: true });
try {
  const report = verifyLog(db);
  process.stdout.write(`${describeReport(report)}\n`);
  process.exitCode = report.differences.length === 0 ? 0 : 1;
} finally {
  db.close();
}
