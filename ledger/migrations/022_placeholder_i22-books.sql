-- Placeholder of branch i22-books for a migration number taken by another
-- branch of issue 22; the lead drops it at merge.
SELECT 1;
