/** A pre-declaration every rule accepts, as the /drive form sends it. */
export const goodForm = (plate: string) =>
  new URLSearchParams({
    checkpointId: "nur-zholy",
    direction: "export",
    "vehicle.plate": plate,
    "vehicle.country": "KZ",
    "driver.name": "Test Driver",
    "driver.phone": "+77011234567",
    "cargo.description": "Apples in crates",
    "cargo.hsCodes": "080810",
    "cargo.grossWeightKg": "18000",
    "transitDocument.type": "none",
  });
