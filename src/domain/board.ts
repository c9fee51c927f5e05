/** The public queue board's rules: what of a truck anyone may see. Pure. */
import { canonicalPlate } from "./identity.ts";

/**
 * A plate as electronic queue boards show it, `01***KZ`: enough for a driver to find their truck,
 * not enough to look someone up. Short plates keep one character at each end.
 */
export function maskPlate(plate: string): string {
  // canonical, so a plate typed with spaces or in Cyrillic masks like the same plate typed plainly
  const p = canonicalPlate(plate);
  const keep = p.length >= 6 ? 2 : 1;
  if (p.length <= keep * 2) return "*".repeat(Math.max(3, p.length));
  return `${p.slice(0, keep)}***${p.slice(-keep)}`;
}
