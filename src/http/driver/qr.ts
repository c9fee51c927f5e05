/**
 * The booking pass's QR code as a data URL. Drawing one (mask patterns, error correction) costs
 * more than the rest of the page, and a code never changes, so each is drawn once; the cache is
 * bounded so a flood of pages cannot grow it without end.
 */
import QRCode from "qrcode";

const MAX_CODES = 5000;
const drawn = new Map<string, string>();

export async function qrDataUrl(code: string): Promise<string> {
  const hit = drawn.get(code);
  if (hit) return hit;
  const svg = await QRCode.toString(code, { type: "svg", margin: 1 });
  const url = `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
  // Map keeps insertion order: the oldest code goes first
  if (drawn.size >= MAX_CODES) drawn.delete(drawn.keys().next().value as string);
  drawn.set(code, url);
  return url;
}
