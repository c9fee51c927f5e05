/**
 * The integrator's guide at the head of the OpenAPI document: what a third party needs to know
 * that the routes alone do not say. Paragraphs separated by blank lines; /api/docs shows them.
 */
export const API_GUIDE = `Shekara is the electronic queue and Smart Customs system of road border crossings: trucks are pre-declared, book an arrival slot, check in at the waiting area, are called to a lane, inspected, and released or refused. This document describes every route; the same document is rendered for people at /api/docs.

Clients. Every operation has a stable operationId (declareCrossing, bookSlot, getCrossing, ...) for generated clients' method names, and examples of what it is sent and answers; the test suite sends each example to a running server. Routes with security [] are public.

Keys. Routes marked with the apiKey scheme need an API key from Shekara's administrator, sent as 'Authorization: Bearer shk_...'; the scope the key must hold is named in the route's security requirement. A carrier key lodges and reads its own crossings only; a device key belongs to one checkpoint (its ANPR camera checks trucks in, its unmanned lane releases them); a monitor key reads the event feed without personal data. Each key has its own rate limit: 429 carries Retry-After. A revoked key is refused from its next request with 401.

Errors. Every error is RFC 9457 problem+json: type, title, status, detail, and for 422 an errors list with one entry per field. 409 means the rules refuse the change in the crossing's present state; the detail says why.

Lists. GET /v1/events is ordered by seq: start with after=0 and pass back next until hasMore is false, then poll with the last next. GET /v1/carrier/crossings is newest first: pass back next as cursor until it is null; filters for checkpoint, state and declaration time.

Webhooks. POST /v1/webhooks registers a URL and a secret; every event the key may read is then POSTed there, signed (see the webhooks section). Events of one crossing arrive in order; a delivery may repeat, so deduplicate on Shekara-Event-Seq; none is skipped, however long the subscriber is down.

Wait times. GET /v1/wait-times is public and recomputed every few seconds; poll no faster.`;
