-- Placeholder on the branch i20-adv only: migration 016 belongs to another
-- part of issue 20, merged separately. This file creates nothing and is
-- dropped when the branches meet (then `go generate ./ledger` again).
SELECT 1;
