-- Schema 4: the record of each year-end closing. The closing's entries say
-- how much went to each owner's account; these tables say how it was
-- computed (each key's net charges and total shares, each owner's shares,
-- part and provisions), so that an owner statement (décompte) printed again
-- later shows what was distributed, whatever sales or share changes
-- happened since. Like the calls, a closing's record never changes: it is
-- written with the closing, in the same transaction, before the exercise is
-- locked, and the triggers below refuse anything else once it is.

CREATE TABLE closings (
    exercise_id INTEGER PRIMARY KEY REFERENCES exercises (id),
    -- the day whose owners received the surplus or shortfall (loi de 1965,
    -- art. 6-2: the owner when the accounts are approved)
    owners_at   TEXT NOT NULL CHECK (owners_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    posted_at   TEXT NOT NULL DEFAULT ''
);

-- What one section of the closing distributed on one key. section is ''
-- for current operations, a works campaign's code, or '*' for the
-- exceptional operations outside any campaign. Net = charges − income.
CREATE TABLE closing_keys (
    exercise_id  INTEGER NOT NULL REFERENCES closings (exercise_id),
    section      TEXT NOT NULL,
    key          TEXT NOT NULL,
    total_shares TEXT NOT NULL,
    charges      INTEGER NOT NULL,
    income       INTEGER NOT NULL,
    PRIMARY KEY (exercise_id, section, key)
) WITHOUT ROWID;

-- Each owner's part of a section on a key: his shares, his part of the
-- key's net charges, the provisions called from him on the key and those
-- moved to or from him by a sale (the buyer takes over the provisions of
-- the lots he bought). key '' holds provisions whose key is unknown
-- (entries typed by hand).
CREATE TABLE closing_parts (
    exercise_id INTEGER NOT NULL REFERENCES closings (exercise_id),
    section     TEXT NOT NULL,
    owner       TEXT NOT NULL REFERENCES owners (account),
    key         TEXT NOT NULL,
    shares      TEXT NOT NULL,
    part        INTEGER NOT NULL,
    called      INTEGER NOT NULL,
    moved       INTEGER NOT NULL,
    PRIMARY KEY (exercise_id, section, owner, key)
) WITHOUT ROWID;

CREATE TRIGGER closings_insert_locked BEFORE INSERT ON closings
WHEN EXISTS (SELECT 1 FROM exercises WHERE id = NEW.exercise_id AND closed = 1)
BEGIN
    SELECT RAISE(ABORT, 'tantieme:locked: exercice clos : sa clôture est déjà enregistrée');
END;

CREATE TRIGGER closings_update BEFORE UPDATE ON closings
WHEN EXISTS (SELECT 1 FROM exercises WHERE id = OLD.exercise_id AND closed = 1)
BEGIN
    SELECT RAISE(ABORT, 'tantieme:locked: exercice clos : sa clôture ne peut pas changer');
END;

CREATE TRIGGER closings_delete BEFORE DELETE ON closings
WHEN EXISTS (SELECT 1 FROM exercises WHERE id = OLD.exercise_id AND closed = 1)
BEGIN
    SELECT RAISE(ABORT, 'tantieme:locked: exercice clos : sa clôture ne peut pas être supprimée');
END;

CREATE TRIGGER closing_keys_insert_locked BEFORE INSERT ON closing_keys
WHEN EXISTS (SELECT 1 FROM exercises WHERE id = NEW.exercise_id AND closed = 1)
BEGIN
    SELECT RAISE(ABORT, 'tantieme:locked: exercice clos : sa clôture ne peut pas changer');
END;

CREATE TRIGGER closing_keys_update BEFORE UPDATE ON closing_keys
WHEN EXISTS (SELECT 1 FROM exercises WHERE id IN (OLD.exercise_id, NEW.exercise_id) AND closed = 1)
BEGIN
    SELECT RAISE(ABORT, 'tantieme:locked: exercice clos : sa clôture ne peut pas changer');
END;

CREATE TRIGGER closing_keys_delete BEFORE DELETE ON closing_keys
WHEN EXISTS (SELECT 1 FROM exercises WHERE id = OLD.exercise_id AND closed = 1)
BEGIN
    SELECT RAISE(ABORT, 'tantieme:locked: exercice clos : sa clôture ne peut pas changer');
END;

CREATE TRIGGER closing_parts_insert_locked BEFORE INSERT ON closing_parts
WHEN EXISTS (SELECT 1 FROM exercises WHERE id = NEW.exercise_id AND closed = 1)
BEGIN
    SELECT RAISE(ABORT, 'tantieme:locked: exercice clos : sa clôture ne peut pas changer');
END;

CREATE TRIGGER closing_parts_update BEFORE UPDATE ON closing_parts
WHEN EXISTS (SELECT 1 FROM exercises WHERE id IN (OLD.exercise_id, NEW.exercise_id) AND closed = 1)
BEGIN
    SELECT RAISE(ABORT, 'tantieme:locked: exercice clos : sa clôture ne peut pas changer');
END;

CREATE TRIGGER closing_parts_delete BEFORE DELETE ON closing_parts
WHEN EXISTS (SELECT 1 FROM exercises WHERE id = OLD.exercise_id AND closed = 1)
BEGIN
    SELECT RAISE(ABORT, 'tantieme:locked: exercice clos : sa clôture ne peut pas changer');
END;
