/** Demo users, one per role; officers and supervisors at the two busiest seeded checkpoints. */
import type { User } from "../src/store/users.ts";

export const DEMO_USERS: Omit<User, "id">[] = [
  { username: "admin", role: "admin", checkpointId: null },
  { username: "planner", role: "planner", checkpointId: null },
  { username: "officer.nurzholy", role: "officer", checkpointId: "nur-zholy" },
  { username: "supervisor.nurzholy", role: "supervisor", checkpointId: "nur-zholy" },
  { username: "officer.bakhty", role: "officer", checkpointId: "bakhty" },
  { username: "supervisor.bakhty", role: "supervisor", checkpointId: "bakhty" },
  { username: "officer.korday", role: "officer", checkpointId: "korday" },
];
