/**
 * A truck's identity for the domain: the one plate normaliser and the VIN rules. They live in
 * machines/identity.ts, where the machine's rules can use them too (machines/ imports nothing from
 * src/); this module is the domain's name for them.
 */
export { canonicalPlate, canonicalVin, displayPlate, isVin, VIN_PATTERN } from "../../machines/identity.ts";
