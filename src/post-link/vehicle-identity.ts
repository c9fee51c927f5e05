/**
 * The vehicle as the national rule knows it: canonical plate and VIN, by the installation's one
 * normaliser (issue 14), so a plate typed in Cyrillic at one post and in Latin at another is one truck.
 */
import { canonicalPlate, canonicalVin } from "../domain/identity.ts";

export interface NationalVehicle {
  plate: string;
  vin: string | null;
}

export function nationalVehicle(plate: string, declaration: unknown): NationalVehicle {
  const vin = (declaration as { vehicle?: { vin?: unknown } } | null)?.vehicle?.vin;
  return {
    plate: canonicalPlate(plate),
    vin: typeof vin === "string" && vin.length > 0 ? canonicalVin(vin) : null,
  };
}
