/** The administrator's rules for accounts: one schema for the form (and an API to come). */
import { z } from "zod";
import { ROLES } from "../store/users.ts";

/** Long enough to resist guessing at a booth; no composition rules (NIST SP 800-63B). */
export const passwordSchema = z.string().min(12, "at least 12 characters").max(200, "at most 200 characters");

const access = z
  .object({
    role: z.enum(ROLES, { error: "choose officer, supervisor, planner or admin" }),
    checkpointId: z.string().trim().max(40).nullable(),
  })
  // officers and supervisors act at one checkpoint only; planners and admins at none
  .superRefine((u, ctx) => {
    const atCheckpoint = u.role === "officer" || u.role === "supervisor";
    if (atCheckpoint && !u.checkpointId)
      ctx.addIssue({
        code: "custom",
        path: ["checkpointId"],
        message: "an officer or supervisor works at one checkpoint: choose it",
      });
    if (!atCheckpoint && u.checkpointId)
      ctx.addIssue({
        code: "custom",
        path: ["checkpointId"],
        message: "only officers and supervisors belong to a checkpoint",
      });
  });

export const accessSchema = access;
export type Access = z.infer<typeof accessSchema>;

export const newUserSchema = z.intersection(
  z.object({
    username: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9._-]{2,39}$/i, "3 to 40 letters, digits, dots, dashes or underscores"),
    password: passwordSchema,
  }),
  access,
);
export type NewUser = z.infer<typeof newUserSchema>;

/** Form fields (strings) in the schema's shape: an empty checkpoint is none. */
export function accountFromForm(form: Record<string, unknown>) {
  const text = (k: string) => (typeof form[k] === "string" ? (form[k] as string) : "");
  return {
    username: text("username").trim(),
    password: text("password"),
    role: text("role"),
    checkpointId: text("checkpointId").trim() || null,
  };
}
