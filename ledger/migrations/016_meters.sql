-- Meters (issue 20; seed 002, « Compteurs »): water, heating or electricity
-- shared by what each lot consumed rather than by fixed tantièmes. As in Val
-- Compta, the program keeps the readings and turns them into shares of two
-- keys the syndic made beforehand: the estimate key, on which the calls are
-- made, and the actual key, on which the invoices are entered and which the
-- closing distributes. The invoices themselves are entered as any other.
--
-- A meter is one per code and year (the seed's fiche: code of 3 characters,
-- year, label, the two keys): next year's readings go to next year's meter,
-- usually with next year's keys (801 in 2011, 802 in 2012 in the seed).
-- unit_price is euros per unit, a decimal (water is priced to the tenth of
-- a cent). general_old and general_new are the readings of the general
-- meter, '' when the residence has none: the gap between its consumption
-- and the sum of the lots' is the common consumption.
-- Decimal columns hold a non-negative number written with a dot.
CREATE TABLE meters (
    code         TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 3 AND code NOT GLOB '*[^0-9A-Z]*'),
    year         INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2999),
    label        TEXT NOT NULL CHECK (label <> ''),
    unit         TEXT NOT NULL DEFAULT '',
    unit_price   TEXT NOT NULL DEFAULT '0' CHECK (length(unit_price) BETWEEN 1 AND 40 AND unit_price NOT GLOB '*[^0-9.]*'),
    estimate_key TEXT NOT NULL REFERENCES keys (code),
    actual_key   TEXT NOT NULL REFERENCES keys (code),
    general_old  TEXT NOT NULL DEFAULT '' CHECK (length(general_old) <= 40 AND general_old NOT GLOB '*[^0-9.]*'),
    general_new  TEXT NOT NULL DEFAULT '' CHECK (length(general_new) <= 40 AND general_new NOT GLOB '*[^0-9.]*'),
    CHECK (estimate_key <> actual_key),
    PRIMARY KEY (code, year)
) WITHOUT ROWID;

-- A lot's reading of a meter for its year. consumption is new_index −
-- old_index, computed by the program, unless forced ('' when not) with a
-- reason; a flat reading (the meter could not be read) is a forced
-- consumption, the forfait, whose reason says so. A meter changed during
-- the year has two parts summed: the old meter from old_index to
-- changed_end, the new one from changed_start to new_index ('' when the
-- meter was not changed). estimate is the consumption the calls assumed.
CREATE TABLE meter_readings (
    meter         TEXT NOT NULL,
    year          INTEGER NOT NULL,
    lot           TEXT NOT NULL REFERENCES lots (number),
    period        TEXT NOT NULL DEFAULT '',
    old_index     TEXT NOT NULL DEFAULT '0' CHECK (length(old_index) BETWEEN 1 AND 40 AND old_index NOT GLOB '*[^0-9.]*'),
    new_index     TEXT NOT NULL DEFAULT '0' CHECK (length(new_index) BETWEEN 1 AND 40 AND new_index NOT GLOB '*[^0-9.]*'),
    changed_end   TEXT NOT NULL DEFAULT '' CHECK (length(changed_end) <= 40 AND changed_end NOT GLOB '*[^0-9.]*'),
    changed_start TEXT NOT NULL DEFAULT '' CHECK (length(changed_start) <= 40 AND changed_start NOT GLOB '*[^0-9.]*'),
    forced        TEXT NOT NULL DEFAULT '' CHECK (length(forced) <= 40 AND forced NOT GLOB '*[^0-9.]*'),
    reason        TEXT NOT NULL DEFAULT '',
    flat          INTEGER NOT NULL DEFAULT 0 CHECK (flat IN (0, 1)),
    estimate      TEXT NOT NULL DEFAULT '0' CHECK (length(estimate) BETWEEN 1 AND 40 AND estimate NOT GLOB '*[^0-9.]*'),
    CHECK ((changed_end = '') = (changed_start = '')),
    CHECK (flat = 0 OR forced <> ''),
    CHECK (forced = '' OR reason <> ''),
    PRIMARY KEY (meter, year, lot),
    FOREIGN KEY (meter, year) REFERENCES meters (code, year)
) WITHOUT ROWID;

-- The seed: « Pour supprimer un compteur, il ne doit pas y avoir de lignes
-- de relevés ». Said by the program too; this holds for raw SQL.
CREATE TRIGGER meters_delete BEFORE DELETE ON meters
WHEN EXISTS (SELECT 1 FROM meter_readings WHERE meter = OLD.code AND year = OLD.year)
BEGIN
    SELECT RAISE(ABORT, 'tantieme:conflict: un compteur qui a des relevés ne peut pas être supprimé');
END;

CREATE TRIGGER meters_label_text_insert BEFORE INSERT ON meters
WHEN length(NEW.label) > 255 OR instr(CAST(NEW.label AS BLOB), x'00') > 0
     OR NEW.label GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: libellé d''un compteur : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER meters_label_text_update BEFORE UPDATE OF label ON meters
WHEN NEW.label IS NOT OLD.label AND (length(NEW.label) > 255 OR instr(CAST(NEW.label AS BLOB), x'00') > 0
     OR NEW.label GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: libellé d''un compteur : texte trop long (255 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER meters_unit_text_insert BEFORE INSERT ON meters
WHEN length(NEW.unit) > 50 OR instr(CAST(NEW.unit AS BLOB), x'00') > 0
     OR NEW.unit GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: unité d''un compteur : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER meters_unit_text_update BEFORE UPDATE OF unit ON meters
WHEN NEW.unit IS NOT OLD.unit AND (length(NEW.unit) > 50 OR instr(CAST(NEW.unit AS BLOB), x'00') > 0
     OR NEW.unit GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: unité d''un compteur : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER meter_readings_period_text_insert BEFORE INSERT ON meter_readings
WHEN length(NEW.period) > 50 OR instr(CAST(NEW.period AS BLOB), x'00') > 0
     OR NEW.period GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: période d''un relevé : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER meter_readings_period_text_update BEFORE UPDATE OF period ON meter_readings
WHEN NEW.period IS NOT OLD.period AND (length(NEW.period) > 50 OR instr(CAST(NEW.period AS BLOB), x'00') > 0
     OR NEW.period GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: période d''un relevé : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER meter_readings_reason_text_insert BEFORE INSERT ON meter_readings
WHEN length(NEW.reason) > 500 OR instr(CAST(NEW.reason AS BLOB), x'00') > 0
     OR NEW.reason GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: motif d''un relevé : texte trop long (500 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER meter_readings_reason_text_update BEFORE UPDATE OF reason ON meter_readings
WHEN NEW.reason IS NOT OLD.reason AND (length(NEW.reason) > 500 OR instr(CAST(NEW.reason AS BLOB), x'00') > 0
     OR NEW.reason GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: motif d''un relevé : texte trop long (500 caractères au plus) ou caractère de contrôle invisible');
END;
