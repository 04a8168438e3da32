-- Deposit slips of every kind (issue 18, seed 003): a slip of cheques holds
-- cheques only, a slip of another kind (cash taken to the bank, payments
-- gathered on one slip) holds no cheque. Migration 003 allowed only cheques
-- on a slip, in a table CHECK that SQLite cannot alter: the receipts table
-- is rebuilt (sqlite.org/lang_altertable.html, « other kinds of table schema
-- changes »), its rows kept as they are, its indexes and triggers made
-- again word for word, and the rule becomes a trigger that reads the slip's
-- kind. The rebuilt table also knows the mode 'debit': a SEPA direct debit
-- collected by a batch of the program (issue 18), until now recorded as a
-- transfer. legacy_alter_table keeps the triggers of other tables that name
-- receipts (entries_receipt_delete, entries_bounce_delete) as they are: they
-- name the rebuilt table once it has its name back.
PRAGMA legacy_alter_table = ON;

CREATE TABLE receipts_rebuilt (
    entry_id        INTEGER PRIMARY KEY,
    owner           TEXT NOT NULL REFERENCES owners (account),
    mode            TEXT NOT NULL CHECK (mode IN ('cheque', 'transfer', 'cash', 'other', 'debit')),
    bank_account    TEXT NOT NULL REFERENCES accounts (code),
    account         TEXT NOT NULL REFERENCES accounts (code),
    cheque_number   TEXT NOT NULL DEFAULT '',
    drawer          TEXT NOT NULL DEFAULT '',
    drawer_bank     TEXT NOT NULL DEFAULT '',
    deposit_id      INTEGER REFERENCES deposits (id),
    bounce_entry_id INTEGER UNIQUE
);
INSERT INTO receipts_rebuilt (entry_id, owner, mode, bank_account, account, cheque_number, drawer, drawer_bank, deposit_id, bounce_entry_id)
SELECT entry_id, owner, mode, bank_account, account, cheque_number, drawer, drawer_bank, deposit_id, bounce_entry_id FROM receipts;
DROP TABLE receipts;
ALTER TABLE receipts_rebuilt RENAME TO receipts;
PRAGMA legacy_alter_table = OFF;

CREATE INDEX receipts_owner ON receipts (owner);
CREATE INDEX receipts_deposit ON receipts (deposit_id);

-- The slip's kind decides what it holds.
CREATE TRIGGER receipts_deposit_kind_insert BEFORE INSERT ON receipts
WHEN NEW.deposit_id IS NOT NULL
     AND ((SELECT kind FROM deposits WHERE id = NEW.deposit_id) = 'cheque') <> (NEW.mode = 'cheque')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: une remise de chèques ne contient que des chèques, une remise d''un autre type aucun chèque');
END;

CREATE TRIGGER receipts_deposit_kind_update BEFORE UPDATE OF deposit_id, mode ON receipts
WHEN NEW.deposit_id IS NOT NULL
     AND ((SELECT kind FROM deposits WHERE id = NEW.deposit_id) = 'cheque') <> (NEW.mode = 'cheque')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: une remise de chèques ne contient que des chèques, une remise d''un autre type aucun chèque');
END;

-- As migration 003 made them.
CREATE TRIGGER receipts_entry_posted BEFORE INSERT ON receipts
WHEN NOT EXISTS (SELECT 1 FROM entries WHERE id = NEW.entry_id AND posted = 1)
BEGIN
    SELECT RAISE(ABORT, 'tantieme: un règlement doit être rattaché à son écriture validée');
END;

CREATE TRIGGER receipts_bounce_posted BEFORE UPDATE OF bounce_entry_id ON receipts
WHEN NEW.bounce_entry_id IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM entries WHERE id = NEW.bounce_entry_id AND posted = 1)
BEGIN
    SELECT RAISE(ABORT, 'tantieme: un impayé doit être rattaché à son écriture validée');
END;

CREATE TRIGGER receipts_deposit_lock BEFORE UPDATE OF deposit_id ON receipts
WHEN EXISTS (SELECT 1 FROM deposits d JOIN exercises x ON d.date BETWEEN x.start AND x.end
             WHERE d.id IN (OLD.deposit_id, NEW.deposit_id) AND x.closed = 1)
BEGIN
    SELECT RAISE(ABORT, 'tantieme:locked: exercice clos : ses remises en banque ne peuvent pas être modifiées');
END;

-- As migration 006 made them.
CREATE TRIGGER receipts_cheque_number_text_insert BEFORE INSERT ON receipts
WHEN length(NEW.cheque_number) > 50 OR instr(CAST(NEW.cheque_number AS BLOB), x'00') > 0
     OR NEW.cheque_number GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: numéro de chèque d''un règlement : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER receipts_cheque_number_text_update BEFORE UPDATE OF cheque_number ON receipts
WHEN NEW.cheque_number IS NOT OLD.cheque_number AND (length(NEW.cheque_number) > 50 OR instr(CAST(NEW.cheque_number AS BLOB), x'00') > 0
     OR NEW.cheque_number GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: numéro de chèque d''un règlement : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER receipts_drawer_text_insert BEFORE INSERT ON receipts
WHEN length(NEW.drawer) > 255 OR instr(CAST(NEW.drawer AS BLOB), x'00') > 0
     OR NEW.drawer GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: tireur du chèque d''un règlement : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER receipts_drawer_text_update BEFORE UPDATE OF drawer ON receipts
WHEN NEW.drawer IS NOT OLD.drawer AND (length(NEW.drawer) > 255 OR instr(CAST(NEW.drawer AS BLOB), x'00') > 0
     OR NEW.drawer GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: tireur du chèque d''un règlement : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER receipts_drawer_bank_text_insert BEFORE INSERT ON receipts
WHEN length(NEW.drawer_bank) > 255 OR instr(CAST(NEW.drawer_bank AS BLOB), x'00') > 0
     OR NEW.drawer_bank GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: banque du chèque d''un règlement : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER receipts_drawer_bank_text_update BEFORE UPDATE OF drawer_bank ON receipts
WHEN NEW.drawer_bank IS NOT OLD.drawer_bank AND (length(NEW.drawer_bank) > 255 OR instr(CAST(NEW.drawer_bank AS BLOB), x'00') > 0
     OR NEW.drawer_bank GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: banque du chèque d''un règlement : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

