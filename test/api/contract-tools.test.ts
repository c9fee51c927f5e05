/** The contract test's own tools must be able to fail: a validator that passes everything proves nothing. */
import { describe, expect, it } from "vitest";
import { jsonSchemaValidator } from "./json-schema.ts";
import { openApiStructureErrors } from "./openapi-structure.ts";

const doc = {
  openapi: "3.1.0",
  info: { title: "t", version: "1" },
  components: {
    schemas: {
      Page: {
        type: "object",
        properties: {
          next: { type: "integer", minimum: 0 },
          at: { type: "string", format: "date-time" },
          state: { type: ["string", "null"], enum: ["booked", null] },
          items: { type: "array", items: { $ref: "#/components/schemas/Item" }, maxItems: 2 },
        },
        required: ["next"],
        additionalProperties: false,
      },
      Item: { anyOf: [{ type: "string", pattern: "^[A-Z]{2}$" }, { type: "integer" }] },
    },
  },
};

describe("the JSON Schema validator", () => {
  const v = jsonSchemaValidator(doc);
  const page = { $ref: "#/components/schemas/Page" };

  it("accepts a valid value", () => {
    expect(
      v.validate(page, { next: 3, at: "2026-11-25T06:00:00.000Z", state: null, items: ["KZ", 7] }),
    ).toEqual([]);
  });

  it("names each violation with its path", () => {
    const errors = v.validate(page, {
      next: -1,
      at: "yesterday",
      state: "gone",
      items: ["kz", 1, 2],
      extra: 1,
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        "$.next: below 0",
        '$.at: not a date-time: "yesterday"',
        '$.state: not one of ["booked",null]',
        "$.items: more than 2 items",
        "$.items[0]: matches none of anyOf",
        "$: unexpected property extra",
      ]),
    );
    expect(v.validate(page, {})).toEqual(["$: missing next"]);
    expect(v.validate(page, { next: 1.5 })).toEqual(["$.next: expected integer, got number"]);
  });

  it("refuses a keyword it does not know rather than ignore it", () => {
    expect(v.validate({ dependentRequired: {} }, {})).toEqual([
      "$: the validator does not know the keyword dependentRequired",
    ]);
    expect(v.check({ type: "text", $ref: "#/components/schemas/Nope" })).toHaveLength(2);
  });
});

describe("the OpenAPI structure check", () => {
  it("passes a valid document", () => {
    expect(openApiStructureErrors(doc)).toEqual([]);
  });

  it("finds what a client generator would trip on", () => {
    const broken = {
      openapi: "3.0.3",
      info: { title: "t" },
      paths: {
        "/things/{id}": {
          get: {
            parameters: [{ name: "thingId", in: "path", schema: { type: "string" } }],
            responses: {
              200: { content: { "application/json": { schema: { $ref: "#/nope" } } } },
              "2xx": { description: "x" },
            },
            security: [{ session: [] }],
          },
        },
      },
    };
    const errors = openApiStructureErrors(broken).join("\n");
    for (const expected of [
      "must be 3.1.x",
      "needs a title and a version",
      "path parameter thingId must be required",
      "path parameter thingId not in the path",
      "{id} has no path parameter",
      "needs a description",
      "bad response key 2xx",
      "security scheme session is not declared",
      "unresolved #/nope",
    ]) {
      expect(errors).toContain(expected);
    }
  });
});
