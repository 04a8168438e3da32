-- The general assembly's votes (issue 21): what the attendance rules and
-- the minutes need beyond 020.
--
-- proxy_rank is the order in which a mandataire's delegations were given
-- (1, 2, 3…): loi 1965 art. 22 I al. 3 lets him hold three, more only while
-- his votes and his mandants' stay within 10 %; the earliest are kept.
-- 0: not given (the owner's account order then decides).
ALTER TABLE attendances ADD COLUMN proxy_rank INTEGER NOT NULL DEFAULT 0
    CHECK (proxy_rank >= 0 AND proxy_rank <= 10000);

-- The mandataire's tie to the syndic: loi 1965 art. 22 I al. 4 forbids the
-- syndic, his spouse or partner, his ascendants or descendants and his
-- préposés to hold a proxy. '' for none.
ALTER TABLE attendances ADD COLUMN proxy_tie TEXT NOT NULL DEFAULT ''
    CHECK (proxy_tie IN ('', 'syndic', 'spouse', 'family', 'employee'));

-- A resolution amended in session: a postal « pour » on it is défaillant
-- (décret 1967 art. 9 bis). Set at the meeting, when the agenda is fixed.
ALTER TABLE resolutions ADD COLUMN amended INTEGER NOT NULL DEFAULT 0
    CHECK (amended IN (0, 1));
