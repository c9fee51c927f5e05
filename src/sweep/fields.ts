/** The numbers a scenario has that a sweep may vary, as dotted paths, its resources first. Pure. */
export function numericFields(scenario: unknown): string[] {
  const out: string[] = [];
  const walk = (at: unknown, path: string[]) => {
    if (typeof at === "number" && path.length) out.push(path.join("."));
    else if (typeof at === "object" && at !== null && !Array.isArray(at))
      for (const [k, v] of Object.entries(at)) walk(v, [...path, k]);
  };
  walk(scenario, []);
  const fields = out.filter((f) => f !== "seed");
  return [
    ...fields.filter((f) => f.startsWith("resources.")),
    ...fields.filter((f) => !f.startsWith("resources.")),
  ];
}
