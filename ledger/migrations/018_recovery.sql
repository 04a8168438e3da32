-- Recovery of unpaid charges (issue 20), recorded per owner with dates:
-- Val Compta's « relances » recorded nothing (seed 002); the sale of a lot
-- needs to know whether a mise en demeure was left unanswered.
--
-- kind:
--   'reminder'     a reminder written (app.WriteReminders records one);
--   'notice'       a mise en demeure by registered letter: date sent, the
--                  letter's number, the day it was received or first
--                  presented (received_at) and whether it came back
--                  unclaimed (« non réclamé »: the notification counts from
--                  the first presentation all the same);
--   'acceleration' loi 1965 art. 19-2: after a mise en demeure left
--                  unanswered 30 days, the provisions of the exercise not
--                  yet due are owed at once; entry is their call;
--   'cost'         recovery costs charged to this owner alone (loi 1965 art.
--                  10-1: the mise en demeure and later acts); entry moves
--                  them from the expense account to his 450;
--   'doubtful'     his debt moved to 459 at a closing, with a 491 provision;
--                  entry is the transfer and the provision.
-- amount is what the step asked or posted, in cents (the debt named by a
-- reminder or a mise en demeure, the provisions accelerated, the cost).
CREATE TABLE recovery_steps (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    owner         TEXT NOT NULL REFERENCES owners (account),
    kind          TEXT NOT NULL CHECK (kind IN ('reminder', 'notice', 'acceleration', 'cost', 'doubtful')),
    date          TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    amount        INTEGER NOT NULL DEFAULT 0 CHECK (amount >= 0),
    label         TEXT NOT NULL DEFAULT '',
    letter_number TEXT NOT NULL DEFAULT '',
    received_at   TEXT NOT NULL DEFAULT '' CHECK (received_at = '' OR received_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    unclaimed     INTEGER NOT NULL DEFAULT 0 CHECK (unclaimed IN (0, 1)),
    entry_id      INTEGER REFERENCES entries (id),
    CHECK (kind = 'notice' OR (letter_number = '' AND received_at = '' AND unclaimed = 0)),
    CHECK (received_at = '' OR received_at >= date),
    CHECK (unclaimed = 0 OR received_at <> ''),
    CHECK ((kind IN ('acceleration', 'cost', 'doubtful')) = (entry_id IS NOT NULL))
);
CREATE INDEX recovery_steps_owner ON recovery_steps (owner, date);

CREATE TRIGGER recovery_steps_label_text_insert BEFORE INSERT ON recovery_steps
WHEN length(NEW.label) > 500 OR instr(CAST(NEW.label AS BLOB), x'00') > 0
     OR NEW.label GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: libellé d''une étape du recouvrement : texte trop long (500 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER recovery_steps_label_text_update BEFORE UPDATE OF label ON recovery_steps
WHEN NEW.label IS NOT OLD.label AND (length(NEW.label) > 500 OR instr(CAST(NEW.label AS BLOB), x'00') > 0
     OR NEW.label GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: libellé d''une étape du recouvrement : texte trop long (500 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER recovery_steps_letter_number_text_insert BEFORE INSERT ON recovery_steps
WHEN length(NEW.letter_number) > 50 OR instr(CAST(NEW.letter_number AS BLOB), x'00') > 0
     OR NEW.letter_number GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: numéro de la lettre recommandée : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER recovery_steps_letter_number_text_update BEFORE UPDATE OF letter_number ON recovery_steps
WHEN NEW.letter_number IS NOT OLD.letter_number AND (length(NEW.letter_number) > 50 OR instr(CAST(NEW.letter_number AS BLOB), x'00') > 0
     OR NEW.letter_number GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: numéro de la lettre recommandée : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;
