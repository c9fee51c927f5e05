/** Hostile text for the fuzzing tests (fast-check): random, binary, control characters, mixed scripts, injections. */
import fc from "fast-check";

export const nastyText = (extra: readonly string[] = [], hugeLength = 100_000) =>
  fc.oneof(
    fc.string(),
    fc.string({ unit: "binary", maxLength: 200 }),
    fc.constantFrom(
      "'; DROP TABLE crossings; --",
      "<script>alert(1)</script>",
      '"><img src=x onerror=alert(1)>',
      "\u0000\u0001\u001f\u007f",
      "Нұр Жолы 努尔若勒 Nur Zholy",
      "x".repeat(hugeLength),
      ...extra,
    ),
  );
