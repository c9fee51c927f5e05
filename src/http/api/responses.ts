/** The problem+json responses routes declare in the OpenAPI document. */
import { z } from "zod";

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: "Problem" });

const described = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: problemSchema } },
});

/**
 * Problem responses to list in a route: `responses: { 200: ..., 404: problems[404] }`.
 * (Spell the status as a key in the route itself: that is how the route types see it.)
 */
export const problems = {
  400: described("The request is malformed"),
  401: described("Sign in or give an API key"),
  403: described("Not allowed for this user or key"),
  404: described("Not found"),
  409: described("Refused by the rules in the current state; the detail says why"),
  413: described("The body is too large"),
  415: described("The body is not JSON: send Content-Type: application/json"),
  422: described("A field is not valid; errors lists each one"),
  429: described("Too many requests; try again later"),
  503: described(
    "The service cannot write right now (a read-only or full disk); Retry-After says when to try",
  ),
};

/** What a route behind an API key may answer before it looks at the request: no key, scope, limit. */
export const keyProblems = { 401: problems[401], 403: problems[403], 429: problems[429] };
/** What a route with a JSON body may answer about the body itself. */
export const bodyProblems = { 400: problems[400], 415: problems[415], 422: problems[422] };
/** A keyed write of one crossing: the key's and the body's problems, no such crossing, the rules' refusal, the disk. */
export const keyedWriteProblems = {
  ...keyProblems,
  ...bodyProblems,
  404: problems[404],
  409: problems[409],
  503: problems[503],
};
