/**
 * A truck's identity: its plate in one canonical form, and its VIN. Pure, and here in machines/
 * so the machine's own rules (the unmanned lane's plate read, the VIN at the gate) and everything
 * in src/ (declarations, check-ins, the camera, duplicate checks, the board) compare plates the one
 * same way: machines/ may not import from src/, while src/ imports machines/ already.
 * src/domain/identity.ts re-exports it for the domain's readers.
 */

/**
 * The twelve Cyrillic capitals that Russian plates use because they look like Latin ones
 * (GOST R 50577): people and cameras type them either way, so they are one letter.
 */
const CYRILLIC_LOOKALIKES: Readonly<Record<string, string>> = {
  А: "A",
  В: "B",
  Е: "E",
  К: "K",
  М: "M",
  Н: "H",
  О: "O",
  Р: "P",
  С: "C",
  Т: "T",
  У: "Y",
  Х: "X",
};
const LOOKALIKE = /[АВЕКМНОРСТУХ]/g;
// spaces of every kind and dashes of every kind (hyphen, en dash, minus sign after NFKC...)
const SEPARATORS = /[\s\p{Pd}\u2212]/gu;

/**
 * The plate every comparison and every index uses: Unicode NFKC (full-width digits and letters
 * become plain ones), no spaces or dashes, upper case, Cyrillic look-alikes folded to Latin.
 * Chinese province characters are kept: 新A12345 and 粤A12345 are two trucks.
 */
export function canonicalPlate(plate: string): string {
  return plate.normalize("NFKC").replace(SEPARATORS, "").toUpperCase().replace(LOOKALIKE, latinOf);
}

const latinOf = (letter: string) => CYRILLIC_LOOKALIKES[letter] ?? letter;

/** The plate as shown: as the person typed it, tidied (NFKC, trimmed, one space between parts, upper case). */
export function displayPlate(plate: string): string {
  return plate.normalize("NFKC").trim().replace(/\s+/g, " ").toUpperCase();
}

/** ISO 3779: 17 characters, digits and capital letters without I, O and Q (they read as 1 and 0). */
export const VIN_PATTERN = /^[A-HJ-NPR-Z0-9]{17}$/;

/** A VIN as compared and stored: NFKC, no spaces or dashes, upper case. Valid when it matches VIN_PATTERN. */
export function canonicalVin(vin: string): string {
  return vin.normalize("NFKC").replace(SEPARATORS, "").toUpperCase();
}

export const isVin = (vin: string): boolean => VIN_PATTERN.test(canonicalVin(vin));
