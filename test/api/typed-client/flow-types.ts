/**
 * What the carrier's flow takes and reports, apart from the flow itself: the flow needs the
 * generated client types, which exist only once its test has made them.
 */
export interface FlowKeys {
  /** the carrier's key: lodges and reads its own crossings */
  carrier: string;
  /** the checkpoint camera's key: checks the truck in when it arrives */
  camera: string;
}

/** What the carrier saw at each step. */
export interface FlowLog {
  checkpoints: string[];
  slot: string;
  crossingId: string;
  booked: string;
  checkedIn: string;
  position: number | null;
  carrierView: string;
  cancelled: string;
  refusal: { status: number; title: string };
}

/** carrier-flow.ts's export, for the test that imports it at run time. */
export type CarrierFlow = (baseUrl: string, keys: FlowKeys, plate: string) => Promise<FlowLog>;
