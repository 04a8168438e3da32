-- Text limits: a limit on every text of the residence, and no control
-- characters in them (issue 12, items 9 and 11). ledger/text.go holds the
-- limits (MaxShortText 50, MaxNameText 255, MaxLabelText 500,
-- MaxAddressText 1000, MaxOptionText 4096, MaxNotesText 10000,
-- MaxTemplateText 100000 characters) and the policy (CleanText); every
-- write of the program goes through it. The triggers below repeat the
-- checks for writes that do not (raw SQL, a bug): SQLite cannot add a CHECK
-- to an existing table without rebuilding it.
--
-- Each trigger refuses, in one column: more characters than its limit; a
-- NUL (length() and GLOB stop at the first NUL, so it is looked for in the
-- bytes with instr); a C0 control (U+0001-U+001F; LF allowed in multi-line
-- columns: addresses, notes, letter templates), DEL and the C1 controls
-- (U+007F-U+009F), the bidi embeddings, overrides and isolates
-- (U+202A-U+202E, U+2066-U+2069). The GLOB class is built with char():
-- char(1,45,31) is the three characters U+0001 '-' U+001F, a range.
-- An update is checked only when the value changes, so that a value
-- written before these limits never blocks an unrelated update.
--
-- Existing rows are cleaned first where that is safe: in one-line columns
-- TAB, CR and LF become spaces; in multi-line ones CR LF and CR become LF
-- and TAB a space; then texts are cut to their limit. Values holding a NUL
-- are left as they are (SQLite's text functions stop at a NUL, so cleaning
-- them would lose what follows it); so are the entries, their lines and
-- the calls, which are the books themselves: the program refuses such a
-- value when it is edited, naming the field, and every export makes it
-- safe when it is written.


------------------------------------------------------------------------------
-- Cleaning what was written before.

UPDATE residence SET name = substr(replace(replace(replace(replace(name, char(13,10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), 1, 255)
WHERE instr(CAST(name AS BLOB), x'00') = 0 AND (length(name) > 255 OR name GLOB '*[' || char(9,10,13) || ']*');
UPDATE residence SET address = substr(replace(replace(replace(address, char(13,10), char(10)), char(13), char(10)), char(9), ' '), 1, 1000)
WHERE instr(CAST(address AS BLOB), x'00') = 0 AND (length(address) > 1000 OR address GLOB '*[' || char(9,13) || ']*');
UPDATE residence SET zip = substr(replace(replace(replace(replace(zip, char(13,10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), 1, 50)
WHERE instr(CAST(zip AS BLOB), x'00') = 0 AND (length(zip) > 50 OR zip GLOB '*[' || char(9,10,13) || ']*');
UPDATE residence SET city = substr(replace(replace(replace(replace(city, char(13,10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), 1, 255)
WHERE instr(CAST(city AS BLOB), x'00') = 0 AND (length(city) > 255 OR city GLOB '*[' || char(9,10,13) || ']*');
UPDATE residence SET syndic_name = substr(replace(replace(replace(replace(syndic_name, char(13,10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), 1, 255)
WHERE instr(CAST(syndic_name AS BLOB), x'00') = 0 AND (length(syndic_name) > 255 OR syndic_name GLOB '*[' || char(9,10,13) || ']*');
UPDATE residence SET syndic_address = substr(replace(replace(replace(syndic_address, char(13,10), char(10)), char(13), char(10)), char(9), ' '), 1, 1000)
WHERE instr(CAST(syndic_address AS BLOB), x'00') = 0 AND (length(syndic_address) > 1000 OR syndic_address GLOB '*[' || char(9,13) || ']*');
UPDATE residence SET syndic_phone = substr(replace(replace(replace(replace(syndic_phone, char(13,10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), 1, 50)
WHERE instr(CAST(syndic_phone AS BLOB), x'00') = 0 AND (length(syndic_phone) > 50 OR syndic_phone GLOB '*[' || char(9,10,13) || ']*');
UPDATE residence SET syndic_email = substr(replace(replace(replace(replace(syndic_email, char(13,10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), 1, 255)
WHERE instr(CAST(syndic_email AS BLOB), x'00') = 0 AND (length(syndic_email) > 255 OR syndic_email GLOB '*[' || char(9,10,13) || ']*');
UPDATE residence SET created_at = substr(replace(replace(replace(replace(created_at, char(13,10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), 1, 50)
WHERE instr(CAST(created_at AS BLOB), x'00') = 0 AND (length(created_at) > 50 OR created_at GLOB '*[' || char(9,10,13) || ']*');
UPDATE options SET name = substr(replace(replace(replace(replace(name, char(13,10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), 1, 255)
WHERE instr(CAST(name AS BLOB), x'00') = 0 AND (length(name) > 255 OR name GLOB '*[' || char(9,10,13) || ']*');
UPDATE options SET value = substr(replace(replace(replace(replace(value, char(13,10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), 1, 4096)
WHERE instr(CAST(value AS BLOB), x'00') = 0 AND (length(value) > 4096 OR value GLOB '*[' || char(9,10,13) || ']*');
UPDATE exercises SET closed_at = substr(replace(replace(replace(replace(closed_at, char(13,10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), 1, 50)
WHERE instr(CAST(closed_at AS BLOB), x'00') = 0 AND (length(closed_at) > 50 OR closed_at GLOB '*[' || char(9,10,13) || ']*');
UPDATE accounts SET label = substr(replace(replace(replace(replace(label, char(13,10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), 1, 500)
WHERE instr(CAST(label AS BLOB), x'00') = 0 AND (length(label) > 500 OR label GLOB '*[' || char(9,10,13) || ']*');
UPDATE journals SET label = substr(replace(replace(replace(replace(label, char(13,10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), 1, 255)
WHERE instr(CAST(label AS BLOB), x'00') = 0 AND (length(label) > 255 OR label GLOB '*[' || char(9,10,13) || ']*');
UPDATE bank_accounts SET label = substr(replace(replace(replace(replace(label, char(13,10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), 1, 255)
WHERE instr(CAST(label AS BLOB), x'00') = 0 AND (length(label) > 255 OR label GLOB '*[' || char(9,10,13) || ']*');
UPDATE bank_accounts SET iban = substr(replace(replace(replace(replace(iban, char(13,10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), 1, 50)
WHERE instr(CAST(iban AS BLOB), x'00') = 0 AND (length(iban) > 50 OR iban GLOB '*[' || char(9,10,13) || ']*');
UPDATE bank_accounts SET bic = substr(replace(replace(replace(replace(bic, char(13,10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), 1, 50)
WHERE instr(CAST(bic AS BLOB), x'00') = 0 AND (length(bic) > 50 OR bic GLOB '*[' || char(9,10,13) || ']*');
UPDATE owners SET civility = substr(replace(replace(replace(replace(civility, char(13,10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), 1, 50)
WHERE instr(CAST(civility AS BLOB), x'00') = 0 AND (length(civility) > 50 OR civility GLOB '*[' || char(9,10,13) || ']*');
UPDATE owners SET name = substr(replace(replace(replace(replace(name, char(13,10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), 1, 255)
WHERE instr(CAST(name AS BLOB), x'00') = 0 AND (length(name) > 255 OR name GLOB '*[' || char(9,10,13) || ']*');
UPDATE owners SET address = substr(replace(replace(replace(address, char(13,10), char(10)), char(13), char(10)), char(9), ' '), 1, 1000)
WHERE instr(CAST(address AS BLOB), x'00') = 0 AND (length(address) > 1000 OR address GLOB '*[' || char(9,13) || ']*');
UPDATE owners SET zip = substr(replace(replace(replace(replace(zip, char(13,10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), 1, 50)
WHERE instr(CAST(zip AS BLOB), x'00') = 0 AND (length(zip) > 50 OR zip GLOB '*[' || char(9,10,13) || ']*');
UPDATE owners SET city = substr(replace(replace(replace(replace(city, char(13,10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), 1, 255)
WHERE instr(CAST(city AS BLOB), x'00') = 0 AND (length(city) > 255 OR city GLOB '*[' || char(9,10,13) || ']*');
UPDATE owners SET country = substr(replace(replace(replace(replace(country, char(13,10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), 1, 255)
WHERE instr(CAST(country AS BLOB), x'00') = 0 AND (length(country) > 255 OR country GLOB '*[' || char(9,10,13) || ']*');
UPDATE owners SET email = substr(replace(replace(replace(replace(email, char(13,10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), 1, 255)
WHERE instr(CAST(email AS BLOB), x'00') = 0 AND (length(email) > 255 OR email GLOB '*[' || char(9,10,13) || ']*');
UPDATE owners SET phone = substr(replace(replace(replace(replace(phone, char(13,10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), 1, 50)
WHERE instr(CAST(phone AS BLOB), x'00') = 0 AND (length(phone) > 50 OR phone GLOB '*[' || char(9,10,13) || ']*');
UPDATE owners SET mobile = substr(replace(replace(replace(replace(mobile, char(13,10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), 1, 50)
WHERE instr(CAST(mobile AS BLOB), x'00') = 0 AND (length(mobile) > 50 OR mobile GLOB '*[' || char(9,10,13) || ']*');
UPDATE owners SET bank_name = substr(replace(replace(replace(replace(bank_name, char(13,10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), 1, 255)
WHERE instr(CAST(bank_name AS BLOB), x'00') = 0 AND (length(bank_name) > 255 OR bank_name GLOB '*[' || char(9,10,13) || ']*');
UPDATE owners SET entry_date = substr(replace(replace(replace(replace(entry_date, char(13,10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), 1, 50)
WHERE instr(CAST(entry_date AS BLOB), x'00') = 0 AND (length(entry_date) > 50 OR entry_date GLOB '*[' || char(9,10,13) || ']*');
UPDATE owners SET exit_date = substr(replace(replace(replace(replace(exit_date, char(13,10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), 1, 50)
WHERE instr(CAST(exit_date AS BLOB), x'00') = 0 AND (length(exit_date) > 50 OR exit_date GLOB '*[' || char(9,10,13) || ']*');
UPDATE owners SET notes = substr(replace(replace(replace(notes, char(13,10), char(10)), char(13), char(10)), char(9), ' '), 1, 10000)
WHERE instr(CAST(notes AS BLOB), x'00') = 0 AND (length(notes) > 10000 OR notes GLOB '*[' || char(9,13) || ']*');
UPDATE lots SET label = substr(replace(replace(replace(replace(label, char(13,10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), 1, 255)
WHERE instr(CAST(label AS BLOB), x'00') = 0 AND (length(label) > 255 OR label GLOB '*[' || char(9,10,13) || ']*');
UPDATE lots SET type = substr(replace(replace(replace(replace(type, char(13,10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), 1, 50)
WHERE instr(CAST(type AS BLOB), x'00') = 0 AND (length(type) > 50 OR type GLOB '*[' || char(9,10,13) || ']*');
UPDATE lots SET building = substr(replace(replace(replace(replace(building, char(13,10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), 1, 50)
WHERE instr(CAST(building AS BLOB), x'00') = 0 AND (length(building) > 50 OR building GLOB '*[' || char(9,10,13) || ']*');
UPDATE lots SET staircase = substr(replace(replace(replace(replace(staircase, char(13,10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), 1, 50)
WHERE instr(CAST(staircase AS BLOB), x'00') = 0 AND (length(staircase) > 50 OR staircase GLOB '*[' || char(9,10,13) || ']*');
UPDATE lots SET floor = substr(replace(replace(replace(replace(floor, char(13,10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), 1, 50)
WHERE instr(CAST(floor AS BLOB), x'00') = 0 AND (length(floor) > 50 OR floor GLOB '*[' || char(9,10,13) || ']*');
UPDATE lots SET door = substr(replace(replace(replace(replace(door, char(13,10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), 1, 50)
WHERE instr(CAST(door AS BLOB), x'00') = 0 AND (length(door) > 50 OR door GLOB '*[' || char(9,10,13) || ']*');
UPDATE keys SET label = substr(replace(replace(replace(replace(label, char(13,10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), 1, 255)
WHERE instr(CAST(label AS BLOB), x'00') = 0 AND (length(label) > 255 OR label GLOB '*[' || char(9,10,13) || ']*');
UPDATE keys SET declared_total = substr(replace(replace(replace(replace(declared_total, char(13,10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), 1, 50)
WHERE instr(CAST(declared_total AS BLOB), x'00') = 0 AND (length(declared_total) > 50 OR declared_total GLOB '*[' || char(9,10,13) || ']*');
UPDATE suppliers SET name = substr(replace(replace(replace(replace(name, char(13,10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), 1, 255)
WHERE instr(CAST(name AS BLOB), x'00') = 0 AND (length(name) > 255 OR name GLOB '*[' || char(9,10,13) || ']*');
UPDATE suppliers SET address = substr(replace(replace(replace(address, char(13,10), char(10)), char(13), char(10)), char(9), ' '), 1, 1000)
WHERE instr(CAST(address AS BLOB), x'00') = 0 AND (length(address) > 1000 OR address GLOB '*[' || char(9,13) || ']*');
UPDATE suppliers SET zip = substr(replace(replace(replace(replace(zip, char(13,10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), 1, 50)
WHERE instr(CAST(zip AS BLOB), x'00') = 0 AND (length(zip) > 50 OR zip GLOB '*[' || char(9,10,13) || ']*');
UPDATE suppliers SET city = substr(replace(replace(replace(replace(city, char(13,10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), 1, 255)
WHERE instr(CAST(city AS BLOB), x'00') = 0 AND (length(city) > 255 OR city GLOB '*[' || char(9,10,13) || ']*');
UPDATE suppliers SET iban = substr(replace(replace(replace(replace(iban, char(13,10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), 1, 50)
WHERE instr(CAST(iban AS BLOB), x'00') = 0 AND (length(iban) > 50 OR iban GLOB '*[' || char(9,10,13) || ']*');
UPDATE suppliers SET bic = substr(replace(replace(replace(replace(bic, char(13,10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), 1, 50)
WHERE instr(CAST(bic AS BLOB), x'00') = 0 AND (length(bic) > 50 OR bic GLOB '*[' || char(9,10,13) || ']*');
UPDATE suppliers SET contact = substr(replace(replace(replace(replace(contact, char(13,10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), 1, 255)
WHERE instr(CAST(contact AS BLOB), x'00') = 0 AND (length(contact) > 255 OR contact GLOB '*[' || char(9,10,13) || ']*');
UPDATE suppliers SET phone = substr(replace(replace(replace(replace(phone, char(13,10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), 1, 50)
WHERE instr(CAST(phone AS BLOB), x'00') = 0 AND (length(phone) > 50 OR phone GLOB '*[' || char(9,10,13) || ']*');
UPDATE suppliers SET email = substr(replace(replace(replace(replace(email, char(13,10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), 1, 255)
WHERE instr(CAST(email AS BLOB), x'00') = 0 AND (length(email) > 255 OR email GLOB '*[' || char(9,10,13) || ']*');
UPDATE suppliers SET notes = substr(replace(replace(replace(notes, char(13,10), char(10)), char(13), char(10)), char(9), ' '), 1, 10000)
WHERE instr(CAST(notes AS BLOB), x'00') = 0 AND (length(notes) > 10000 OR notes GLOB '*[' || char(9,13) || ']*');
UPDATE works SET label = substr(replace(replace(replace(replace(label, char(13,10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), 1, 255)
WHERE instr(CAST(label AS BLOB), x'00') = 0 AND (length(label) > 255 OR label GLOB '*[' || char(9,10,13) || ']*');
UPDATE works SET ag_date = substr(replace(replace(replace(replace(ag_date, char(13,10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), 1, 50)
WHERE instr(CAST(ag_date AS BLOB), x'00') = 0 AND (length(ag_date) > 50 OR ag_date GLOB '*[' || char(9,10,13) || ']*');
UPDATE works SET end_date = substr(replace(replace(replace(replace(end_date, char(13,10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), 1, 50)
WHERE instr(CAST(end_date AS BLOB), x'00') = 0 AND (length(end_date) > 50 OR end_date GLOB '*[' || char(9,10,13) || ']*');
UPDATE works SET notes = substr(replace(replace(replace(notes, char(13,10), char(10)), char(13), char(10)), char(9), ' '), 1, 10000)
WHERE instr(CAST(notes AS BLOB), x'00') = 0 AND (length(notes) > 10000 OR notes GLOB '*[' || char(9,13) || ']*');
UPDATE letter_templates SET name = substr(replace(replace(replace(replace(name, char(13,10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), 1, 255)
WHERE instr(CAST(name AS BLOB), x'00') = 0 AND (length(name) > 255 OR name GLOB '*[' || char(9,10,13) || ']*');
UPDATE letter_templates SET body = substr(replace(replace(replace(body, char(13,10), char(10)), char(13), char(10)), char(9), ' '), 1, 100000)
WHERE instr(CAST(body AS BLOB), x'00') = 0 AND (length(body) > 100000 OR body GLOB '*[' || char(9,13) || ']*');
UPDATE letter_images SET name = substr(replace(replace(replace(replace(name, char(13,10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), 1, 255)
WHERE instr(CAST(name AS BLOB), x'00') = 0 AND (length(name) > 255 OR name GLOB '*[' || char(9,10,13) || ']*');
UPDATE receipts SET cheque_number = substr(replace(replace(replace(replace(cheque_number, char(13,10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), 1, 50)
WHERE instr(CAST(cheque_number AS BLOB), x'00') = 0 AND (length(cheque_number) > 50 OR cheque_number GLOB '*[' || char(9,10,13) || ']*');
UPDATE receipts SET drawer = substr(replace(replace(replace(replace(drawer, char(13,10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), 1, 255)
WHERE instr(CAST(drawer AS BLOB), x'00') = 0 AND (length(drawer) > 255 OR drawer GLOB '*[' || char(9,10,13) || ']*');
UPDATE receipts SET drawer_bank = substr(replace(replace(replace(replace(drawer_bank, char(13,10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), 1, 255)
WHERE instr(CAST(drawer_bank AS BLOB), x'00') = 0 AND (length(drawer_bank) > 255 OR drawer_bank GLOB '*[' || char(9,10,13) || ']*');
UPDATE invoices SET number = substr(replace(replace(replace(replace(number, char(13,10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), 1, 50)
WHERE instr(CAST(number AS BLOB), x'00') = 0 AND (length(number) > 50 OR number GLOB '*[' || char(9,10,13) || ']*');

------------------------------------------------------------------------------
-- The checks.


CREATE TRIGGER residence_name_text_insert BEFORE INSERT ON residence
WHEN length(NEW.name) > 255 OR instr(CAST(NEW.name AS BLOB), x'00') > 0
     OR NEW.name GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: nom de la résidence : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER residence_name_text_update BEFORE UPDATE OF name ON residence
WHEN NEW.name IS NOT OLD.name AND (length(NEW.name) > 255 OR instr(CAST(NEW.name AS BLOB), x'00') > 0
     OR NEW.name GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: nom de la résidence : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER residence_address_text_insert BEFORE INSERT ON residence
WHEN length(NEW.address) > 1000 OR instr(CAST(NEW.address AS BLOB), x'00') > 0
     OR NEW.address GLOB '*[' || char(1,45,9,11,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: adresse de la résidence : texte trop long (1000 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER residence_address_text_update BEFORE UPDATE OF address ON residence
WHEN NEW.address IS NOT OLD.address AND (length(NEW.address) > 1000 OR instr(CAST(NEW.address AS BLOB), x'00') > 0
     OR NEW.address GLOB '*[' || char(1,45,9,11,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: adresse de la résidence : texte trop long (1000 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER residence_zip_text_insert BEFORE INSERT ON residence
WHEN length(NEW.zip) > 50 OR instr(CAST(NEW.zip AS BLOB), x'00') > 0
     OR NEW.zip GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: code postal de la résidence : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER residence_zip_text_update BEFORE UPDATE OF zip ON residence
WHEN NEW.zip IS NOT OLD.zip AND (length(NEW.zip) > 50 OR instr(CAST(NEW.zip AS BLOB), x'00') > 0
     OR NEW.zip GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: code postal de la résidence : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER residence_city_text_insert BEFORE INSERT ON residence
WHEN length(NEW.city) > 255 OR instr(CAST(NEW.city AS BLOB), x'00') > 0
     OR NEW.city GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: ville de la résidence : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER residence_city_text_update BEFORE UPDATE OF city ON residence
WHEN NEW.city IS NOT OLD.city AND (length(NEW.city) > 255 OR instr(CAST(NEW.city AS BLOB), x'00') > 0
     OR NEW.city GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: ville de la résidence : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER residence_syndic_name_text_insert BEFORE INSERT ON residence
WHEN length(NEW.syndic_name) > 255 OR instr(CAST(NEW.syndic_name AS BLOB), x'00') > 0
     OR NEW.syndic_name GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: nom du syndic : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER residence_syndic_name_text_update BEFORE UPDATE OF syndic_name ON residence
WHEN NEW.syndic_name IS NOT OLD.syndic_name AND (length(NEW.syndic_name) > 255 OR instr(CAST(NEW.syndic_name AS BLOB), x'00') > 0
     OR NEW.syndic_name GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: nom du syndic : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER residence_syndic_address_text_insert BEFORE INSERT ON residence
WHEN length(NEW.syndic_address) > 1000 OR instr(CAST(NEW.syndic_address AS BLOB), x'00') > 0
     OR NEW.syndic_address GLOB '*[' || char(1,45,9,11,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: adresse du syndic : texte trop long (1000 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER residence_syndic_address_text_update BEFORE UPDATE OF syndic_address ON residence
WHEN NEW.syndic_address IS NOT OLD.syndic_address AND (length(NEW.syndic_address) > 1000 OR instr(CAST(NEW.syndic_address AS BLOB), x'00') > 0
     OR NEW.syndic_address GLOB '*[' || char(1,45,9,11,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: adresse du syndic : texte trop long (1000 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER residence_syndic_phone_text_insert BEFORE INSERT ON residence
WHEN length(NEW.syndic_phone) > 50 OR instr(CAST(NEW.syndic_phone AS BLOB), x'00') > 0
     OR NEW.syndic_phone GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: téléphone du syndic : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER residence_syndic_phone_text_update BEFORE UPDATE OF syndic_phone ON residence
WHEN NEW.syndic_phone IS NOT OLD.syndic_phone AND (length(NEW.syndic_phone) > 50 OR instr(CAST(NEW.syndic_phone AS BLOB), x'00') > 0
     OR NEW.syndic_phone GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: téléphone du syndic : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER residence_syndic_email_text_insert BEFORE INSERT ON residence
WHEN length(NEW.syndic_email) > 255 OR instr(CAST(NEW.syndic_email AS BLOB), x'00') > 0
     OR NEW.syndic_email GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: e-mail du syndic : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER residence_syndic_email_text_update BEFORE UPDATE OF syndic_email ON residence
WHEN NEW.syndic_email IS NOT OLD.syndic_email AND (length(NEW.syndic_email) > 255 OR instr(CAST(NEW.syndic_email AS BLOB), x'00') > 0
     OR NEW.syndic_email GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: e-mail du syndic : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER residence_created_at_text_insert BEFORE INSERT ON residence
WHEN length(NEW.created_at) > 50 OR instr(CAST(NEW.created_at AS BLOB), x'00') > 0
     OR NEW.created_at GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: date de création de la résidence : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER residence_created_at_text_update BEFORE UPDATE OF created_at ON residence
WHEN NEW.created_at IS NOT OLD.created_at AND (length(NEW.created_at) > 50 OR instr(CAST(NEW.created_at AS BLOB), x'00') > 0
     OR NEW.created_at GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: date de création de la résidence : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;


CREATE TRIGGER options_name_text_insert BEFORE INSERT ON options
WHEN length(NEW.name) > 255 OR instr(CAST(NEW.name AS BLOB), x'00') > 0
     OR NEW.name GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: nom d''une option : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER options_name_text_update BEFORE UPDATE OF name ON options
WHEN NEW.name IS NOT OLD.name AND (length(NEW.name) > 255 OR instr(CAST(NEW.name AS BLOB), x'00') > 0
     OR NEW.name GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: nom d''une option : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER options_value_text_insert BEFORE INSERT ON options
WHEN length(NEW.value) > 4096 OR instr(CAST(NEW.value AS BLOB), x'00') > 0
     OR NEW.value GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: valeur d''une option : texte trop long (4096 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER options_value_text_update BEFORE UPDATE OF value ON options
WHEN NEW.value IS NOT OLD.value AND (length(NEW.value) > 4096 OR instr(CAST(NEW.value AS BLOB), x'00') > 0
     OR NEW.value GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: valeur d''une option : texte trop long (4096 caractères au plus) ou caractère de contrôle invisible');
END;


CREATE TRIGGER exercises_closed_at_text_insert BEFORE INSERT ON exercises
WHEN length(NEW.closed_at) > 50 OR instr(CAST(NEW.closed_at AS BLOB), x'00') > 0
     OR NEW.closed_at GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: date de clôture d''un exercice : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER exercises_closed_at_text_update BEFORE UPDATE OF closed_at ON exercises
WHEN NEW.closed_at IS NOT OLD.closed_at AND (length(NEW.closed_at) > 50 OR instr(CAST(NEW.closed_at AS BLOB), x'00') > 0
     OR NEW.closed_at GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: date de clôture d''un exercice : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;


CREATE TRIGGER accounts_label_text_insert BEFORE INSERT ON accounts
WHEN length(NEW.label) > 500 OR instr(CAST(NEW.label AS BLOB), x'00') > 0
     OR NEW.label GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: libellé d''un compte : texte trop long (500 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER accounts_label_text_update BEFORE UPDATE OF label ON accounts
WHEN NEW.label IS NOT OLD.label AND (length(NEW.label) > 500 OR instr(CAST(NEW.label AS BLOB), x'00') > 0
     OR NEW.label GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: libellé d''un compte : texte trop long (500 caractères au plus) ou caractère de contrôle invisible');
END;


CREATE TRIGGER journals_label_text_insert BEFORE INSERT ON journals
WHEN length(NEW.label) > 255 OR instr(CAST(NEW.label AS BLOB), x'00') > 0
     OR NEW.label GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: libellé d''un journal : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER journals_label_text_update BEFORE UPDATE OF label ON journals
WHEN NEW.label IS NOT OLD.label AND (length(NEW.label) > 255 OR instr(CAST(NEW.label AS BLOB), x'00') > 0
     OR NEW.label GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: libellé d''un journal : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;


CREATE TRIGGER bank_accounts_label_text_insert BEFORE INSERT ON bank_accounts
WHEN length(NEW.label) > 255 OR instr(CAST(NEW.label AS BLOB), x'00') > 0
     OR NEW.label GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: libellé d''un compte bancaire : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER bank_accounts_label_text_update BEFORE UPDATE OF label ON bank_accounts
WHEN NEW.label IS NOT OLD.label AND (length(NEW.label) > 255 OR instr(CAST(NEW.label AS BLOB), x'00') > 0
     OR NEW.label GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: libellé d''un compte bancaire : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER bank_accounts_iban_text_insert BEFORE INSERT ON bank_accounts
WHEN length(NEW.iban) > 50 OR instr(CAST(NEW.iban AS BLOB), x'00') > 0
     OR NEW.iban GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: IBAN d''un compte bancaire : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER bank_accounts_iban_text_update BEFORE UPDATE OF iban ON bank_accounts
WHEN NEW.iban IS NOT OLD.iban AND (length(NEW.iban) > 50 OR instr(CAST(NEW.iban AS BLOB), x'00') > 0
     OR NEW.iban GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: IBAN d''un compte bancaire : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER bank_accounts_bic_text_insert BEFORE INSERT ON bank_accounts
WHEN length(NEW.bic) > 50 OR instr(CAST(NEW.bic AS BLOB), x'00') > 0
     OR NEW.bic GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: BIC d''un compte bancaire : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER bank_accounts_bic_text_update BEFORE UPDATE OF bic ON bank_accounts
WHEN NEW.bic IS NOT OLD.bic AND (length(NEW.bic) > 50 OR instr(CAST(NEW.bic AS BLOB), x'00') > 0
     OR NEW.bic GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: BIC d''un compte bancaire : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

-- The creditor identifier (ICS) came with the bank accounts' migration.
CREATE TRIGGER bank_accounts_ics_text_insert BEFORE INSERT ON bank_accounts
WHEN length(NEW.ics) > 50 OR instr(CAST(NEW.ics AS BLOB), x'00') > 0
     OR NEW.ics GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: ICS d''un compte bancaire : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER bank_accounts_ics_text_update BEFORE UPDATE OF ics ON bank_accounts
WHEN NEW.ics IS NOT OLD.ics AND (length(NEW.ics) > 50 OR instr(CAST(NEW.ics AS BLOB), x'00') > 0
     OR NEW.ics GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: ICS d''un compte bancaire : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;


CREATE TRIGGER owners_civility_text_insert BEFORE INSERT ON owners
WHEN length(NEW.civility) > 50 OR instr(CAST(NEW.civility AS BLOB), x'00') > 0
     OR NEW.civility GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: civilité d''un copropriétaire : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER owners_civility_text_update BEFORE UPDATE OF civility ON owners
WHEN NEW.civility IS NOT OLD.civility AND (length(NEW.civility) > 50 OR instr(CAST(NEW.civility AS BLOB), x'00') > 0
     OR NEW.civility GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: civilité d''un copropriétaire : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER owners_name_text_insert BEFORE INSERT ON owners
WHEN length(NEW.name) > 255 OR instr(CAST(NEW.name AS BLOB), x'00') > 0
     OR NEW.name GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: nom d''un copropriétaire : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER owners_name_text_update BEFORE UPDATE OF name ON owners
WHEN NEW.name IS NOT OLD.name AND (length(NEW.name) > 255 OR instr(CAST(NEW.name AS BLOB), x'00') > 0
     OR NEW.name GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: nom d''un copropriétaire : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER owners_address_text_insert BEFORE INSERT ON owners
WHEN length(NEW.address) > 1000 OR instr(CAST(NEW.address AS BLOB), x'00') > 0
     OR NEW.address GLOB '*[' || char(1,45,9,11,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: adresse d''un copropriétaire : texte trop long (1000 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER owners_address_text_update BEFORE UPDATE OF address ON owners
WHEN NEW.address IS NOT OLD.address AND (length(NEW.address) > 1000 OR instr(CAST(NEW.address AS BLOB), x'00') > 0
     OR NEW.address GLOB '*[' || char(1,45,9,11,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: adresse d''un copropriétaire : texte trop long (1000 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER owners_zip_text_insert BEFORE INSERT ON owners
WHEN length(NEW.zip) > 50 OR instr(CAST(NEW.zip AS BLOB), x'00') > 0
     OR NEW.zip GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: code postal d''un copropriétaire : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER owners_zip_text_update BEFORE UPDATE OF zip ON owners
WHEN NEW.zip IS NOT OLD.zip AND (length(NEW.zip) > 50 OR instr(CAST(NEW.zip AS BLOB), x'00') > 0
     OR NEW.zip GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: code postal d''un copropriétaire : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER owners_city_text_insert BEFORE INSERT ON owners
WHEN length(NEW.city) > 255 OR instr(CAST(NEW.city AS BLOB), x'00') > 0
     OR NEW.city GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: ville d''un copropriétaire : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER owners_city_text_update BEFORE UPDATE OF city ON owners
WHEN NEW.city IS NOT OLD.city AND (length(NEW.city) > 255 OR instr(CAST(NEW.city AS BLOB), x'00') > 0
     OR NEW.city GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: ville d''un copropriétaire : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER owners_country_text_insert BEFORE INSERT ON owners
WHEN length(NEW.country) > 255 OR instr(CAST(NEW.country AS BLOB), x'00') > 0
     OR NEW.country GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: pays d''un copropriétaire : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER owners_country_text_update BEFORE UPDATE OF country ON owners
WHEN NEW.country IS NOT OLD.country AND (length(NEW.country) > 255 OR instr(CAST(NEW.country AS BLOB), x'00') > 0
     OR NEW.country GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: pays d''un copropriétaire : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER owners_email_text_insert BEFORE INSERT ON owners
WHEN length(NEW.email) > 255 OR instr(CAST(NEW.email AS BLOB), x'00') > 0
     OR NEW.email GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: e-mail d''un copropriétaire : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER owners_email_text_update BEFORE UPDATE OF email ON owners
WHEN NEW.email IS NOT OLD.email AND (length(NEW.email) > 255 OR instr(CAST(NEW.email AS BLOB), x'00') > 0
     OR NEW.email GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: e-mail d''un copropriétaire : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER owners_phone_text_insert BEFORE INSERT ON owners
WHEN length(NEW.phone) > 50 OR instr(CAST(NEW.phone AS BLOB), x'00') > 0
     OR NEW.phone GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: téléphone d''un copropriétaire : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER owners_phone_text_update BEFORE UPDATE OF phone ON owners
WHEN NEW.phone IS NOT OLD.phone AND (length(NEW.phone) > 50 OR instr(CAST(NEW.phone AS BLOB), x'00') > 0
     OR NEW.phone GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: téléphone d''un copropriétaire : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER owners_mobile_text_insert BEFORE INSERT ON owners
WHEN length(NEW.mobile) > 50 OR instr(CAST(NEW.mobile AS BLOB), x'00') > 0
     OR NEW.mobile GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: portable d''un copropriétaire : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER owners_mobile_text_update BEFORE UPDATE OF mobile ON owners
WHEN NEW.mobile IS NOT OLD.mobile AND (length(NEW.mobile) > 50 OR instr(CAST(NEW.mobile AS BLOB), x'00') > 0
     OR NEW.mobile GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: portable d''un copropriétaire : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER owners_bank_name_text_insert BEFORE INSERT ON owners
WHEN length(NEW.bank_name) > 255 OR instr(CAST(NEW.bank_name AS BLOB), x'00') > 0
     OR NEW.bank_name GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: banque d''un copropriétaire : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER owners_bank_name_text_update BEFORE UPDATE OF bank_name ON owners
WHEN NEW.bank_name IS NOT OLD.bank_name AND (length(NEW.bank_name) > 255 OR instr(CAST(NEW.bank_name AS BLOB), x'00') > 0
     OR NEW.bank_name GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: banque d''un copropriétaire : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER owners_entry_date_text_insert BEFORE INSERT ON owners
WHEN length(NEW.entry_date) > 50 OR instr(CAST(NEW.entry_date AS BLOB), x'00') > 0
     OR NEW.entry_date GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: date d''entrée d''un copropriétaire : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER owners_entry_date_text_update BEFORE UPDATE OF entry_date ON owners
WHEN NEW.entry_date IS NOT OLD.entry_date AND (length(NEW.entry_date) > 50 OR instr(CAST(NEW.entry_date AS BLOB), x'00') > 0
     OR NEW.entry_date GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: date d''entrée d''un copropriétaire : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER owners_exit_date_text_insert BEFORE INSERT ON owners
WHEN length(NEW.exit_date) > 50 OR instr(CAST(NEW.exit_date AS BLOB), x'00') > 0
     OR NEW.exit_date GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: date de sortie d''un copropriétaire : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER owners_exit_date_text_update BEFORE UPDATE OF exit_date ON owners
WHEN NEW.exit_date IS NOT OLD.exit_date AND (length(NEW.exit_date) > 50 OR instr(CAST(NEW.exit_date AS BLOB), x'00') > 0
     OR NEW.exit_date GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: date de sortie d''un copropriétaire : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER owners_notes_text_insert BEFORE INSERT ON owners
WHEN length(NEW.notes) > 10000 OR instr(CAST(NEW.notes AS BLOB), x'00') > 0
     OR NEW.notes GLOB '*[' || char(1,45,9,11,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: notes sur un copropriétaire : texte trop long (10000 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER owners_notes_text_update BEFORE UPDATE OF notes ON owners
WHEN NEW.notes IS NOT OLD.notes AND (length(NEW.notes) > 10000 OR instr(CAST(NEW.notes AS BLOB), x'00') > 0
     OR NEW.notes GLOB '*[' || char(1,45,9,11,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: notes sur un copropriétaire : texte trop long (10000 caractères au plus) ou caractère de contrôle invisible');
END;


CREATE TRIGGER lots_label_text_insert BEFORE INSERT ON lots
WHEN length(NEW.label) > 255 OR instr(CAST(NEW.label AS BLOB), x'00') > 0
     OR NEW.label GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: désignation d''un lot : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER lots_label_text_update BEFORE UPDATE OF label ON lots
WHEN NEW.label IS NOT OLD.label AND (length(NEW.label) > 255 OR instr(CAST(NEW.label AS BLOB), x'00') > 0
     OR NEW.label GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: désignation d''un lot : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER lots_type_text_insert BEFORE INSERT ON lots
WHEN length(NEW.type) > 50 OR instr(CAST(NEW.type AS BLOB), x'00') > 0
     OR NEW.type GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: type d''un lot : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER lots_type_text_update BEFORE UPDATE OF type ON lots
WHEN NEW.type IS NOT OLD.type AND (length(NEW.type) > 50 OR instr(CAST(NEW.type AS BLOB), x'00') > 0
     OR NEW.type GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: type d''un lot : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER lots_building_text_insert BEFORE INSERT ON lots
WHEN length(NEW.building) > 50 OR instr(CAST(NEW.building AS BLOB), x'00') > 0
     OR NEW.building GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: bâtiment d''un lot : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER lots_building_text_update BEFORE UPDATE OF building ON lots
WHEN NEW.building IS NOT OLD.building AND (length(NEW.building) > 50 OR instr(CAST(NEW.building AS BLOB), x'00') > 0
     OR NEW.building GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: bâtiment d''un lot : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER lots_staircase_text_insert BEFORE INSERT ON lots
WHEN length(NEW.staircase) > 50 OR instr(CAST(NEW.staircase AS BLOB), x'00') > 0
     OR NEW.staircase GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: escalier d''un lot : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER lots_staircase_text_update BEFORE UPDATE OF staircase ON lots
WHEN NEW.staircase IS NOT OLD.staircase AND (length(NEW.staircase) > 50 OR instr(CAST(NEW.staircase AS BLOB), x'00') > 0
     OR NEW.staircase GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: escalier d''un lot : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER lots_floor_text_insert BEFORE INSERT ON lots
WHEN length(NEW.floor) > 50 OR instr(CAST(NEW.floor AS BLOB), x'00') > 0
     OR NEW.floor GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: étage d''un lot : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER lots_floor_text_update BEFORE UPDATE OF floor ON lots
WHEN NEW.floor IS NOT OLD.floor AND (length(NEW.floor) > 50 OR instr(CAST(NEW.floor AS BLOB), x'00') > 0
     OR NEW.floor GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: étage d''un lot : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER lots_door_text_insert BEFORE INSERT ON lots
WHEN length(NEW.door) > 50 OR instr(CAST(NEW.door AS BLOB), x'00') > 0
     OR NEW.door GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: porte d''un lot : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER lots_door_text_update BEFORE UPDATE OF door ON lots
WHEN NEW.door IS NOT OLD.door AND (length(NEW.door) > 50 OR instr(CAST(NEW.door AS BLOB), x'00') > 0
     OR NEW.door GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: porte d''un lot : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;


CREATE TRIGGER keys_label_text_insert BEFORE INSERT ON keys
WHEN length(NEW.label) > 255 OR instr(CAST(NEW.label AS BLOB), x'00') > 0
     OR NEW.label GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: libellé d''une clé : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER keys_label_text_update BEFORE UPDATE OF label ON keys
WHEN NEW.label IS NOT OLD.label AND (length(NEW.label) > 255 OR instr(CAST(NEW.label AS BLOB), x'00') > 0
     OR NEW.label GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: libellé d''une clé : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER keys_declared_total_text_insert BEFORE INSERT ON keys
WHEN length(NEW.declared_total) > 50 OR instr(CAST(NEW.declared_total AS BLOB), x'00') > 0
     OR NEW.declared_total GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: total déclaré d''une clé : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER keys_declared_total_text_update BEFORE UPDATE OF declared_total ON keys
WHEN NEW.declared_total IS NOT OLD.declared_total AND (length(NEW.declared_total) > 50 OR instr(CAST(NEW.declared_total AS BLOB), x'00') > 0
     OR NEW.declared_total GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: total déclaré d''une clé : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;


CREATE TRIGGER suppliers_name_text_insert BEFORE INSERT ON suppliers
WHEN length(NEW.name) > 255 OR instr(CAST(NEW.name AS BLOB), x'00') > 0
     OR NEW.name GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: nom d''un fournisseur : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER suppliers_name_text_update BEFORE UPDATE OF name ON suppliers
WHEN NEW.name IS NOT OLD.name AND (length(NEW.name) > 255 OR instr(CAST(NEW.name AS BLOB), x'00') > 0
     OR NEW.name GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: nom d''un fournisseur : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER suppliers_address_text_insert BEFORE INSERT ON suppliers
WHEN length(NEW.address) > 1000 OR instr(CAST(NEW.address AS BLOB), x'00') > 0
     OR NEW.address GLOB '*[' || char(1,45,9,11,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: adresse d''un fournisseur : texte trop long (1000 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER suppliers_address_text_update BEFORE UPDATE OF address ON suppliers
WHEN NEW.address IS NOT OLD.address AND (length(NEW.address) > 1000 OR instr(CAST(NEW.address AS BLOB), x'00') > 0
     OR NEW.address GLOB '*[' || char(1,45,9,11,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: adresse d''un fournisseur : texte trop long (1000 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER suppliers_zip_text_insert BEFORE INSERT ON suppliers
WHEN length(NEW.zip) > 50 OR instr(CAST(NEW.zip AS BLOB), x'00') > 0
     OR NEW.zip GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: code postal d''un fournisseur : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER suppliers_zip_text_update BEFORE UPDATE OF zip ON suppliers
WHEN NEW.zip IS NOT OLD.zip AND (length(NEW.zip) > 50 OR instr(CAST(NEW.zip AS BLOB), x'00') > 0
     OR NEW.zip GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: code postal d''un fournisseur : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER suppliers_city_text_insert BEFORE INSERT ON suppliers
WHEN length(NEW.city) > 255 OR instr(CAST(NEW.city AS BLOB), x'00') > 0
     OR NEW.city GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: ville d''un fournisseur : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER suppliers_city_text_update BEFORE UPDATE OF city ON suppliers
WHEN NEW.city IS NOT OLD.city AND (length(NEW.city) > 255 OR instr(CAST(NEW.city AS BLOB), x'00') > 0
     OR NEW.city GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: ville d''un fournisseur : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER suppliers_iban_text_insert BEFORE INSERT ON suppliers
WHEN length(NEW.iban) > 50 OR instr(CAST(NEW.iban AS BLOB), x'00') > 0
     OR NEW.iban GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: IBAN d''un fournisseur : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER suppliers_iban_text_update BEFORE UPDATE OF iban ON suppliers
WHEN NEW.iban IS NOT OLD.iban AND (length(NEW.iban) > 50 OR instr(CAST(NEW.iban AS BLOB), x'00') > 0
     OR NEW.iban GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: IBAN d''un fournisseur : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER suppliers_bic_text_insert BEFORE INSERT ON suppliers
WHEN length(NEW.bic) > 50 OR instr(CAST(NEW.bic AS BLOB), x'00') > 0
     OR NEW.bic GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: BIC d''un fournisseur : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER suppliers_bic_text_update BEFORE UPDATE OF bic ON suppliers
WHEN NEW.bic IS NOT OLD.bic AND (length(NEW.bic) > 50 OR instr(CAST(NEW.bic AS BLOB), x'00') > 0
     OR NEW.bic GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: BIC d''un fournisseur : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER suppliers_contact_text_insert BEFORE INSERT ON suppliers
WHEN length(NEW.contact) > 255 OR instr(CAST(NEW.contact AS BLOB), x'00') > 0
     OR NEW.contact GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: contact chez un fournisseur : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER suppliers_contact_text_update BEFORE UPDATE OF contact ON suppliers
WHEN NEW.contact IS NOT OLD.contact AND (length(NEW.contact) > 255 OR instr(CAST(NEW.contact AS BLOB), x'00') > 0
     OR NEW.contact GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: contact chez un fournisseur : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER suppliers_phone_text_insert BEFORE INSERT ON suppliers
WHEN length(NEW.phone) > 50 OR instr(CAST(NEW.phone AS BLOB), x'00') > 0
     OR NEW.phone GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: téléphone d''un fournisseur : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER suppliers_phone_text_update BEFORE UPDATE OF phone ON suppliers
WHEN NEW.phone IS NOT OLD.phone AND (length(NEW.phone) > 50 OR instr(CAST(NEW.phone AS BLOB), x'00') > 0
     OR NEW.phone GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: téléphone d''un fournisseur : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER suppliers_email_text_insert BEFORE INSERT ON suppliers
WHEN length(NEW.email) > 255 OR instr(CAST(NEW.email AS BLOB), x'00') > 0
     OR NEW.email GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: e-mail d''un fournisseur : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER suppliers_email_text_update BEFORE UPDATE OF email ON suppliers
WHEN NEW.email IS NOT OLD.email AND (length(NEW.email) > 255 OR instr(CAST(NEW.email AS BLOB), x'00') > 0
     OR NEW.email GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: e-mail d''un fournisseur : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER suppliers_notes_text_insert BEFORE INSERT ON suppliers
WHEN length(NEW.notes) > 10000 OR instr(CAST(NEW.notes AS BLOB), x'00') > 0
     OR NEW.notes GLOB '*[' || char(1,45,9,11,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: notes sur un fournisseur : texte trop long (10000 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER suppliers_notes_text_update BEFORE UPDATE OF notes ON suppliers
WHEN NEW.notes IS NOT OLD.notes AND (length(NEW.notes) > 10000 OR instr(CAST(NEW.notes AS BLOB), x'00') > 0
     OR NEW.notes GLOB '*[' || char(1,45,9,11,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: notes sur un fournisseur : texte trop long (10000 caractères au plus) ou caractère de contrôle invisible');
END;


CREATE TRIGGER entries_piece_text_insert BEFORE INSERT ON entries
WHEN length(NEW.piece) > 50 OR instr(CAST(NEW.piece AS BLOB), x'00') > 0
     OR NEW.piece GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: pièce d''une écriture : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER entries_piece_text_update BEFORE UPDATE OF piece ON entries
WHEN NEW.piece IS NOT OLD.piece AND (length(NEW.piece) > 50 OR instr(CAST(NEW.piece AS BLOB), x'00') > 0
     OR NEW.piece GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: pièce d''une écriture : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER entries_label_text_insert BEFORE INSERT ON entries
WHEN length(NEW.label) > 500 OR instr(CAST(NEW.label AS BLOB), x'00') > 0
     OR NEW.label GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: libellé d''une écriture : texte trop long (500 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER entries_label_text_update BEFORE UPDATE OF label ON entries
WHEN NEW.label IS NOT OLD.label AND (length(NEW.label) > 500 OR instr(CAST(NEW.label AS BLOB), x'00') > 0
     OR NEW.label GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: libellé d''une écriture : texte trop long (500 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER entries_origin_text_insert BEFORE INSERT ON entries
WHEN length(NEW.origin) > 500 OR instr(CAST(NEW.origin AS BLOB), x'00') > 0
     OR NEW.origin GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: origine d''une écriture : texte trop long (500 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER entries_origin_text_update BEFORE UPDATE OF origin ON entries
WHEN NEW.origin IS NOT OLD.origin AND (length(NEW.origin) > 500 OR instr(CAST(NEW.origin AS BLOB), x'00') > 0
     OR NEW.origin GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: origine d''une écriture : texte trop long (500 caractères au plus) ou caractère de contrôle invisible');
END;


CREATE TRIGGER lines_label_text_insert BEFORE INSERT ON lines
WHEN length(NEW.label) > 500 OR instr(CAST(NEW.label AS BLOB), x'00') > 0
     OR NEW.label GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: libellé d''une ligne d''écriture : texte trop long (500 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER lines_label_text_update BEFORE UPDATE OF label ON lines
WHEN NEW.label IS NOT OLD.label AND (length(NEW.label) > 500 OR instr(CAST(NEW.label AS BLOB), x'00') > 0
     OR NEW.label GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: libellé d''une ligne d''écriture : texte trop long (500 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER lines_letter_text_insert BEFORE INSERT ON lines
WHEN length(NEW.letter) > 50 OR instr(CAST(NEW.letter AS BLOB), x'00') > 0
     OR NEW.letter GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: lettrage d''une ligne d''écriture : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER lines_letter_text_update BEFORE UPDATE OF letter ON lines
WHEN NEW.letter IS NOT OLD.letter AND (length(NEW.letter) > 50 OR instr(CAST(NEW.letter AS BLOB), x'00') > 0
     OR NEW.letter GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: lettrage d''une ligne d''écriture : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER lines_reconciled_text_insert BEFORE INSERT ON lines
WHEN length(NEW.reconciled) > 50 OR instr(CAST(NEW.reconciled AS BLOB), x'00') > 0
     OR NEW.reconciled GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: pointage d''une ligne d''écriture : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER lines_reconciled_text_update BEFORE UPDATE OF reconciled ON lines
WHEN NEW.reconciled IS NOT OLD.reconciled AND (length(NEW.reconciled) > 50 OR instr(CAST(NEW.reconciled AS BLOB), x'00') > 0
     OR NEW.reconciled GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: pointage d''une ligne d''écriture : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;


CREATE TRIGGER works_label_text_insert BEFORE INSERT ON works
WHEN length(NEW.label) > 255 OR instr(CAST(NEW.label AS BLOB), x'00') > 0
     OR NEW.label GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: libellé d''une campagne de travaux : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER works_label_text_update BEFORE UPDATE OF label ON works
WHEN NEW.label IS NOT OLD.label AND (length(NEW.label) > 255 OR instr(CAST(NEW.label AS BLOB), x'00') > 0
     OR NEW.label GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: libellé d''une campagne de travaux : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER works_ag_date_text_insert BEFORE INSERT ON works
WHEN length(NEW.ag_date) > 50 OR instr(CAST(NEW.ag_date AS BLOB), x'00') > 0
     OR NEW.ag_date GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: date d''AG d''une campagne de travaux : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER works_ag_date_text_update BEFORE UPDATE OF ag_date ON works
WHEN NEW.ag_date IS NOT OLD.ag_date AND (length(NEW.ag_date) > 50 OR instr(CAST(NEW.ag_date AS BLOB), x'00') > 0
     OR NEW.ag_date GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: date d''AG d''une campagne de travaux : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER works_end_date_text_insert BEFORE INSERT ON works
WHEN length(NEW.end_date) > 50 OR instr(CAST(NEW.end_date AS BLOB), x'00') > 0
     OR NEW.end_date GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: date de fin d''une campagne de travaux : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER works_end_date_text_update BEFORE UPDATE OF end_date ON works
WHEN NEW.end_date IS NOT OLD.end_date AND (length(NEW.end_date) > 50 OR instr(CAST(NEW.end_date AS BLOB), x'00') > 0
     OR NEW.end_date GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: date de fin d''une campagne de travaux : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER works_notes_text_insert BEFORE INSERT ON works
WHEN length(NEW.notes) > 10000 OR instr(CAST(NEW.notes AS BLOB), x'00') > 0
     OR NEW.notes GLOB '*[' || char(1,45,9,11,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: notes sur une campagne de travaux : texte trop long (10000 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER works_notes_text_update BEFORE UPDATE OF notes ON works
WHEN NEW.notes IS NOT OLD.notes AND (length(NEW.notes) > 10000 OR instr(CAST(NEW.notes AS BLOB), x'00') > 0
     OR NEW.notes GLOB '*[' || char(1,45,9,11,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: notes sur une campagne de travaux : texte trop long (10000 caractères au plus) ou caractère de contrôle invisible');
END;


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


CREATE TRIGGER letter_templates_name_text_insert BEFORE INSERT ON letter_templates
WHEN length(NEW.name) > 255 OR instr(CAST(NEW.name AS BLOB), x'00') > 0
     OR NEW.name GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: nom d''un modèle de lettre : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER letter_templates_name_text_update BEFORE UPDATE OF name ON letter_templates
WHEN NEW.name IS NOT OLD.name AND (length(NEW.name) > 255 OR instr(CAST(NEW.name AS BLOB), x'00') > 0
     OR NEW.name GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: nom d''un modèle de lettre : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER letter_templates_body_text_insert BEFORE INSERT ON letter_templates
WHEN length(NEW.body) > 100000 OR instr(CAST(NEW.body AS BLOB), x'00') > 0
     OR NEW.body GLOB '*[' || char(1,45,9,11,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: texte d''un modèle de lettre : texte trop long (100000 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER letter_templates_body_text_update BEFORE UPDATE OF body ON letter_templates
WHEN NEW.body IS NOT OLD.body AND (length(NEW.body) > 100000 OR instr(CAST(NEW.body AS BLOB), x'00') > 0
     OR NEW.body GLOB '*[' || char(1,45,9,11,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: texte d''un modèle de lettre : texte trop long (100000 caractères au plus) ou caractère de contrôle invisible');
END;


CREATE TRIGGER letter_images_name_text_insert BEFORE INSERT ON letter_images
WHEN length(NEW.name) > 255 OR instr(CAST(NEW.name AS BLOB), x'00') > 0
     OR NEW.name GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: nom d''une image des lettres : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER letter_images_name_text_update BEFORE UPDATE OF name ON letter_images
WHEN NEW.name IS NOT OLD.name AND (length(NEW.name) > 255 OR instr(CAST(NEW.name AS BLOB), x'00') > 0
     OR NEW.name GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: nom d''une image des lettres : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;


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


CREATE TRIGGER invoices_number_text_insert BEFORE INSERT ON invoices
WHEN length(NEW.number) > 50 OR instr(CAST(NEW.number AS BLOB), x'00') > 0
     OR NEW.number GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: numéro d''une facture : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER invoices_number_text_update BEFORE UPDATE OF number ON invoices
WHEN NEW.number IS NOT OLD.number AND (length(NEW.number) > 50 OR instr(CAST(NEW.number AS BLOB), x'00') > 0
     OR NEW.number GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: numéro d''une facture : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

