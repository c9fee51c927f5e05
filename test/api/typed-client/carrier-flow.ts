/**
 * A carrier's whole flow through the typed client generated from the served document
 * (openapi-typescript + openapi-fetch), written as an integrator would write it: every path,
 * parameter and field below is checked by tsc against the generated types.
 */
import createClient, { type Middleware } from "openapi-fetch";
import type { FlowKeys, FlowLog } from "./flow-types.ts";
import type { paths } from "./generated/post-api.ts";

const bearer = (key: string): Middleware => ({
  onRequest({ request }) {
    request.headers.set("Authorization", `Bearer ${key}`);
    return request;
  },
});

export async function carrierFlow(baseUrl: string, keys: FlowKeys, plate: string): Promise<FlowLog> {
  const api = createClient<paths>({ baseUrl });
  api.use(bearer(keys.carrier));
  const camera = createClient<paths>({ baseUrl });
  camera.use(bearer(keys.camera));
  const must = <T>(r: { data?: T; error?: unknown; response: Response }, step: string): T => {
    if (r.data === undefined) throw new Error(`${step}: ${r.response.status} ${JSON.stringify(r.error)}`);
    return r.data;
  };

  // 1. the checkpoints, and the one this truck crosses at
  const checkpoints = must(await api.GET("/v1/checkpoints"), "listCheckpoints");
  const nurZholy = checkpoints.find((c) => c.id === "nur-zholy");
  if (!nurZholy) throw new Error("no Nur Zholy");

  // 2. its slots: the first with a place left
  const slots = must(
    await api.GET("/v1/checkpoints/{id}/slots", { params: { path: { id: nurZholy.id } } }),
    "listSlots",
  );
  const slot = slots.find((s) => s.available > 0);
  if (!slot) throw new Error("no slot with a place");

  // 3. the pre-declaration, as the carrier's own
  const declared = must(
    await api.POST("/v1/carrier/crossings", {
      body: {
        checkpointId: nurZholy.id,
        direction: "export",
        vehicle: { plate, country: "KZ" },
        driver: { name: "Aibek Nurlanov", phone: "+77017654321" },
        cargo: {
          description: "Tomatoes, chilled",
          hsCodes: ["070200"],
          grossWeightKg: 18500,
          perishable: true,
        },
        transitDocument: { type: "none" },
      },
    }),
    "declareCarrierCrossing",
  );

  // 4. the slot, booked with the crossing's id (the same secret link its driver gets)
  const id = declared.id;
  const booked = must(
    await api.POST("/v1/crossings/{id}/booking", {
      params: { path: { id } },
      body: { slotStart: slot.start },
    }),
    "bookSlot",
  );

  // 5. the truck arrives: the waiting area's camera reads its plate
  const checkedIn = must(await camera.POST("/v1/device/check-ins", { body: { plate } }), "checkInByPlate");

  // 6. its state and place in the queue, as the driver's page shows them, and the carrier's own view
  const status = must(await api.GET("/v1/crossings/{id}", { params: { path: { id } } }), "getCrossing");
  const mine = must(
    await api.GET("/v1/carrier/crossings/{id}", { params: { path: { id } } }),
    "getCarrierCrossing",
  );

  // 7. the trip is off
  const cancelled = must(
    await api.DELETE("/v1/crossings/{id}", { params: { path: { id } } }),
    "cancelCrossing",
  );

  // 8. and a refusal comes back typed as the document's problem+json
  const again = await api.DELETE("/v1/crossings/{id}", { params: { path: { id } } });
  if (!again.error) throw new Error("cancelling twice was accepted");

  return {
    checkpoints: checkpoints.map((c) => c.id),
    slot: slot.start,
    crossingId: id,
    booked: booked.state,
    checkedIn: checkedIn.state,
    position: status.queue?.position ?? null,
    carrierView: mine.state,
    cancelled: cancelled.state,
    refusal: { status: again.error.status, title: again.error.title },
  };
}
