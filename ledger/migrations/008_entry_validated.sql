-- The day each entry was posted. The FEC's ValidDate is the day an entry
-- was validated (arrêté du 29 juillet 2013, art. A47 A-1 of the livre des
-- procédures fiscales), which may be months after the entry's date (a
-- December invoice typed in February) or before it (a year's calls posted
-- in January). A replaced entry is a new version, validated the day it
-- replaced the old one. Entries posted before this migration have none
-- (NULL): their day was not recorded, and the FEC falls back on their date.
-- Not part of the chain's encoding: the chain keeps no clock time, so the
-- same books give the same links.
ALTER TABLE entries ADD COLUMN validated TEXT
    CHECK (validated IS NULL OR validated GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]');
