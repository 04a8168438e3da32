-- Upkeep that used to run on every receipt, done once here instead:
-- a receipt whose entry was deleted in the entry screen is forgotten (since
-- this version DeleteEntry forgets it at once), and 511000 Chèques à
-- encaisser, part of the official chart since the daybook, is added to the
-- chart of a residence created before it (a new residence gets its chart
-- after the migrations, hence the test that a chart is there).
DELETE FROM receipts WHERE entry_id NOT IN (SELECT id FROM entries);
INSERT INTO accounts (code, label) SELECT '511000', 'Chèques à encaisser'
    WHERE EXISTS (SELECT 1 FROM accounts) ON CONFLICT (code) DO NOTHING;
