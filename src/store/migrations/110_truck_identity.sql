-- Issue 14: one truck, one place. A truck is its canonical plate (machines/identity.ts: NFKC, no spaces
-- or dashes, upper case, Cyrillic look-alikes folded to Latin, Chinese kept) and, when declared, its VIN.
-- `plate` stays as the person typed it, for display; every comparison and index uses plate_key.
ALTER TABLE crossings ADD COLUMN plate_key TEXT NOT NULL DEFAULT '';
ALTER TABLE crossings ADD COLUMN vin TEXT CHECK (vin IS NULL OR length(vin) = 17);

-- Earlier plates were stored upper-cased without spaces or dashes; fold the twelve look-alikes.
UPDATE crossings SET plate_key =
  replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
    replace(replace(plate, ' ', ''), '-', ''),
    'А', 'A'), 'В', 'B'), 'Е', 'E'), 'К', 'K'), 'М', 'M'), 'Н', 'H'),
    'О', 'O'), 'Р', 'P'), 'С', 'C'), 'Т', 'T'), 'У', 'Y'), 'Х', 'X');

-- One active crossing per truck across every checkpoint of the installation, by plate and by VIN
-- (Kazakhstan's e-queue: one active booking per vehicle, checked by VIN since April 2025). The old
-- index allowed one per checkpoint. Its replacements, unique over the installation, are made after the
-- migrations by src/store/one-truck-indexes.ts: an installation that already holds two active crossings
-- of one truck (Cyrillic and Latin spellings at two checkpoints) must still start, and gets them once a
-- supervisor has ended the later one. (Databases migrated before this change made them here.)
DROP INDEX crossings_one_active_per_plate;

-- The allowances (postponements, cancellations) count a truck's own changes by its canonical plate.
DROP INDEX crossings_by_plate;
CREATE INDEX crossings_by_plate_key ON crossings(checkpoint_id, plate_key);

-- Declarations without a booking lapse after the checkpoint's hours: the timer finds them by age.
CREATE INDEX crossings_declared_by_age ON crossings(checkpoint_id, created_at) WHERE state = 'declared';
