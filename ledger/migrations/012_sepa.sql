-- Money moved by SEPA files (issue 18; seeds 001 « Virements de fonds » and
-- 003 « chèques & ppa »).
--
-- bank_accounts.fund: the fund a savings account holds, as seed 001's
-- « fiche avance » names its « journal livret »: the works fund (105…, loi
-- 1965 art. 14-2: it must be kept on a separate interest-bearing account)
-- or an advance (103…). The transfer assistant proposes, per savings
-- account, what to move so that it holds its fund. The first savings
-- account of a residence that has a works fund holds it.
ALTER TABLE bank_accounts ADD COLUMN fund TEXT NOT NULL DEFAULT ''
    CHECK (fund = '' OR (savings = 1 AND length(fund) = 6 AND (fund GLOB '105*' OR fund GLOB '103*')));
UPDATE bank_accounts SET fund = (SELECT min(code) FROM accounts WHERE code GLOB '105[0-9][0-9][0-9]')
WHERE savings = 1 AND account = (SELECT min(account) FROM bank_accounts WHERE savings = 1)
  AND EXISTS (SELECT 1 FROM accounts WHERE code GLOB '105[0-9][0-9][0-9]');

-- deposits.kind: what a deposit slip holds (seed 003): cheques, direct
-- debits collected, or other money in (cash, transfers recorded as a slip).
ALTER TABLE deposits ADD COLUMN kind TEXT NOT NULL DEFAULT 'cheque' CHECK (kind IN ('cheque', 'debit', 'other'));

-- mandates: an owner's SEPA Core direct-debit mandates. The RUM (référence
-- unique du mandat) names a mandate for good: unique in the file even once
-- revoked, as the SEPA rulebook forbids giving it to another mandate; its
-- characters are those SEPA allows in an identifier. first_collection is
-- the date of its first debit ('' until then: the next one is FRST, the
-- following RCUR); last_collection tells a mandate unused for 36 months,
-- which lapses (SEPA Core rulebook 4.1). returns counts the debits the
-- owner's bank sent back; the program flags the mandate after two. At
-- most one mandate of an owner is in force.
CREATE TABLE mandates (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    owner            TEXT NOT NULL REFERENCES owners (account),
    rum              TEXT NOT NULL UNIQUE CHECK (length(rum) BETWEEN 1 AND 35 AND rum NOT GLOB '*[^A-Za-z0-9/?:().,''+-]*'),
    iban             TEXT NOT NULL CHECK (length(iban) BETWEEN 15 AND 34 AND iban GLOB '[A-Z][A-Z][0-9][0-9]*' AND iban NOT GLOB '*[^A-Z0-9]*'),
    bic              TEXT NOT NULL DEFAULT '' CHECK (bic = '' OR (length(bic) IN (8, 11) AND bic NOT GLOB '*[^A-Z0-9]*')),
    signed_at        TEXT NOT NULL CHECK (signed_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    first_collection TEXT NOT NULL DEFAULT '' CHECK (first_collection = '' OR first_collection GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    last_collection  TEXT NOT NULL DEFAULT '' CHECK (last_collection = '' OR last_collection GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    revoked_at       TEXT NOT NULL DEFAULT '' CHECK (revoked_at = '' OR revoked_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    returns          INTEGER NOT NULL DEFAULT 0 CHECK (returns >= 0)
);
CREATE UNIQUE INDEX mandates_in_force ON mandates (owner) WHERE revoked_at = '';

-- sepa_files: every SEPA file the program produced, whole. msg_id is
-- unique: a file is made once, in the transaction that posts its entries;
-- when writing it to disk failed, it is written again from here byte for
-- byte — never a second payment order for the same money.
CREATE TABLE sepa_files (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    msg_id       TEXT NOT NULL UNIQUE CHECK (length(msg_id) BETWEEN 1 AND 35 AND msg_id NOT GLOB '*[^A-Za-z0-9/?:().,''+-]*'),
    kind         TEXT NOT NULL CHECK (kind IN ('transfer', 'debit')),
    schema       TEXT NOT NULL CHECK (schema IN ('pain.001.001.09', 'pain.001.001.03', 'pain.008.001.08', 'pain.008.001.02')),
    bank_account TEXT NOT NULL REFERENCES bank_accounts (account),
    created_at   TEXT NOT NULL CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    execution    TEXT NOT NULL CHECK (execution GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    name         TEXT NOT NULL,
    content      BLOB NOT NULL CHECK (length(content) BETWEEN 1 AND 50000000),
    sha256       TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    transactions INTEGER NOT NULL CHECK (transactions > 0),
    total        INTEGER NOT NULL CHECK (total > 0)
);

-- sepa_payments: each transaction of a file and the entry that posted it.
-- end_to_end ties a returned debit (an R-transaction read from a statement
-- or typed) or a statement line back to it; account is the owner debited or
-- the account credited; returned_entry the entry that reversed it.
CREATE TABLE sepa_payments (
    file_id        INTEGER NOT NULL REFERENCES sepa_files (id),
    end_to_end     TEXT NOT NULL UNIQUE CHECK (length(end_to_end) BETWEEN 1 AND 35 AND end_to_end NOT GLOB '*[^A-Za-z0-9/?:().,''+-]*'),
    entry_id       INTEGER NOT NULL,
    account        TEXT NOT NULL REFERENCES accounts (code),
    amount         INTEGER NOT NULL CHECK (amount > 0),
    mandate_id     INTEGER REFERENCES mandates (id),
    sequence       TEXT NOT NULL DEFAULT '' CHECK (sequence IN ('', 'FRST', 'RCUR', 'OOFF', 'FNAL')),
    returned_entry INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sepa_payments_file ON sepa_payments (file_id);
CREATE INDEX sepa_payments_mandate ON sepa_payments (mandate_id);

-- expected_cheques: cheques an owner handed in advance (seed 003 « séries de
-- chèques »): each with its date, number (digits; '' when unknown) and
-- amount, editable one by one; from its date it is offered on the cheques
-- to deposit, and becomes a receipt (receipt_entry) when the syndic records
-- it. series groups the cheques given together.
CREATE TABLE expected_cheques (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    owner         TEXT NOT NULL REFERENCES owners (account),
    series        INTEGER NOT NULL CHECK (series > 0),
    date          TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    number        TEXT NOT NULL DEFAULT '' CHECK (length(number) <= 20 AND number NOT GLOB '*[^0-9]*'),
    amount        INTEGER NOT NULL CHECK (amount > 0),
    receipt_entry INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX expected_cheques_owner ON expected_cheques (owner, date);

-- The file's name is the only typed-looking text of these tables (the
-- others are bounded by their CHECK): limited like every name.
CREATE TRIGGER sepa_files_name_text_insert BEFORE INSERT ON sepa_files
WHEN length(NEW.name) > 255 OR instr(CAST(NEW.name AS BLOB), x'00') > 0
     OR NEW.name GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: nom d''un fichier SEPA : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER sepa_files_name_text_update BEFORE UPDATE OF name ON sepa_files
WHEN NEW.name IS NOT OLD.name AND (length(NEW.name) > 255 OR instr(CAST(NEW.name AS BLOB), x'00') > 0
     OR NEW.name GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: nom d''un fichier SEPA : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;
