-- Schema 5: what a bank account needs for SEPA and for annexe 1.
-- ics: the SEPA creditor identifier (identifiant créancier SEPA) the
-- syndicat uses for direct debits from this account ('' when it has none).
-- savings: a savings account (livret, compte à terme), shown on annexe 1's
-- « 50 Fonds placés » line (décret n° 2005-240, annexe 1); the official chart
-- puts such placements in 50x, so only a 50x account can be one.

ALTER TABLE bank_accounts ADD COLUMN ics TEXT NOT NULL DEFAULT '';
ALTER TABLE bank_accounts ADD COLUMN savings INTEGER NOT NULL DEFAULT 0
    CHECK (savings IN (0, 1) AND (savings = 0 OR account GLOB '50*'));

UPDATE bank_accounts SET savings = 1 WHERE account GLOB '50*';
