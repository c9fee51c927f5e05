/**
 * Demonstration risk rules. Real risk profiles are confidential to customs; these follow the
 * kinds of profile customs publish (sensitive HS chapters, undervaluation, dangerous goods).
 */
import type { RiskPolicy } from "../src/domain/risk.ts";

export const SEED_RISK_POLICY: RiskPolicy = {
  // estimate: a few percent of green declarations picked for a scan at random
  randomScanShare: 0.05,
  rules: [
    { id: "weapons", reason: "HS 93: arms and ammunition", channel: "red", hsPrefixes: ["93"] },
    { id: "tobacco", reason: "HS 24: tobacco, excise goods", channel: "red", hsPrefixes: ["24"] },
    { id: "alcohol", reason: "HS 22: alcohol, excise goods", channel: "yellow", hsPrefixes: ["22"] },
    { id: "dangerous", reason: "dangerous goods (ADR)", channel: "yellow", dangerousGoods: true },
    {
      id: "undervalued-electronics",
      reason: "HS 85 declared under 5 USD/kg: possible undervaluation",
      channel: "yellow",
      hsPrefixes: ["85"],
      minUsdPerKg: 5,
    },
    {
      id: "import-no-transit",
      reason: "import without a transit document",
      channel: "yellow",
      noTransitDocumentOnImport: true,
    },
  ],
};
