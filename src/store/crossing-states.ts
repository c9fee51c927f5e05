/** The machine's named state sets (machines/state-sets.ts) as SQL, so no module writes state names itself. */
import { type CrossingState, STATE_SETS, type StateTag } from "../../machines/index.ts";

const quoted = (tag: StateTag) => STATE_SETS[tag].map((s) => `'${s}'`).join(", ");

/** `state IN (...)` for the states tagged `tag`; `column` for another column (to_state, c.state). */
export const stateIn = (tag: StateTag, column = "state") => `${column} IN (${quoted(tag)})`;

export const holdsPlace = (state: CrossingState) => STATE_SETS.holdsPlace.includes(state);
