-- Schema 2: calls for funds, works campaigns, the works fund, letter texts.
-- As in schema 1, the triggers protect the books without relying on foreign
-- keys or cascades, and they stand aside for closed exercises so that the
-- lock triggers answer there.

------------------------------------------------------------------------------
-- Works campaigns (travaux de l'article 14-2 and opérations exceptionnelles),
-- identified by a code of three capital letters that their accounts end with
-- (102ETU, 702ETU…). end_date is when the works are expected to end (then
-- did): calls of an exercise in which they end credit 702, the others 102.

CREATE TABLE works (
    code     TEXT PRIMARY KEY CHECK (code GLOB '[A-Z][A-Z][A-Z]'),
    label    TEXT NOT NULL CHECK (label <> ''),
    type     TEXT NOT NULL CHECK (type IN ('works', 'exceptional')),
    ag_date  TEXT NOT NULL DEFAULT '',
    voted    INTEGER NOT NULL CHECK (voted > 0),
    end_date TEXT NOT NULL DEFAULT '',
    finished INTEGER NOT NULL DEFAULT 0 CHECK (finished IN (0, 1)),
    notes    TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;

-- The voted amount shared over keys (a façade on 001, a lift on 002…).
CREATE TABLE works_keys (
    works  TEXT NOT NULL REFERENCES works (code),
    key    TEXT NOT NULL REFERENCES keys (code),
    amount INTEGER NOT NULL CHECK (amount > 0),
    PRIMARY KEY (works, key)
) WITHOUT ROWID;

-- The due dates of a campaign's calls. Amounts are not stored: each key's
-- amount still to call is split evenly over the dates not yet called, so a
-- revised vote or a cancelled call is absorbed by the calls to come.
CREATE TABLE works_schedule (
    works    TEXT NOT NULL REFERENCES works (code),
    number   INTEGER NOT NULL CHECK (number >= 1),
    due_date TEXT NOT NULL CHECK (due_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    PRIMARY KEY (works, number)
) WITHOUT ROWID;

-- The works fund (fonds de travaux, loi ALUR) voted for an exercise: its
-- yearly amount, called on one key with the budget's calls.
CREATE TABLE works_fund (
    exercise_id INTEGER PRIMARY KEY REFERENCES exercises (id),
    amount      INTEGER NOT NULL CHECK (amount > 0),
    key         TEXT NOT NULL REFERENCES keys (code)
);

------------------------------------------------------------------------------
-- Calls for funds. A call is one posted entry (journal OD, piece A0001…)
-- and the record of what it asked of each owner on each key, with the
-- shares it was computed from: a notice printed again later shows what was
-- called, whatever sales or share changes happened since. A call is never
-- deleted nor changed: it is cancelled by a reversing entry, only while its
-- exercise is open.

CREATE TABLE calls (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    kind            TEXT NOT NULL CHECK (kind IN ('budget', 'works', 'fund')),
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
    CHECK (period_start <= due_date AND due_date <= period_end)
);
CREATE INDEX calls_due ON calls (due_date);
-- A period is called once: one live call per rank of a series (budget or
-- fund of an exercise; a works campaign across its exercises).
CREATE UNIQUE INDEX calls_once ON calls (kind, works, number, (CASE kind WHEN 'works' THEN 0 ELSE exercise_id END))
    WHERE cancel_entry_id IS NULL;
CREATE INDEX calls_exercise ON calls (exercise_id, kind);

-- Each key of a call: the amount called and the key's total shares then.
CREATE TABLE call_keys (
    call_id      INTEGER NOT NULL REFERENCES calls (id),
    key          TEXT NOT NULL REFERENCES keys (code),
    total_shares TEXT NOT NULL,
    amount       INTEGER NOT NULL,
    PRIMARY KEY (call_id, key)
) WITHOUT ROWID;

-- Each owner's part of a call on a key: the sum of his lots' shares on the
-- key at the due date, and the amount (largest remainder, DOMAIN §4).
CREATE TABLE call_parts (
    call_id INTEGER NOT NULL REFERENCES calls (id),
    owner   TEXT NOT NULL REFERENCES owners (account),
    key     TEXT NOT NULL REFERENCES keys (code),
    shares  TEXT NOT NULL,
    amount  INTEGER NOT NULL,
    PRIMARY KEY (call_id, owner, key)
) WITHOUT ROWID;
CREATE INDEX call_parts_owner ON call_parts (owner);

------------------------------------------------------------------------------
-- Letter texts (header, opening, footer of the notices, reminder text) that
-- the residence overrides, and images printed on letters (the signature).
-- A text absent here is the program's default.

CREATE TABLE letter_templates (
    name TEXT PRIMARY KEY,
    body TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE letter_images (
    name TEXT PRIMARY KEY,
    data BLOB NOT NULL
) WITHOUT ROWID;

------------------------------------------------------------------------------
-- Calls are kept whole.

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

CREATE TRIGGER call_keys_update BEFORE UPDATE ON call_keys
BEGIN
    SELECT RAISE(ABORT, 'tantieme:conflict: les montants d''un appel de fonds passé ne peuvent pas changer');
END;

CREATE TRIGGER call_keys_delete BEFORE DELETE ON call_keys
BEGIN
    SELECT RAISE(ABORT, 'tantieme:conflict: les montants d''un appel de fonds passé ne peuvent pas changer');
END;

CREATE TRIGGER call_parts_update BEFORE UPDATE ON call_parts
BEGIN
    SELECT RAISE(ABORT, 'tantieme:conflict: les montants d''un appel de fonds passé ne peuvent pas changer');
END;

CREATE TRIGGER call_parts_delete BEFORE DELETE ON call_parts
BEGIN
    SELECT RAISE(ABORT, 'tantieme:conflict: les montants d''un appel de fonds passé ne peuvent pas changer');
END;

-- The entry of a call, or of its cancellation, stays: deleting it (or
-- replacing it, which deletes it first) would leave notices that the books
-- no longer show. Closed exercises are left to entries_lock_delete.
CREATE TRIGGER entries_call_delete BEFORE DELETE ON entries
WHEN EXISTS (SELECT 1 FROM calls WHERE entry_id = OLD.id OR cancel_entry_id = OLD.id)
     AND NOT EXISTS (SELECT 1 FROM exercises WHERE closed = 1 AND OLD.date BETWEEN start AND end)
BEGIN
    SELECT RAISE(ABORT, 'tantieme:conflict: cette écriture est celle d''un appel de fonds : elle ne peut être ni modifiée ni supprimée ; annulez l''appel, ce qui passe une écriture inverse');
END;

------------------------------------------------------------------------------
-- Works campaigns and keys still in use.

CREATE TRIGGER works_recode BEFORE UPDATE OF code ON works
BEGIN
    SELECT RAISE(ABORT, 'tantieme: le code d''une campagne de travaux ne peut pas changer');
END;

CREATE TRIGGER works_delete BEFORE DELETE ON works
WHEN EXISTS (SELECT 1 FROM calls WHERE works = OLD.code)
BEGIN
    SELECT RAISE(ABORT, 'tantieme:conflict: une campagne de travaux déjà appelée ne peut pas être supprimée');
END;

CREATE TRIGGER works_schedule_called_update BEFORE UPDATE ON works_schedule
WHEN EXISTS (SELECT 1 FROM calls WHERE works = OLD.works AND number = OLD.number AND cancel_entry_id IS NULL)
BEGIN
    SELECT RAISE(ABORT, 'tantieme:conflict: une échéance de travaux déjà appelée ne peut pas changer');
END;

CREATE TRIGGER works_schedule_called_delete BEFORE DELETE ON works_schedule
WHEN EXISTS (SELECT 1 FROM calls WHERE works = OLD.works AND number = OLD.number AND cancel_entry_id IS NULL)
BEGIN
    SELECT RAISE(ABORT, 'tantieme:conflict: une échéance de travaux déjà appelée ne peut pas être supprimée');
END;

CREATE TRIGGER keys_delete_calls BEFORE DELETE ON keys
WHEN EXISTS (SELECT 1 FROM call_keys WHERE key = OLD.code)
     OR EXISTS (SELECT 1 FROM works_keys WHERE key = OLD.code)
     OR EXISTS (SELECT 1 FROM works_fund WHERE key = OLD.code)
BEGIN
    SELECT RAISE(ABORT, 'tantieme:conflict: une clé utilisée (appels de fonds, travaux ou fonds de travaux) ne peut pas être supprimée');
END;
