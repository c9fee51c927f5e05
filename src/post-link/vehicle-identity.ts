/**
 * The vehicle as the national rule knows it: canonical plate and VIN. The one import of today's plate
 * normaliser for the hub link, so the integrity work (issue 14) can switch it here at merge.
 */
import { normalisePlateInput as canonicalPlate } from "../domain/declaration.ts";

export interface NationalVehicle {
  plate: string;
  vin: string | null;
}

export function nationalVehicle(plate: string, declaration: unknown): NationalVehicle {
  const vin = (declaration as { vehicle?: { vin?: unknown } } | null)?.vehicle?.vin;
  return {
    plate: canonicalPlate(plate),
    vin: typeof vin === "string" && vin.length > 0 ? vin.toUpperCase() : null,
  };
}
