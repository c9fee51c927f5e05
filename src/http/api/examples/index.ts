/** Every example of the post's OpenAPI document, by operationId (see ../examples.ts). */
import type { ExampleBook } from "../examples.ts";
import { DRIVER_EXAMPLES } from "./drivers.ts";
import { KEYED_EXAMPLES } from "./keyed.ts";
import { OFFICER_EXAMPLES } from "./officers.ts";
import { PUBLIC_EXAMPLES } from "./public.ts";
import { WEBHOOK_EXAMPLES } from "./webhook.ts";

export const API_EXAMPLES: ExampleBook = {
  ...PUBLIC_EXAMPLES,
  ...DRIVER_EXAMPLES,
  ...KEYED_EXAMPLES,
  ...OFFICER_EXAMPLES,
  ...WEBHOOK_EXAMPLES,
};
