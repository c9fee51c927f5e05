import { describe, expect, it } from "vitest";
import { withExamples } from "../../src/http/api/examples.ts";
import { examplesOf, shapeDifferences } from "./example-runner.ts";

const problemContent = { "application/problem+json": { schema: { type: "object" } } };
const doc = () => ({
  openapi: "3.1.0",
  paths: {
    "/v1/things/{id}": {
      get: {
        operationId: "getThing",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: {
          200: { description: "A thing", content: { "application/json": { schema: { type: "object" } } } },
          404: { description: "None", content: problemContent },
        },
      },
      delete: { operationId: "removeThing", responses: { 204: { description: "Gone" } } },
    },
  },
});

describe("the OpenAPI examples", () => {
  it("files an example's parameters and answer under its name, where the test suite finds them", () => {
    const filed = withExamples(doc(), {
      getThing: {
        one: { summary: "One", params: { id: "t1" }, response: { status: 200, body: { id: "t1" } } },
      },
    });
    const { cases, missing } = examplesOf(filed);
    expect(cases).toMatchObject([
      { operationId: "getThing", name: "one", params: { id: "t1" }, status: "200" },
    ]);
    expect(missing).toEqual(["removeThing: no example"]);
  });

  it("refuses an example for an operation, a parameter or a status the document does not have", () => {
    const response = { status: 200, body: {} };
    expect(() => withExamples(doc(), { getThng: { x: { summary: "", response } } })).toThrow(
      /no such operation/,
    );
    expect(() =>
      withExamples(doc(), { getThing: { x: { summary: "", params: { name: "t" }, response } } }),
    ).toThrow(/no parameter name/);
    expect(() =>
      withExamples(doc(), { getThing: { x: { summary: "", response: { status: 409, body: {} } } } }),
    ).toThrow(/no 409 response/);
    expect(() => withExamples(doc(), { removeThing: { x: { summary: "", response } } })).toThrow(/no 200/);
    // nothing in OpenAPI would carry its name
    expect(() =>
      withExamples(doc(), { removeThing: { x: { summary: "", response: { status: 204 } } } }),
    ).toThrow(/nothing to file it under/);
  });

  it("reports a required parameter an example leaves out", () => {
    const filed = withExamples(doc(), {
      getThing: { none: { summary: "", response: { status: 404, body: { title: "Not found" } } } },
    });
    expect(examplesOf(filed).missing).toEqual([
      "getThing.none: no value for the required parameter id",
      "removeThing: no example",
    ]);
  });

  it("compares an answer with its example by shape and by the states it promises", () => {
    const example = { id: "x", state: "booked", slot: null, history: [{ state: "declared" }] };
    expect(
      shapeDifferences(example, {
        id: "y",
        state: "booked",
        slot: { start: "s" },
        history: [{ state: "booked" }],
      }),
    ).toEqual([]);
    expect(shapeDifferences(example, { id: "y", state: "declared", slot: null, history: [] })).toEqual([
      '$.state: documented "booked", answered "declared"',
      "$.history: documented with items, got none",
    ]);
    expect(shapeDifferences({ a: 1 }, { a: "1", b: 2 })).toEqual([
      "$.a: documented a number, got string",
      "$.b: answered, not in the example",
    ]);
  });
});
