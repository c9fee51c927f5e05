-- The wait-time estimates count trucks that left each checkpoint in the last hour on every driver's
-- page and every feed request. Through the index on time alone that read every event of the hour
-- (a busy hour's declarations and bookings too); this partial index holds only the final ones.
CREATE INDEX crossing_events_finished ON crossing_events(at) WHERE to_state IN ('released', 'refused');

-- A truck's postponements and cancellations are counted by its plate at the checkpoint on every
-- driver's page; without this the count read every crossing the checkpoint ever had.
CREATE INDEX crossings_by_plate ON crossings(checkpoint_id, plate);

-- The trucks waiting at each checkpoint, counted for every wait-time estimate: the waiting area
-- only, instead of a scan of every crossing ever declared.
CREATE INDEX crossings_waiting ON crossings(checkpoint_id) WHERE state = 'waitingArea';

-- Every booking counts the places held in its slot and its day inside the write transaction; with
-- the state in the index the count reads the index alone, not each crossing's row.
DROP INDEX crossings_by_slot;
CREATE INDEX crossings_by_slot ON crossings(checkpoint_id, slot_start, state) WHERE slot_start IS NOT NULL;
