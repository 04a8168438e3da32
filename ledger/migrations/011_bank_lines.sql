-- Bank statements in (issue 17): what an imported statement leaves in the
-- residence file.
--
-- owner_ibans: the accounts an owner pays from. A payer IBAN is the surest
-- way to tell who paid a transfer (the label is typed by the payer, the IBAN
-- is not); an owner may pay from several (a joint account, a parent's),
-- and an IBAN is learnt each time the syndic confirms a match. The IBAN is
-- checked by the program (ISO 13616 key) before it is stored; the CHECK
-- below bounds what raw SQL could write.
CREATE TABLE owner_ibans (
    owner     TEXT NOT NULL REFERENCES owners (account),
    iban      TEXT NOT NULL CHECK (length(iban) BETWEEN 15 AND 34 AND iban GLOB '[A-Z][A-Z][0-9][0-9]*' AND iban NOT GLOB '*[^A-Z0-9]*'),
    learnt_at TEXT NOT NULL CHECK (learnt_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    PRIMARY KEY (owner, iban)
) WITHOUT ROWID;
CREATE INDEX owner_ibans_iban ON owner_ibans (iban);

-- bank_lines: every movement read from a statement, posted or not. It is
-- at once the pending list (the seed 004 lost the work when its window
-- closed; here what waits lives in the file) and the memory that makes an
-- import idempotent: a line already imported is recognised by its account,
-- date and amount with the same bank reference, or the same content
-- (fingerprint: a SHA-256 of the line's texts). Two identical lines on one
-- day are two payments: occurrence numbers them (0, 1…) within (account,
-- date, amount, fingerprint), and that number is part of the identity, so
-- they stay two on every re-import.
--
-- amount is in signed cents, a credit (money in) positive, as the bank
-- states it. entry_id is the entry that posted the line; deposit_id the
-- deposit slip a credit settled (no entry of its own: the slip's receipts
-- are the entries). Neither is a foreign key: deleting an entry or
-- cancelling a slip in their own screens must stay possible; the line then
-- only remembers it was imported.
CREATE TABLE bank_lines (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    bank_account      TEXT NOT NULL REFERENCES bank_accounts (account),
    date              TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    value_date        TEXT NOT NULL DEFAULT '' CHECK (value_date = '' OR value_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    amount            INTEGER NOT NULL,
    label             TEXT NOT NULL DEFAULT '',
    details           TEXT NOT NULL DEFAULT '',
    reference         TEXT NOT NULL DEFAULT '',
    end_to_end        TEXT NOT NULL DEFAULT '',
    counterparty_name TEXT NOT NULL DEFAULT '',
    counterparty_iban TEXT NOT NULL DEFAULT '',
    code              TEXT NOT NULL DEFAULT '',
    fingerprint       TEXT NOT NULL CHECK (length(fingerprint) = 64 AND fingerprint NOT GLOB '*[^0-9a-f]*'),
    occurrence        INTEGER NOT NULL CHECK (occurrence >= 0),
    status            TEXT NOT NULL CHECK (status IN ('pending', 'posted', 'ignored')),
    entry_id          INTEGER NOT NULL DEFAULT 0,
    deposit_id        INTEGER NOT NULL DEFAULT 0,
    imported_at       TEXT NOT NULL CHECK (imported_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    file              TEXT NOT NULL DEFAULT '',
    UNIQUE (bank_account, date, amount, fingerprint, occurrence)
);
CREATE INDEX bank_lines_status ON bank_lines (status);
CREATE INDEX bank_lines_reference ON bank_lines (bank_account, date, amount, reference);

-- Text limits of the new text columns, as migration 006 does for the
-- others (ledger/text.go: LabelText, NotesText for the multi-line details,
-- NameText, ShortText).
CREATE TRIGGER bank_lines_label_text_insert BEFORE INSERT ON bank_lines
WHEN length(NEW.label) > 500 OR instr(CAST(NEW.label AS BLOB), x'00') > 0
     OR NEW.label GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: libellé d''une ligne de relevé : texte trop long (500 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER bank_lines_label_text_update BEFORE UPDATE OF label ON bank_lines
WHEN NEW.label IS NOT OLD.label AND (length(NEW.label) > 500 OR instr(CAST(NEW.label AS BLOB), x'00') > 0
     OR NEW.label GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: libellé d''une ligne de relevé : texte trop long (500 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER bank_lines_details_text_insert BEFORE INSERT ON bank_lines
WHEN length(NEW.details) > 10000 OR instr(CAST(NEW.details AS BLOB), x'00') > 0
     OR NEW.details GLOB '*[' || char(1,45,9,11,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: détail d''une ligne de relevé : texte trop long (10000 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER bank_lines_details_text_update BEFORE UPDATE OF details ON bank_lines
WHEN NEW.details IS NOT OLD.details AND (length(NEW.details) > 10000 OR instr(CAST(NEW.details AS BLOB), x'00') > 0
     OR NEW.details GLOB '*[' || char(1,45,9,11,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: détail d''une ligne de relevé : texte trop long (10000 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER bank_lines_reference_text_insert BEFORE INSERT ON bank_lines
WHEN length(NEW.reference) > 255 OR instr(CAST(NEW.reference AS BLOB), x'00') > 0
     OR NEW.reference GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: référence bancaire d''une ligne de relevé : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER bank_lines_reference_text_update BEFORE UPDATE OF reference ON bank_lines
WHEN NEW.reference IS NOT OLD.reference AND (length(NEW.reference) > 255 OR instr(CAST(NEW.reference AS BLOB), x'00') > 0
     OR NEW.reference GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: référence bancaire d''une ligne de relevé : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER bank_lines_end_to_end_text_insert BEFORE INSERT ON bank_lines
WHEN length(NEW.end_to_end) > 255 OR instr(CAST(NEW.end_to_end AS BLOB), x'00') > 0
     OR NEW.end_to_end GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: référence de bout en bout d''une ligne de relevé : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER bank_lines_end_to_end_text_update BEFORE UPDATE OF end_to_end ON bank_lines
WHEN NEW.end_to_end IS NOT OLD.end_to_end AND (length(NEW.end_to_end) > 255 OR instr(CAST(NEW.end_to_end AS BLOB), x'00') > 0
     OR NEW.end_to_end GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: référence de bout en bout d''une ligne de relevé : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER bank_lines_counterparty_name_text_insert BEFORE INSERT ON bank_lines
WHEN length(NEW.counterparty_name) > 255 OR instr(CAST(NEW.counterparty_name AS BLOB), x'00') > 0
     OR NEW.counterparty_name GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: nom du payeur ou du bénéficiaire d''une ligne de relevé : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER bank_lines_counterparty_name_text_update BEFORE UPDATE OF counterparty_name ON bank_lines
WHEN NEW.counterparty_name IS NOT OLD.counterparty_name AND (length(NEW.counterparty_name) > 255 OR instr(CAST(NEW.counterparty_name AS BLOB), x'00') > 0
     OR NEW.counterparty_name GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: nom du payeur ou du bénéficiaire d''une ligne de relevé : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER bank_lines_counterparty_iban_text_insert BEFORE INSERT ON bank_lines
WHEN length(NEW.counterparty_iban) > 50 OR instr(CAST(NEW.counterparty_iban AS BLOB), x'00') > 0
     OR NEW.counterparty_iban GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: IBAN du payeur ou du bénéficiaire d''une ligne de relevé : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER bank_lines_counterparty_iban_text_update BEFORE UPDATE OF counterparty_iban ON bank_lines
WHEN NEW.counterparty_iban IS NOT OLD.counterparty_iban AND (length(NEW.counterparty_iban) > 50 OR instr(CAST(NEW.counterparty_iban AS BLOB), x'00') > 0
     OR NEW.counterparty_iban GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: IBAN du payeur ou du bénéficiaire d''une ligne de relevé : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER bank_lines_code_text_insert BEFORE INSERT ON bank_lines
WHEN length(NEW.code) > 50 OR instr(CAST(NEW.code AS BLOB), x'00') > 0
     OR NEW.code GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: code opération d''une ligne de relevé : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER bank_lines_code_text_update BEFORE UPDATE OF code ON bank_lines
WHEN NEW.code IS NOT OLD.code AND (length(NEW.code) > 50 OR instr(CAST(NEW.code AS BLOB), x'00') > 0
     OR NEW.code GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: code opération d''une ligne de relevé : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER bank_lines_file_text_insert BEFORE INSERT ON bank_lines
WHEN length(NEW.file) > 255 OR instr(CAST(NEW.file AS BLOB), x'00') > 0
     OR NEW.file GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: nom du fichier d''une ligne de relevé : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER bank_lines_file_text_update BEFORE UPDATE OF file ON bank_lines
WHEN NEW.file IS NOT OLD.file AND (length(NEW.file) > 255 OR instr(CAST(NEW.file AS BLOB), x'00') > 0
     OR NEW.file GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: nom du fichier d''une ligne de relevé : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;
