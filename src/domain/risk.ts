/**
 * Risk rules: the pre-declaration decides the channel (green: documents only, yellow: scan,
 * red: physical inspection). Confidential to customs: never shown to a driver.
 * Pure: the random selection comes in as `sample` in [0, 1), drawn by the caller.
 */
import type { Channel } from "../../machines/types.ts";
import type { Declaration } from "./declaration.ts";

export interface RiskRule {
  id: string;
  /** what an officer reads on the dashboard */
  reason: string;
  channel: Exclude<Channel, "green">;
  hsPrefixes?: string[];
  dangerousGoods?: boolean;
  /** declared value per kg below this looks undervalued */
  minUsdPerKg?: number;
  noTransitDocumentOnImport?: boolean;
}

export interface RiskPolicy {
  rules: RiskRule[];
  /** share of otherwise green trucks picked at random for a scan, so no profile is a sure pass */
  randomScanShare: number;
}

export interface RiskDecision {
  channel: Channel;
  reasons: string[];
}

const weight: Record<Channel, number> = { green: 0, yellow: 1, red: 2 };

function matches(rule: RiskRule, d: Declaration): boolean {
  if (rule.hsPrefixes && !d.cargo.hsCodes.some((hs) => rule.hsPrefixes?.some((p) => hs.startsWith(p))))
    return false;
  if (rule.dangerousGoods && !d.cargo.dangerousGoodsClass) return false;
  if (rule.minUsdPerKg !== undefined) {
    if (d.cargo.valueUsd === undefined) return false;
    if (d.cargo.valueUsd / d.cargo.grossWeightKg >= rule.minUsdPerKg) return false;
  }
  if (rule.noTransitDocumentOnImport && !(d.direction === "import" && d.transitDocument.type === "none"))
    return false;
  return true;
}

export function assessRisk(d: Declaration, policy: RiskPolicy, sample: number): RiskDecision {
  let channel: Channel = "green";
  const reasons: string[] = [];
  for (const rule of policy.rules) {
    if (!matches(rule, d)) continue;
    reasons.push(rule.reason);
    if (weight[rule.channel] > weight[channel]) channel = rule.channel;
  }
  if (channel === "green" && !d.cargo.humanitarian && sample < policy.randomScanShare) {
    channel = "yellow";
    reasons.push("random selection for a scan");
  }
  return { channel, reasons };
}
