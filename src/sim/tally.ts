/** The headline figures of a group of trucks (a channel, a priority class), as a replication counts them. */
import { Summary } from "./summary.ts";

export interface Tally {
  /** trucks that arrived after the warm-up */
  arrived: number;
  /** of those, released (and gone to the neighbour) before the end */
  completed: number;
  /** of those, refused or expired before the end */
  left: number;
  /** in the waiting area until called to a lane */
  wait: Summary;
  /** before the gate, waiting for the neighbour's side to take them */
  gateWait: Summary;
  /** from arrival at the border to leaving for the neighbour */
  timeInSystem: Summary;
  /** the Time Release Study's measure: from entry into the control zone to release */
  entryToRelease: Summary;
}

export const tally = (): Tally => ({
  arrived: 0,
  completed: 0,
  left: 0,
  wait: new Summary(),
  gateWait: new Summary(),
  timeInSystem: new Summary(),
  entryToRelease: new Summary(),
});
