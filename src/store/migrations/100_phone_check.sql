-- Issue 13: the one-time code sent to a driver's phone before a booking is confirmed; a phone's
-- confirmed crossings are also what the cap of active bookings per phone counts.

CREATE TABLE phone_codes (
  crossing_id TEXT PRIMARY KEY REFERENCES crossings(id),
  phone TEXT NOT NULL,
  -- SHA-256 of the crossing id and the code: a copy of the database does not hand out live codes
  code_hash TEXT NOT NULL,
  sent_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  tries INTEGER NOT NULL DEFAULT 0 CHECK (tries >= 0),
  verified_at INTEGER
) STRICT;
CREATE INDEX phone_codes_by_phone ON phone_codes (phone, sent_at);

