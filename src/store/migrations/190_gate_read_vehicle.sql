-- A gate's read id answers again only for the vehicle it was first given for. A gate whose counter
-- starts over (a reboot, a replaced unit) would otherwise get an earlier truck's "barrier open" for
-- the truck before it now. The vehicle as the gate read it: canonical plate and VIN, "plate|vin"
-- (either may be empty). Reads kept before this migration have none and are answered as before.
ALTER TABLE gate_reads ADD COLUMN vehicle TEXT;
