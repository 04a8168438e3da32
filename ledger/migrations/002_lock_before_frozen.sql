-- Schema 2: a write to a closed exercise is refused as such.
--
-- SQLite fires the BEFORE triggers of a statement from the most recently
-- created one, so the lines_frozen_* triggers of schema 1 (created after the
-- lines_lock_* ones) answered first for every line of a closed exercise (all
-- of them are posted): the user read "supprimez-la ou contre-passez-la",
-- which a closed exercise does not allow either, and the error was not of
-- kind Locked. The frozen triggers now stand aside when the entry lies in a
-- closed exercise, so the lock triggers speak whatever the firing order.

DROP TRIGGER lines_frozen_insert;
CREATE TRIGGER lines_frozen_insert BEFORE INSERT ON lines
WHEN (SELECT posted FROM entries WHERE id = NEW.entry_id) = 1
     AND NOT EXISTS (SELECT 1 FROM entries e JOIN exercises x ON e.date BETWEEN x.start AND x.end
                     WHERE e.id = NEW.entry_id AND x.closed = 1)
BEGIN
    SELECT RAISE(ABORT, 'tantieme: une écriture validée ne peut pas recevoir de nouvelle ligne');
END;

DROP TRIGGER lines_frozen_update;
CREATE TRIGGER lines_frozen_update BEFORE UPDATE OF entry_id, account, debit, credit ON lines
WHEN ((SELECT posted FROM entries WHERE id = OLD.entry_id) = 1
      OR (SELECT posted FROM entries WHERE id = NEW.entry_id) = 1)
     AND NOT EXISTS (SELECT 1 FROM entries e JOIN exercises x ON e.date BETWEEN x.start AND x.end
                     WHERE e.id IN (OLD.entry_id, NEW.entry_id) AND x.closed = 1)
BEGIN
    SELECT RAISE(ABORT, 'tantieme: les montants et comptes d''une écriture validée ne peuvent pas changer ; supprimez-la ou contre-passez-la');
END;

DROP TRIGGER lines_frozen_delete;
CREATE TRIGGER lines_frozen_delete BEFORE DELETE ON lines
WHEN (SELECT posted FROM entries WHERE id = OLD.entry_id) = 1
     AND NOT EXISTS (SELECT 1 FROM entries e JOIN exercises x ON e.date BETWEEN x.start AND x.end
                     WHERE e.id = OLD.entry_id AND x.closed = 1)
BEGIN
    SELECT RAISE(ABORT, 'tantieme: une ligne d''écriture validée ne peut pas être supprimée seule ; supprimez l''écriture entière');
END;
