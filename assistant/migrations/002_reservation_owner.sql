-- Which process holds a reservation (host:pid), so one left by a killed process is given back.
ALTER TABLE versions ADD COLUMN owner TEXT;
