-- Schema 3: the day book. Receipts keep their cheque details, cheques are
-- handed to the bank in deposits (bordereaux de remise), a bounced cheque is
-- tied to its reversing entry, supplier invoices keep their VAT and
-- recoverable flag, and bank statements hold what a reconciliation needs
-- (lines.reconciled names the statement a line was ticked on: its date).
--
-- Entry ids are not foreign keys here: ReplaceEntry deletes an entry and
-- posts it again under the same id in one transaction, which an immediate
-- foreign key would refuse. The triggers below keep the links right, and
-- stand aside for closed exercises so that the lock triggers answer there.

-- A deposit of cheques into a bank account on a day. entry_id is the
-- transfer from 511 (chèques à encaisser) to the bank, when the deposited
-- cheques were received through 511; NULL when they went to the bank
-- directly.
CREATE TABLE deposits (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    date         TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    bank_account TEXT NOT NULL REFERENCES accounts (code),
    entry_id     INTEGER UNIQUE
);
CREATE INDEX deposits_date ON deposits (bank_account, date);

-- A payment received from an owner: its entry (debit `account`, credit the
-- owner) and how it was paid. `account` is the bank account itself, or 511xxx
-- when cheques wait there until they are deposited into `bank_account`.
CREATE TABLE receipts (
    entry_id        INTEGER PRIMARY KEY,
    owner           TEXT NOT NULL REFERENCES owners (account),
    mode            TEXT NOT NULL CHECK (mode IN ('cheque', 'transfer', 'cash', 'other')),
    bank_account    TEXT NOT NULL REFERENCES accounts (code),
    account         TEXT NOT NULL REFERENCES accounts (code),
    cheque_number   TEXT NOT NULL DEFAULT '',
    drawer          TEXT NOT NULL DEFAULT '',
    drawer_bank     TEXT NOT NULL DEFAULT '',
    deposit_id      INTEGER REFERENCES deposits (id),
    bounce_entry_id INTEGER UNIQUE,
    CHECK (deposit_id IS NULL OR mode = 'cheque')
);
CREATE INDEX receipts_owner ON receipts (owner);
CREATE INDEX receipts_deposit ON receipts (deposit_id);

-- What an invoice entry (journal AC) does not say by itself.
CREATE TABLE invoices (
    entry_id    INTEGER PRIMARY KEY,
    supplier    TEXT NOT NULL REFERENCES accounts (code),
    number      TEXT NOT NULL DEFAULT '',
    vat         INTEGER NOT NULL DEFAULT 0 CHECK (vat >= 0),
    recoverable INTEGER NOT NULL DEFAULT 0 CHECK (recoverable IN (0, 1))
);
CREATE INDEX invoices_supplier ON invoices (supplier);

-- A bank statement of a bank account: its date and closing balance (money
-- in the bank is positive). The lines ticked on it carry its date in
-- lines.reconciled. `opening` is the bank's balance before the account's
-- first statement; later statements start from the one before them.
CREATE TABLE bank_statements (
    account TEXT NOT NULL REFERENCES accounts (code),
    date    TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    balance INTEGER NOT NULL,
    opening INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (account, date)
) WITHOUT ROWID;
CREATE INDEX lines_reconciled ON lines (account, reconciled);
CREATE INDEX lines_letter ON lines (account, letter);

------------------------------------------------------------------------------
-- Links to entries.

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

CREATE TRIGGER deposits_entry_posted BEFORE INSERT ON deposits
WHEN NEW.entry_id IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM entries WHERE id = NEW.entry_id AND posted = 1)
BEGIN
    SELECT RAISE(ABORT, 'tantieme: une remise en banque doit être rattachée à son écriture validée');
END;

CREATE TRIGGER invoices_entry_posted BEFORE INSERT ON invoices
WHEN NOT EXISTS (SELECT 1 FROM entries WHERE id = NEW.entry_id AND posted = 1)
BEGIN
    SELECT RAISE(ABORT, 'tantieme: une facture doit être rattachée à son écriture validée');
END;

-- A cheque on a printed deposit slip, or declared bounced, stays as it was
-- printed: its entry can be neither deleted nor replaced (ReplaceEntry
-- deletes first). Undeposited receipts may be corrected freely.
CREATE TRIGGER entries_receipt_delete BEFORE DELETE ON entries
WHEN EXISTS (SELECT 1 FROM receipts WHERE entry_id = OLD.id
             AND (deposit_id IS NOT NULL OR bounce_entry_id IS NOT NULL))
     AND NOT EXISTS (SELECT 1 FROM exercises WHERE closed = 1 AND OLD.date BETWEEN start AND end)
BEGIN
    SELECT RAISE(ABORT, 'tantieme:conflict: ce règlement figure sur une remise en banque ou a été déclaré impayé : il ne peut être ni modifié ni supprimé ; annulez d''abord la remise ou l''impayé');
END;

CREATE TRIGGER entries_deposit_delete BEFORE DELETE ON entries
WHEN EXISTS (SELECT 1 FROM deposits WHERE entry_id = OLD.id)
     AND NOT EXISTS (SELECT 1 FROM exercises WHERE closed = 1 AND OLD.date BETWEEN start AND end)
BEGIN
    SELECT RAISE(ABORT, 'tantieme:conflict: cette écriture est celle d''une remise de chèques en banque : annulez la remise pour la supprimer');
END;

CREATE TRIGGER entries_bounce_delete BEFORE DELETE ON entries
WHEN EXISTS (SELECT 1 FROM receipts WHERE bounce_entry_id = OLD.id)
     AND NOT EXISTS (SELECT 1 FROM exercises WHERE closed = 1 AND OLD.date BETWEEN start AND end)
BEGIN
    SELECT RAISE(ABORT, 'tantieme:conflict: cette écriture contre-passe un chèque impayé : annulez l''impayé depuis le règlement pour la supprimer');
END;

------------------------------------------------------------------------------
-- Deposits and statements of closed exercises are history.

CREATE TRIGGER deposits_lock_insert BEFORE INSERT ON deposits
WHEN EXISTS (SELECT 1 FROM exercises WHERE closed = 1 AND NEW.date BETWEEN start AND end)
BEGIN
    SELECT RAISE(ABORT, 'tantieme:locked: exercice clos : aucune remise en banque ne peut y être ajoutée');
END;

CREATE TRIGGER deposits_lock_update BEFORE UPDATE ON deposits
WHEN EXISTS (SELECT 1 FROM exercises WHERE closed = 1
             AND (OLD.date BETWEEN start AND end OR NEW.date BETWEEN start AND end))
BEGIN
    SELECT RAISE(ABORT, 'tantieme:locked: exercice clos : ses remises en banque ne peuvent pas être modifiées');
END;

CREATE TRIGGER deposits_lock_delete BEFORE DELETE ON deposits
WHEN EXISTS (SELECT 1 FROM exercises WHERE closed = 1 AND OLD.date BETWEEN start AND end)
BEGIN
    SELECT RAISE(ABORT, 'tantieme:locked: exercice clos : ses remises en banque ne peuvent pas être annulées');
END;

CREATE TRIGGER receipts_deposit_lock BEFORE UPDATE OF deposit_id ON receipts
WHEN EXISTS (SELECT 1 FROM deposits d JOIN exercises x ON d.date BETWEEN x.start AND x.end
             WHERE d.id IN (OLD.deposit_id, NEW.deposit_id) AND x.closed = 1)
BEGIN
    SELECT RAISE(ABORT, 'tantieme:locked: exercice clos : ses remises en banque ne peuvent pas être modifiées');
END;

CREATE TRIGGER bank_statements_lock_insert BEFORE INSERT ON bank_statements
WHEN EXISTS (SELECT 1 FROM exercises WHERE closed = 1 AND NEW.date BETWEEN start AND end)
BEGIN
    SELECT RAISE(ABORT, 'tantieme:locked: exercice clos : aucun relevé bancaire ne peut y être rapproché');
END;

CREATE TRIGGER bank_statements_lock_update BEFORE UPDATE ON bank_statements
WHEN EXISTS (SELECT 1 FROM exercises WHERE closed = 1
             AND (OLD.date BETWEEN start AND end OR NEW.date BETWEEN start AND end))
BEGIN
    SELECT RAISE(ABORT, 'tantieme:locked: exercice clos : ses rapprochements bancaires ne peuvent pas être modifiés');
END;

CREATE TRIGGER bank_statements_lock_delete BEFORE DELETE ON bank_statements
WHEN EXISTS (SELECT 1 FROM exercises WHERE closed = 1 AND OLD.date BETWEEN start AND end)
BEGIN
    SELECT RAISE(ABORT, 'tantieme:locked: exercice clos : ses rapprochements bancaires ne peuvent pas être supprimés');
END;
