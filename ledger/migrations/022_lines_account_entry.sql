-- An account's lines in entry order (issue 22): the account statement and
-- the owners' statements read the lines of one exercise of an account, and
-- entry ids follow the dates closely (entries are posted day after day), so
-- an index on (account, entry_id) lets them skip the other years' lines
-- instead of reading all of the account's lines since the first exercise.
-- It replaces the index on (account) alone, which it contains: a posting
-- still updates as many indexes as before.
DROP INDEX lines_account;
CREATE INDEX lines_account ON lines (account, entry_id);
