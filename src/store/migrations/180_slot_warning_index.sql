-- The slot-expiring warning (jobs/notify.ts, every 5 s for every checkpoint) looked for the booked
-- trucks whose slot ends soon by reading every booked crossing of the checkpoint: a checkpoint with two
-- weeks booked ahead held the server's event loop 20-70 ms each time. The trucks it can warn, by the
-- end of their slot.
CREATE INDEX crossings_booked_by_slot_end ON crossings(checkpoint_id, slot_end)
  WHERE state = 'booked' AND driverless = 0;
