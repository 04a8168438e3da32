-- Schema 1 of a Tantième residence file.
-- Amounts are INTEGER cents, dates 'YYYY-MM-DD' text, shares decimal text.
-- The triggers below keep the books right even when the file is edited with raw
-- SQL: they work whatever the connection's foreign_keys setting is, which is why
-- they do not rely on foreign keys or cascades.

CREATE TABLE residence (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    name           TEXT NOT NULL,
    address        TEXT NOT NULL DEFAULT '',
    zip            TEXT NOT NULL DEFAULT '',
    city           TEXT NOT NULL DEFAULT '',
    syndic_name    TEXT NOT NULL DEFAULT '',
    syndic_address TEXT NOT NULL DEFAULT '',
    syndic_phone   TEXT NOT NULL DEFAULT '',
    syndic_email   TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL DEFAULT ''
);

-- Free options (text values), e.g. the default bank account or display choices.
CREATE TABLE options (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE exercises (
    id        INTEGER PRIMARY KEY,
    start     TEXT NOT NULL UNIQUE,
    end       TEXT NOT NULL UNIQUE,
    closed    INTEGER NOT NULL DEFAULT 0 CHECK (closed IN (0, 1)),
    closed_at TEXT NOT NULL DEFAULT '',
    CHECK (end > start)
);

CREATE TABLE accounts (
    code   TEXT PRIMARY KEY CHECK (length(code) = 6),
    label  TEXT NOT NULL,
    hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1))
) WITHOUT ROWID;

CREATE TABLE journals (
    code  TEXT PRIMARY KEY CHECK (length(code) BETWEEN 1 AND 4),
    label TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE bank_accounts (
    account TEXT PRIMARY KEY REFERENCES accounts (code),
    label   TEXT NOT NULL DEFAULT '',
    iban    TEXT NOT NULL DEFAULT '',
    bic     TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;

CREATE TABLE owners (
    account    TEXT PRIMARY KEY REFERENCES accounts (code)
               CHECK (account GLOB '450[0-9][0-9][0-9]' AND account <> '450000'),
    civility   TEXT NOT NULL DEFAULT '',
    name       TEXT NOT NULL CHECK (name <> ''),
    address    TEXT NOT NULL DEFAULT '',
    zip        TEXT NOT NULL DEFAULT '',
    city       TEXT NOT NULL DEFAULT '',
    country    TEXT NOT NULL DEFAULT '',
    email      TEXT NOT NULL DEFAULT '',
    phone      TEXT NOT NULL DEFAULT '',
    mobile     TEXT NOT NULL DEFAULT '',
    bank_name  TEXT NOT NULL DEFAULT '',
    entry_date TEXT NOT NULL DEFAULT '',
    exit_date  TEXT NOT NULL DEFAULT '',
    council    INTEGER NOT NULL DEFAULT 0 CHECK (council IN (0, 1)),
    notes      TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;

CREATE TABLE lots (
    number    TEXT PRIMARY KEY CHECK (length(number) BETWEEN 1 AND 5),
    label     TEXT NOT NULL DEFAULT '',
    type      TEXT NOT NULL DEFAULT '',
    building  TEXT NOT NULL DEFAULT '',
    staircase TEXT NOT NULL DEFAULT '',
    floor     TEXT NOT NULL DEFAULT '',
    door      TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;

-- Who owns a lot from which date. from_date '' means "since the start of the
-- residence's first exercise" (DOMAIN §9: ownership without a known date).
CREATE TABLE lot_owners (
    lot       TEXT NOT NULL REFERENCES lots (number),
    owner     TEXT NOT NULL REFERENCES owners (account),
    from_date TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (lot, from_date)
) WITHOUT ROWID;
CREATE INDEX lot_owners_owner ON lot_owners (owner);

CREATE TABLE keys (
    code           TEXT PRIMARY KEY CHECK (length(code) BETWEEN 1 AND 3),
    label          TEXT NOT NULL,
    declared_total TEXT NOT NULL DEFAULT '0'
) WITHOUT ROWID;

CREATE TABLE shares (
    lot    TEXT NOT NULL REFERENCES lots (number),
    key    TEXT NOT NULL REFERENCES keys (code),
    shares TEXT NOT NULL,
    PRIMARY KEY (lot, key)
) WITHOUT ROWID;
CREATE INDEX shares_key ON shares (key);

CREATE TABLE suppliers (
    account TEXT PRIMARY KEY REFERENCES accounts (code)
            CHECK (account GLOB '401[0-9A-Z][0-9A-Z][0-9A-Z]' AND account <> '401000'),
    name    TEXT NOT NULL CHECK (name <> ''),
    address TEXT NOT NULL DEFAULT '',
    zip     TEXT NOT NULL DEFAULT '',
    city    TEXT NOT NULL DEFAULT '',
    iban    TEXT NOT NULL DEFAULT '',
    bic     TEXT NOT NULL DEFAULT '',
    contact TEXT NOT NULL DEFAULT '',
    phone   TEXT NOT NULL DEFAULT '',
    email   TEXT NOT NULL DEFAULT '',
    notes   TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;

CREATE TABLE budget (
    exercise_id INTEGER NOT NULL REFERENCES exercises (id),
    account     TEXT NOT NULL REFERENCES accounts (code),
    key         TEXT NOT NULL REFERENCES keys (code),
    amount      INTEGER NOT NULL,
    PRIMARY KEY (exercise_id, account, key)
) WITHOUT ROWID;

-- An entry is written as a draft (posted = 0), its lines are added, then it is
-- posted; posting checks the balance. Lines of a posted entry can no longer
-- change amount or account, so a posted entry always balances. Only posted
-- entries count in the books.
CREATE TABLE entries (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    journal TEXT NOT NULL REFERENCES journals (code),
    date    TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    piece   TEXT NOT NULL DEFAULT '',
    label   TEXT NOT NULL DEFAULT '',
    origin  TEXT NOT NULL DEFAULT '',
    posted  INTEGER NOT NULL DEFAULT 0 CHECK (posted IN (0, 1))
);
CREATE INDEX entries_date ON entries (date);
CREATE INDEX entries_journal_date ON entries (journal, date);

CREATE TABLE lines (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    entry_id   INTEGER NOT NULL REFERENCES entries (id),
    account    TEXT NOT NULL REFERENCES accounts (code),
    key        TEXT REFERENCES keys (code),
    label      TEXT NOT NULL DEFAULT '',
    debit      INTEGER NOT NULL DEFAULT 0 CHECK (debit >= 0),
    credit     INTEGER NOT NULL DEFAULT 0 CHECK (credit >= 0),
    letter     TEXT NOT NULL DEFAULT '',
    reconciled TEXT NOT NULL DEFAULT '',
    CHECK (debit = 0 OR credit = 0),
    CHECK (debit > 0 OR credit > 0)
);
CREATE INDEX lines_entry ON lines (entry_id);
CREATE INDEX lines_account ON lines (account);

-- Totals of posted lines per account, key and day, kept by the triggers below.
-- Trial balances and owner balances read this instead of every line, which
-- keeps them fast on residences with hundreds of thousands of lines. `check`
-- compares it with the lines. `opening` marks the movements of the AN
-- journal: they carry forward the balances of the closed exercise before, so
-- a period that already covers that exercise must leave them out.
CREATE TABLE day_totals (
    account TEXT NOT NULL,
    key     TEXT NOT NULL,
    date    TEXT NOT NULL,
    opening INTEGER NOT NULL,
    debit   INTEGER NOT NULL,
    credit  INTEGER NOT NULL,
    PRIMARY KEY (account, date, key, opening)
) WITHOUT ROWID;

------------------------------------------------------------------------------
-- Closed exercises are locked.

CREATE TRIGGER entries_lock_insert BEFORE INSERT ON entries
WHEN EXISTS (SELECT 1 FROM exercises WHERE closed = 1 AND NEW.date BETWEEN start AND end)
BEGIN
    SELECT RAISE(ABORT, 'tantieme:locked: exercice clos : aucune écriture ne peut y être ajoutée');
END;

CREATE TRIGGER entries_in_exercise BEFORE INSERT ON entries
WHEN NOT EXISTS (SELECT 1 FROM exercises WHERE NEW.date BETWEEN start AND end)
BEGIN
    SELECT RAISE(ABORT, 'tantieme: la date de l''écriture n''appartient à aucun exercice');
END;

CREATE TRIGGER entries_date_in_exercise BEFORE UPDATE OF date ON entries
WHEN NOT EXISTS (SELECT 1 FROM exercises WHERE NEW.date BETWEEN start AND end)
BEGIN
    SELECT RAISE(ABORT, 'tantieme: la date de l''écriture n''appartient à aucun exercice');
END;

CREATE TRIGGER entries_renumber BEFORE UPDATE OF id ON entries
BEGIN
    SELECT RAISE(ABORT, 'tantieme: le numéro interne d''une écriture ne peut pas changer');
END;

CREATE TRIGGER entries_lock_update BEFORE UPDATE ON entries
WHEN EXISTS (SELECT 1 FROM exercises WHERE closed = 1
             AND (OLD.date BETWEEN start AND end OR NEW.date BETWEEN start AND end))
BEGIN
    SELECT RAISE(ABORT, 'tantieme:locked: exercice clos : ses écritures ne peuvent pas être modifiées');
END;

CREATE TRIGGER entries_lock_delete BEFORE DELETE ON entries
WHEN EXISTS (SELECT 1 FROM exercises WHERE closed = 1 AND OLD.date BETWEEN start AND end)
BEGIN
    SELECT RAISE(ABORT, 'tantieme:locked: exercice clos : ses écritures ne peuvent pas être supprimées');
END;

CREATE TRIGGER lines_lock_insert BEFORE INSERT ON lines
WHEN EXISTS (SELECT 1 FROM entries e JOIN exercises x ON e.date BETWEEN x.start AND x.end
             WHERE e.id = NEW.entry_id AND x.closed = 1)
BEGIN
    SELECT RAISE(ABORT, 'tantieme:locked: exercice clos : aucune écriture ne peut y être ajoutée');
END;

CREATE TRIGGER lines_lock_update BEFORE UPDATE ON lines
WHEN EXISTS (SELECT 1 FROM entries e JOIN exercises x ON e.date BETWEEN x.start AND x.end
             WHERE e.id IN (OLD.entry_id, NEW.entry_id) AND x.closed = 1)
BEGIN
    SELECT RAISE(ABORT, 'tantieme:locked: exercice clos : ses écritures ne peuvent pas être modifiées');
END;

CREATE TRIGGER lines_lock_delete BEFORE DELETE ON lines
WHEN EXISTS (SELECT 1 FROM entries e JOIN exercises x ON e.date BETWEEN x.start AND x.end
             WHERE e.id = OLD.entry_id AND x.closed = 1)
BEGIN
    SELECT RAISE(ABORT, 'tantieme:locked: exercice clos : ses écritures ne peuvent pas être supprimées');
END;

-- A closed exercise keeps its dates; it may be reopened only while no later
-- exercise holds an entry (the closing's opening balances must be removed
-- first), and it cannot be deleted.
CREATE TRIGGER exercises_closed_dates BEFORE UPDATE OF start, end ON exercises
WHEN OLD.closed = 1
BEGIN
    SELECT RAISE(ABORT, 'tantieme:locked: les dates d''un exercice clos ne peuvent pas changer');
END;

CREATE TRIGGER exercises_reopen BEFORE UPDATE OF closed ON exercises
WHEN OLD.closed = 1 AND NEW.closed = 0
     AND EXISTS (SELECT 1 FROM entries WHERE date > OLD.end)
BEGIN
    SELECT RAISE(ABORT, 'tantieme:conflict: l''exercice ne peut pas être rouvert : l''exercice suivant contient déjà des écritures');
END;

CREATE TRIGGER exercises_delete BEFORE DELETE ON exercises
WHEN OLD.closed = 1 OR EXISTS (SELECT 1 FROM entries WHERE date BETWEEN OLD.start AND OLD.end)
BEGIN
    SELECT RAISE(ABORT, 'tantieme:locked: un exercice clos ou contenant des écritures ne peut pas être supprimé');
END;

------------------------------------------------------------------------------
-- Lines: accounts exist, class-6 lines carry an existing key.

CREATE TRIGGER lines_account_insert BEFORE INSERT ON lines
WHEN NOT EXISTS (SELECT 1 FROM accounts WHERE code = NEW.account)
BEGIN
    SELECT RAISE(ABORT, 'tantieme: compte inexistant dans le plan comptable');
END;

CREATE TRIGGER lines_account_update BEFORE UPDATE OF account ON lines
WHEN NOT EXISTS (SELECT 1 FROM accounts WHERE code = NEW.account)
BEGIN
    SELECT RAISE(ABORT, 'tantieme: compte inexistant dans le plan comptable');
END;

CREATE TRIGGER lines_key_insert BEFORE INSERT ON lines
WHEN (NEW.account LIKE '6%' AND NEW.key IS NULL)
     OR (NEW.key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM keys WHERE code = NEW.key))
BEGIN
    SELECT RAISE(ABORT, 'tantieme: une ligne de charge (classe 6) doit porter une clé de répartition existante');
END;

CREATE TRIGGER lines_key_update BEFORE UPDATE OF account, key ON lines
WHEN (NEW.account LIKE '6%' AND NEW.key IS NULL)
     OR (NEW.key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM keys WHERE code = NEW.key))
BEGIN
    SELECT RAISE(ABORT, 'tantieme: une ligne de charge (classe 6) doit porter une clé de répartition existante');
END;

CREATE TRIGGER lines_entry_exists BEFORE INSERT ON lines
WHEN NOT EXISTS (SELECT 1 FROM entries WHERE id = NEW.entry_id)
BEGIN
    SELECT RAISE(ABORT, 'tantieme: ligne sans écriture');
END;

------------------------------------------------------------------------------
-- Posting: an entry becomes part of the books only when balanced, and then its
-- amounts are frozen. The frozen triggers stand aside for closed exercises so
-- that the lock triggers answer there, whatever order SQLite fires them in
-- (the most recently created first).

CREATE TRIGGER entries_insert_draft BEFORE INSERT ON entries
WHEN NEW.posted <> 0
BEGIN
    SELECT RAISE(ABORT, 'tantieme: une écriture est validée après l''ajout de ses lignes');
END;

CREATE TRIGGER entries_post_check BEFORE UPDATE OF posted ON entries
WHEN OLD.posted = 0 AND NEW.posted = 1
     AND ((SELECT count(*) FROM lines WHERE entry_id = NEW.id) < 2
          OR (SELECT total(debit) - total(credit) FROM lines WHERE entry_id = NEW.id) <> 0)
BEGIN
    SELECT RAISE(ABORT, 'tantieme: écriture déséquilibrée : le total des débits doit égaler le total des crédits, sur au moins deux lignes');
END;

CREATE TRIGGER entries_unpost BEFORE UPDATE OF posted ON entries
WHEN OLD.posted = 1 AND NEW.posted = 0
BEGIN
    SELECT RAISE(ABORT, 'tantieme: une écriture validée ne peut pas redevenir un brouillon');
END;

CREATE TRIGGER entries_post_totals AFTER UPDATE OF posted ON entries
WHEN OLD.posted = 0 AND NEW.posted = 1
BEGIN
    INSERT INTO day_totals (account, key, date, opening, debit, credit)
        SELECT account, coalesce(key, ''), NEW.date, NEW.journal = 'AN', sum(debit), sum(credit)
        FROM lines WHERE entry_id = NEW.id GROUP BY account, coalesce(key, '')
        ON CONFLICT (account, date, key, opening) DO UPDATE
        SET debit = debit + excluded.debit, credit = credit + excluded.credit;
END;

CREATE TRIGGER entries_move_totals AFTER UPDATE OF date ON entries
WHEN OLD.posted = 1 AND NEW.posted = 1 AND OLD.date <> NEW.date
BEGIN
    UPDATE day_totals SET
        debit = debit - (SELECT total(debit) FROM lines l WHERE l.entry_id = NEW.id
                         AND l.account = day_totals.account AND coalesce(l.key, '') = day_totals.key),
        credit = credit - (SELECT total(credit) FROM lines l WHERE l.entry_id = NEW.id
                           AND l.account = day_totals.account AND coalesce(l.key, '') = day_totals.key)
    WHERE date = OLD.date AND opening = (OLD.journal = 'AN')
      AND (account, key) IN (SELECT account, coalesce(key, '') FROM lines WHERE entry_id = NEW.id);
    DELETE FROM day_totals WHERE date = OLD.date AND debit = 0 AND credit = 0;
    INSERT INTO day_totals (account, key, date, opening, debit, credit)
        SELECT account, coalesce(key, ''), NEW.date, NEW.journal = 'AN', sum(debit), sum(credit)
        FROM lines WHERE entry_id = NEW.id GROUP BY account, coalesce(key, '')
        ON CONFLICT (account, date, key, opening) DO UPDATE
        SET debit = debit + excluded.debit, credit = credit + excluded.credit;
END;

-- A posted entry may move to another journal, but not into or out of AN:
-- opening balances are counted apart (day_totals.opening).
CREATE TRIGGER entries_journal_an BEFORE UPDATE OF journal ON entries
WHEN OLD.posted = 1 AND (OLD.journal = 'AN') <> (NEW.journal = 'AN')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: une écriture validée ne peut pas entrer dans le journal des à-nouveaux (AN) ni en sortir');
END;

CREATE TRIGGER lines_frozen_insert BEFORE INSERT ON lines
WHEN (SELECT posted FROM entries WHERE id = NEW.entry_id) = 1
     AND NOT EXISTS (SELECT 1 FROM entries e JOIN exercises x ON e.date BETWEEN x.start AND x.end
                     WHERE e.id = NEW.entry_id AND x.closed = 1)
BEGIN
    SELECT RAISE(ABORT, 'tantieme: une écriture validée ne peut pas recevoir de nouvelle ligne');
END;

CREATE TRIGGER lines_frozen_update BEFORE UPDATE OF entry_id, account, debit, credit ON lines
WHEN ((SELECT posted FROM entries WHERE id = OLD.entry_id) = 1
      OR (SELECT posted FROM entries WHERE id = NEW.entry_id) = 1)
     AND NOT EXISTS (SELECT 1 FROM entries e JOIN exercises x ON e.date BETWEEN x.start AND x.end
                     WHERE e.id IN (OLD.entry_id, NEW.entry_id) AND x.closed = 1)
BEGIN
    SELECT RAISE(ABORT, 'tantieme: les montants et comptes d''une écriture validée ne peuvent pas changer ; supprimez-la ou contre-passez-la');
END;

-- A line's key may be corrected on a posted entry (the balance does not move);
-- the per-key totals follow.
CREATE TRIGGER lines_key_totals AFTER UPDATE OF key ON lines
WHEN coalesce(OLD.key, '') <> coalesce(NEW.key, '')
     AND (SELECT posted FROM entries WHERE id = NEW.entry_id) = 1
BEGIN
    UPDATE day_totals SET debit = debit - OLD.debit, credit = credit - OLD.credit
    WHERE account = OLD.account AND key = coalesce(OLD.key, '')
      AND (date, opening) = (SELECT date, journal = 'AN' FROM entries WHERE id = OLD.entry_id);
    DELETE FROM day_totals WHERE account = OLD.account AND key = coalesce(OLD.key, '')
      AND (date, opening) = (SELECT date, journal = 'AN' FROM entries WHERE id = OLD.entry_id)
      AND debit = 0 AND credit = 0;
    INSERT INTO day_totals (account, key, date, opening, debit, credit)
        SELECT NEW.account, coalesce(NEW.key, ''), date, journal = 'AN', NEW.debit, NEW.credit
        FROM entries WHERE id = NEW.entry_id
        ON CONFLICT (account, date, key, opening) DO UPDATE
        SET debit = debit + excluded.debit, credit = credit + excluded.credit;
END;

CREATE TRIGGER lines_frozen_delete BEFORE DELETE ON lines
WHEN (SELECT posted FROM entries WHERE id = OLD.entry_id) = 1
     AND NOT EXISTS (SELECT 1 FROM entries e JOIN exercises x ON e.date BETWEEN x.start AND x.end
                     WHERE e.id = OLD.entry_id AND x.closed = 1)
BEGIN
    SELECT RAISE(ABORT, 'tantieme: une ligne d''écriture validée ne peut pas être supprimée seule ; supprimez l''écriture entière');
END;

-- Deleting an entry takes its lines and their totals with it (no reliance on
-- ON DELETE CASCADE, which needs foreign_keys on).
CREATE TRIGGER entries_delete_lines AFTER DELETE ON entries
BEGIN
    UPDATE day_totals SET
        debit = debit - (SELECT total(debit) FROM lines l WHERE l.entry_id = OLD.id
                         AND l.account = day_totals.account AND coalesce(l.key, '') = day_totals.key),
        credit = credit - (SELECT total(credit) FROM lines l WHERE l.entry_id = OLD.id
                           AND l.account = day_totals.account AND coalesce(l.key, '') = day_totals.key)
    WHERE OLD.posted = 1 AND date = OLD.date AND opening = (OLD.journal = 'AN')
      AND (account, key) IN (SELECT account, coalesce(key, '') FROM lines WHERE entry_id = OLD.id);
    DELETE FROM day_totals WHERE OLD.posted = 1 AND date = OLD.date AND debit = 0 AND credit = 0;
    DELETE FROM lines WHERE entry_id = OLD.id;
END;

-- The totals are maintained by the triggers only.
------------------------------------------------------------------------------
-- Reference data that entries depend on.

CREATE TRIGGER accounts_delete BEFORE DELETE ON accounts
WHEN EXISTS (SELECT 1 FROM lines WHERE account = OLD.code)
BEGIN
    SELECT RAISE(ABORT, 'tantieme:conflict: un compte mouvementé ne peut pas être supprimé');
END;

CREATE TRIGGER accounts_renumber BEFORE UPDATE OF code ON accounts
BEGIN
    SELECT RAISE(ABORT, 'tantieme: le numéro d''un compte ne peut pas changer');
END;

CREATE TRIGGER keys_delete BEFORE DELETE ON keys
WHEN EXISTS (SELECT 1 FROM lines WHERE key = OLD.code)
     OR EXISTS (SELECT 1 FROM shares WHERE key = OLD.code)
     OR EXISTS (SELECT 1 FROM budget WHERE key = OLD.code)
BEGIN
    SELECT RAISE(ABORT, 'tantieme:conflict: une clé utilisée (tantièmes, budget ou écritures) ne peut pas être supprimée');
END;

CREATE TRIGGER keys_recode BEFORE UPDATE OF code ON keys
BEGIN
    SELECT RAISE(ABORT, 'tantieme: le code d''une clé ne peut pas changer');
END;
