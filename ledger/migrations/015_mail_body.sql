-- What a retry needs to write the same message again (issue 19): the
-- body of the mailing's template as the syndic left it, and per message
-- the amount its {montant} field said. Kept with the log rather than as
-- free options, so that the log holds each message whole.
ALTER TABLE mailings ADD COLUMN body TEXT NOT NULL DEFAULT '';
ALTER TABLE mail_messages ADD COLUMN amount TEXT NOT NULL DEFAULT '';

CREATE TRIGGER mailings_body_text_insert BEFORE INSERT ON mailings
WHEN length(NEW.body) > 10000 OR instr(CAST(NEW.body AS BLOB), x'00') > 0
     OR NEW.body GLOB '*[' || char(1,45,9,11,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: texte d''un message : texte trop long (10000 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER mailings_body_text_update BEFORE UPDATE OF body ON mailings
WHEN NEW.body IS NOT OLD.body AND (length(NEW.body) > 10000 OR instr(CAST(NEW.body AS BLOB), x'00') > 0
     OR NEW.body GLOB '*[' || char(1,45,9,11,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: texte d''un message : texte trop long (10000 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER mail_messages_amount_text_insert BEFORE INSERT ON mail_messages
WHEN length(NEW.amount) > 50 OR instr(CAST(NEW.amount AS BLOB), x'00') > 0
     OR NEW.amount GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*'
BEGIN
    SELECT RAISE(ABORT, 'tantieme: montant d''un message : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;

CREATE TRIGGER mail_messages_amount_text_update BEFORE UPDATE OF amount ON mail_messages
WHEN NEW.amount IS NOT OLD.amount AND (length(NEW.amount) > 50 OR instr(CAST(NEW.amount AS BLOB), x'00') > 0
     OR NEW.amount GLOB '*[' || char(1,45,31,127,45,159,8234,45,8238,8294,45,8297) || ']*')
BEGIN
    SELECT RAISE(ABORT, 'tantieme: montant d''un message : texte trop long (50 caractères au plus) ou caractère de contrôle invisible');
END;
