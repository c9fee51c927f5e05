/**
 * Examples for the OpenAPI document, kept apart from the routes and written into the finished
 * document by operationId. One example is one exchange: its parameters, its body and the answer,
 * each filed under the same name (OpenAPI's Example Objects, paired by name as mock servers and
 * the test suite pair them). An example for an operation or a status the document does not have
 * is an error at start-up, so examples cannot outlive their routes.
 */

export interface OperationExample {
  summary: string;
  /** path, query or header parameters, by name */
  params?: Record<string, string | number | boolean>;
  /** the JSON request body */
  body?: unknown;
  response: { status: number; body?: unknown };
}

/** operationId -> example name -> example */
export type ExampleBook = Record<string, Record<string, OperationExample>>;

/** An RFC 9457 problem as the API writes it. */
export const exampleProblem = (status: number, title: string, detail: string, extra: object = {}) => ({
  type: "about:blank",
  title,
  status,
  detail,
  ...extra,
});

type Obj = Record<string, unknown>;
interface MediaObject {
  schema?: unknown;
  examples?: Record<string, { summary?: string; value: unknown }>;
}
interface OperationObject {
  operationId?: string;
  parameters?: { name: string; in: string; examples?: MediaObject["examples"] }[];
  requestBody?: { content?: Record<string, MediaObject> };
  responses?: Record<string, { content?: Record<string, MediaObject> }>;
}

const METHODS = ["get", "put", "post", "delete", "patch"] as const;

function operationsById(doc: Obj) {
  const byId = new Map<string, OperationObject>();
  for (const section of ["paths", "webhooks"] as const) {
    for (const item of Object.values((doc[section] ?? {}) as Record<string, Obj>)) {
      for (const method of METHODS) {
        const op = item[method] as OperationObject | undefined;
        if (op?.operationId) byId.set(op.operationId, op);
      }
    }
  }
  return byId;
}

const file = (media: MediaObject | undefined, name: string, summary: string, value: unknown) => {
  if (!media) return false;
  media.examples = { ...media.examples, [name]: { summary, value } };
  return true;
};

/** The document with every example of `book` filed in place; throws on one that fits nowhere. */
export function withExamples<D extends object>(doc: D, book: ExampleBook): D {
  const copy = structuredClone(doc) as D & Obj;
  const ops = operationsById(copy);
  for (const [operationId, examples] of Object.entries(book)) {
    const op = ops.get(operationId);
    if (!op) throw new Error(`examples for ${operationId}: no such operation`);
    for (const [name, ex] of Object.entries(examples)) {
      const where = `example ${operationId}.${name}`;
      // OpenAPI files examples only under parameters and bodies: one with neither would vanish
      if (!Object.keys(ex.params ?? {}).length && ex.body === undefined && ex.response.body === undefined)
        throw new Error(`${where}: nothing to file it under (no parameters, no body)`);
      for (const [param, value] of Object.entries(ex.params ?? {})) {
        const p = op.parameters?.find((q) => q.name === param);
        if (!p) throw new Error(`${where}: no parameter ${param}`);
        p.examples = { ...p.examples, [name]: { summary: ex.summary, value } };
      }
      if (
        ex.body !== undefined &&
        !file(op.requestBody?.content?.["application/json"], name, ex.summary, ex.body)
      )
        throw new Error(`${where}: the operation takes no JSON body`);
      const response = op.responses?.[String(ex.response.status)];
      if (!response) throw new Error(`${where}: no ${ex.response.status} response`);
      if (ex.response.body !== undefined) {
        const media = Object.values(response.content ?? {})[0];
        if (!file(media, name, ex.summary, ex.response.body))
          throw new Error(`${where}: the ${ex.response.status} response has no body`);
      } else if (response.content) {
        throw new Error(`${where}: the ${ex.response.status} response has a body; give it`);
      }
    }
  }
  return copy;
}
