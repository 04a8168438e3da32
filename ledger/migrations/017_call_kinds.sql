-- Calls that are not the budget (issue 20, seed 002): a one-off call
-- (« appel direct ») of any amount on a key for an AG decision that is not a
-- works campaign, credited to 701/702/102, and an advance call (avance de
-- trésorerie, fonds de roulement) credited to 103x. Migration 002 allowed
-- only the kinds 'budget', 'works' and 'fund' in a table CHECK that SQLite
-- cannot alter: the calls table is rebuilt (sqlite.org/lang_altertable.html,
-- « other kinds of table schema changes »), its rows kept as they are, its
-- indexes and triggers made again word for word.
--
-- call_keys and call_parts reference calls, and the migration runs inside a
-- transaction with foreign keys on, where they cannot be turned off: the
-- checks are deferred to the commit, the rows copied aside, the table
-- dropped and created again under its own name (the REFERENCES clauses of
-- call_keys and call_parts then name it), and the rows put back, which
-- gives every part and key its call again before the commit checks them.
-- No rename is involved, so the triggers of other tables that name calls
-- (entries_call_delete, works_delete…) stay as they are.
PRAGMA defer_foreign_keys = ON;

CREATE TABLE calls_copy AS SELECT * FROM calls;
DROP TABLE calls;

CREATE TABLE calls (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    kind            TEXT NOT NULL CHECK (kind IN ('budget', 'works', 'fund', 'direct', 'advance')),
    exercise_id     INTEGER NOT NULL REFERENCES exercises (id),
    works           TEXT NOT NULL DEFAULT '',
    number          INTEGER NOT NULL CHECK (number >= 1),
    count           INTEGER NOT NULL CHECK (count >= number),
    due_date        TEXT NOT NULL,
    period_start    TEXT NOT NULL,
    period_end      TEXT NOT NULL,
    label           TEXT NOT NULL CHECK (label <> ''),
    account         TEXT NOT NULL REFERENCES accounts (code),
    level           TEXT NOT NULL,
    piece           TEXT NOT NULL CHECK (piece <> ''),
    entry_id        INTEGER NOT NULL UNIQUE REFERENCES entries (id),
    cancel_entry_id INTEGER UNIQUE REFERENCES entries (id),
    CHECK ((kind = 'works') = (works <> '')),
    CHECK (period_start <= due_date AND due_date <= period_end),
    -- An advance is owed back to the owners who paid it (their advance
    -- balance is read from these calls): it credits 103 or a subaccount.
    CHECK (kind <> 'advance' OR account GLOB '103*')
);
INSERT INTO calls (id, kind, exercise_id, works, number, count, due_date, period_start, period_end, label, account, level,
    piece, entry_id, cancel_entry_id)
SELECT id, kind, exercise_id, works, number, count, due_date, period_start, period_end, label, account, level,
    piece, entry_id, cancel_entry_id FROM calls_copy ORDER BY id;
DROP TABLE calls_copy;

-- As migration 002 made them. One-off and advance calls are numbered in
-- their exercise (1, 2, 3…, each its own count), so calls_once still holds.
CREATE INDEX calls_due ON calls (due_date);
CREATE UNIQUE INDEX calls_once ON calls (kind, works, number, (CASE kind WHEN 'works' THEN 0 ELSE exercise_id END))
    WHERE cancel_entry_id IS NULL;
CREATE INDEX calls_exercise ON calls (exercise_id, kind);

CREATE TRIGGER calls_entry_posted BEFORE INSERT ON calls
WHEN NOT EXISTS (SELECT 1 FROM entries WHERE id = NEW.entry_id AND posted = 1)
BEGIN
    SELECT RAISE(ABORT, 'tantieme: un appel de fonds doit être rattaché à son écriture validée');
END;

CREATE TRIGGER calls_frozen BEFORE UPDATE OF id, kind, exercise_id, works, number, count, due_date,
    period_start, period_end, account, level, piece, entry_id ON calls
BEGIN
    SELECT RAISE(ABORT, 'tantieme:conflict: un appel de fonds passé ne peut pas être modifié ; annulez-le puis générez-le de nouveau');
END;

CREATE TRIGGER calls_cancel_entry BEFORE UPDATE OF cancel_entry_id ON calls
WHEN NEW.cancel_entry_id IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM entries WHERE id = NEW.cancel_entry_id AND posted = 1)
BEGIN
    SELECT RAISE(ABORT, 'tantieme: l''annulation d''un appel de fonds doit être rattachée à son écriture validée');
END;

CREATE TRIGGER calls_cancel_once BEFORE UPDATE OF cancel_entry_id ON calls
WHEN OLD.cancel_entry_id IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'tantieme:conflict: cet appel de fonds est déjà annulé');
END;

-- Created after calls_cancel_once, so it fires first: a closed exercise
-- answers "locked" whatever else is wrong.
CREATE TRIGGER calls_cancel_locked BEFORE UPDATE OF cancel_entry_id ON calls
WHEN EXISTS (SELECT 1 FROM exercises WHERE id = OLD.exercise_id AND closed = 1)
BEGIN
    SELECT RAISE(ABORT, 'tantieme:locked: exercice clos : ses appels de fonds ne peuvent plus être annulés');
END;

CREATE TRIGGER calls_delete BEFORE DELETE ON calls
BEGIN
    SELECT RAISE(ABORT, 'tantieme:conflict: un appel de fonds ne peut pas être supprimé ; annulez-le par une écriture inverse');
END;

-- As migration 006 made them.
CREATE TRIGGER calls_label_text_insert BEFORE INSERT ON calls
WHEN length(NEW.label) > 500 OR instr(CAST(NEW.label AS BLOB), x'00') > 0
     OR NEW.label GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: libellé d''un appel de fonds : texte trop long (500 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER calls_label_text_update BEFORE UPDATE OF label ON calls
WHEN NEW.label IS NOT OLD.label AND (length(NEW.label) > 500 OR instr(CAST(NEW.label AS BLOB), x'00') > 0
     OR NEW.label GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: libellé d''un appel de fonds : texte trop long (500 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER calls_level_text_insert BEFORE INSERT ON calls
WHEN length(NEW.level) > 50 OR instr(CAST(NEW.level AS BLOB), x'00') > 0
     OR NEW.level GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: niveau d''un appel de fonds : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER calls_level_text_update BEFORE UPDATE OF level ON calls
WHEN NEW.level IS NOT OLD.level AND (length(NEW.level) > 50 OR instr(CAST(NEW.level AS BLOB), x'00') > 0
     OR NEW.level GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: niveau d''un appel de fonds : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER calls_piece_text_insert BEFORE INSERT ON calls
WHEN length(NEW.piece) > 50 OR instr(CAST(NEW.piece AS BLOB), x'00') > 0
     OR NEW.piece GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: pièce d''un appel de fonds : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER calls_piece_text_update BEFORE UPDATE OF piece ON calls
WHEN NEW.piece IS NOT OLD.piece AND (length(NEW.piece) > 50 OR instr(CAST(NEW.piece AS BLOB), x'00') > 0
     OR NEW.piece GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: pièce d''un appel de fonds : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

