-- The slot-expiring warning (jobs/notify.ts, every 5 s) and the lapse of bookings past slot and grace
-- (jobs/call-deadlines.ts, every 15 s) looked for their trucks by reading every booked crossing of the
-- checkpoint: a checkpoint with two weeks booked ahead held the server's event loop 20-70 ms each time.
-- The booked trucks, by the end of their slot.
CREATE INDEX crossings_booked_by_slot_end ON crossings(checkpoint_id, slot_end) WHERE state = 'booked';
