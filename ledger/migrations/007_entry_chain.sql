-- The books prove they were not altered. The journal must be « numéroté et
-- daté dès son établissement, par des moyens offrant toute garantie en
-- matière de preuve » (arrêté du 14 mars 2005, art. 2): every posting,
-- change and deletion of an entry, and every closing, appends one record to
-- a hash chain. A record's link is SHA-256 over its content and the previous
-- link (ledger/chain.go documents the encoding), so no record can be changed,
-- removed or inserted without changing every later link; the links printed on
-- the annexes, kept in the backups' manifests and on the user's computer are
-- the proof kept outside the file.

CREATE TABLE chain (
    seq      INTEGER PRIMARY KEY CHECK (seq > 0),
    op       TEXT NOT NULL CHECK (op IN ('post', 'replace', 'delete', 'seal')),
    entry_id INTEGER CHECK ((op = 'seal') = (entry_id IS NULL)),
    exercise TEXT NOT NULL CHECK (exercise GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'), -- start of the entry's (or sealed) exercise
    content  BLOB NOT NULL CHECK (length(content) = 32), -- SHA-256 of the entry's encoding (the seal's)
    link     BLOB NOT NULL CHECK (length(link) = 32)
);
CREATE INDEX chain_entry ON chain (entry_id);

-- Append only: the chain's past is never rewritten, even through this file.
CREATE TRIGGER chain_no_update BEFORE UPDATE ON chain
BEGIN
    SELECT RAISE(ABORT, 'tantieme:locked:La chaîne des écritures ne se modifie pas');
END;
CREATE TRIGGER chain_no_delete BEFORE DELETE ON chain
BEGIN
    SELECT RAISE(ABORT, 'tantieme:locked:La chaîne des écritures ne se modifie pas');
END;
CREATE TRIGGER chain_in_order BEFORE INSERT ON chain
WHEN NEW.seq <> coalesce((SELECT max(seq) FROM chain), 0) + 1
BEGIN
    SELECT RAISE(ABORT, 'tantieme:conflict:La chaîne des écritures se suit sans trou');
END;

-- The versions of entries that a change or a deletion took out of the books,
-- so that an entry's history can be shown: body is the encoding whose hash
-- is the content of record seq (the one that brought that version in).
CREATE TABLE chain_versions (
    seq  INTEGER PRIMARY KEY REFERENCES chain (seq),
    body TEXT NOT NULL
);
CREATE TRIGGER chain_versions_no_update BEFORE UPDATE ON chain_versions
BEGIN
    SELECT RAISE(ABORT, 'tantieme:locked:L''historique des écritures ne se modifie pas');
END;
CREATE TRIGGER chain_versions_no_delete BEFORE DELETE ON chain_versions
BEGIN
    SELECT RAISE(ABORT, 'tantieme:locked:L''historique des écritures ne se modifie pas');
END;

-- The seal of each closed exercise: the link of its closing record, which
-- the next exercise opens on.
CREATE TABLE seals (
    exercise_id INTEGER PRIMARY KEY REFERENCES exercises (id),
    seq         INTEGER NOT NULL REFERENCES chain (seq),
    link        BLOB NOT NULL CHECK (length(link) = 32)
);
CREATE TRIGGER seals_no_update BEFORE UPDATE ON seals
BEGIN
    SELECT RAISE(ABORT, 'tantieme:locked:Le scellé d''un exercice clos ne se modifie pas');
END;
CREATE TRIGGER seals_no_delete BEFORE DELETE ON seals
BEGIN
    SELECT RAISE(ABORT, 'tantieme:locked:Le scellé d''un exercice clos ne se modifie pas');
END;
