-- The AG resolution that voted a works campaign (« résolution n° 12 »): a
-- works call is due because the AG voted it (loi du 10 juillet 1965,
-- art. 14-2), so its notice cites the decision by its date and its number.
ALTER TABLE works ADD COLUMN resolution TEXT NOT NULL DEFAULT '';

CREATE TRIGGER works_resolution_text_insert BEFORE INSERT ON works
WHEN length(NEW.resolution) > 50 OR instr(CAST(NEW.resolution AS BLOB), x'00') > 0
     OR NEW.resolution GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: résolution d''une campagne de travaux : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER works_resolution_text_update BEFORE UPDATE OF resolution ON works
WHEN NEW.resolution IS NOT OLD.resolution AND (length(NEW.resolution) > 50 OR instr(CAST(NEW.resolution AS BLOB), x'00') > 0
     OR NEW.resolution GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: résolution d''une campagne de travaux : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;
