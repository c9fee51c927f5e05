/**
 * A sweep's `--vary FIELD=RANGE` flags: which scenario field takes which values. Pure.
 * `resources.documentLanes=4..8` is every integer from 4 to 8; `channels.green=0.6,0.7` a list.
 */
export interface Vary {
  /** a dotted path into the scenario, e.g. `resources.scanners` */
  field: string;
  values: number[];
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

// a typo such as 1..100000 would queue a hundred thousand combinations
export const MAX_VALUES_PER_FIELD = 1000;
// replication i is seeded seed + i in every combination: varying the seed would undo that
const FIXED = new Set(["seed", "name"]);

const NUMBER = /^-?\d+(\.\d+)?$/;

export function parseVary(text: string): Parsed<Vary> {
  const eq = text.indexOf("=");
  const field = eq < 0 ? "" : text.slice(0, eq).trim();
  const range = eq < 0 ? "" : text.slice(eq + 1).trim();
  const bad = (why: string): Parsed<Vary> => ({ ok: false, message: `--vary ${text}: ${why}` });
  if (!field || !range) return bad("expected FIELD=FROM..TO or FIELD=A,B,C");
  if (FIXED.has(field)) return bad(`${field} cannot vary: every combination shares it`);
  const dots = /^(-?\d+)\.\.(-?\d+)$/.exec(range);
  let values: number[];
  if (dots) {
    const from = Number(dots[1]);
    const to = Number(dots[2]);
    if (to < from) return bad(`empty range ${range} (it counts upwards, from ${from} to at least ${from})`);
    if (to - from + 1 > MAX_VALUES_PER_FIELD) return bad(`more than ${MAX_VALUES_PER_FIELD} values`);
    values = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  } else {
    const items = range.split(",").map((s) => s.trim());
    const wrong = items.find((s) => !NUMBER.test(s));
    if (wrong !== undefined) return bad(`"${wrong}" is not a number (a range is FROM..TO, whole numbers)`);
    values = items.map(Number);
    if (new Set(values).size !== values.length) return bad("a value is listed twice");
    if (values.length > MAX_VALUES_PER_FIELD) return bad(`more than ${MAX_VALUES_PER_FIELD} values`);
  }
  return { ok: true, value: { field, values } };
}

/** Every flag parsed, one field at most once; the first refusal names its flag. */
export function parseVaries(texts: readonly string[]): Parsed<Vary[]> {
  if (texts.length === 0) return { ok: false, message: "--vary FIELD=FROM..TO is required (one or more)" };
  const out: Vary[] = [];
  for (const text of texts) {
    const v = parseVary(text);
    if (!v.ok) return v;
    if (out.some((o) => o.field === v.value.field))
      return { ok: false, message: `--vary ${text}: ${v.value.field} is varied twice` };
    out.push(v.value);
  }
  return { ok: true, value: out };
}
