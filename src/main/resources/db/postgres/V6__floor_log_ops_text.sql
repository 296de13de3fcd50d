-- The floor log's entries are written by one gateway and read back whole by the others; nothing queries inside
-- them. As JSONB, PostgreSQL parsed each entry on insert and printed it again on every read, with its keys
-- sorted (shortest first), so the type name of each step came after its other fields and every reader had to
-- buffer the step before it knew what to make of it. As text, an entry is stored and read back as written.
ALTER TABLE floor_log ALTER COLUMN ops TYPE TEXT;
