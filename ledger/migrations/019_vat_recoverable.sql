-- VAT and recoverable charges (issue 20).
--
-- A syndicat is not VAT-registered: its books stay TTC and a line's amount
-- includes its VAT. The VAT is kept beside it, in cents, because owners
-- who are VAT-registered (a company owning an office, a landlord who opted
-- for VAT on a commercial lease) may deduct the VAT included in their share
-- of the charges, and the arrêté du 14 mars 2005 asks that it be shown to
-- them. It is only ever part of a charge line's amount.
ALTER TABLE lines ADD COLUMN vat INTEGER NOT NULL DEFAULT 0
    CHECK (vat >= 0 AND vat <= debit + credit);

-- The part of a charge line a landlord may recover from his tenant
-- (décret n° 87-713 du 26 août 1987), in percent: 0 none, 100 all, or a
-- share (the caretaker's wages are recoverable at 75 % or 40 %, art. 2 d).
ALTER TABLE lines ADD COLUMN recoverable INTEGER NOT NULL DEFAULT 0
    CHECK (recoverable BETWEEN 0 AND 100);

-- What a new charge line on the account proposes for its « R » column.
ALTER TABLE accounts ADD COLUMN recoverable INTEGER NOT NULL DEFAULT 0
    CHECK (recoverable BETWEEN 0 AND 100);

-- The owner declared himself VAT-registered: his décompte shows the VAT
-- included in his share of the charges.
ALTER TABLE owners ADD COLUMN vat_registered INTEGER NOT NULL DEFAULT 0
    CHECK (vat_registered IN (0, 1));

-- The owner lets his lots (« bailleur »): he gets the statement of
-- recoverable charges for his tenants.
ALTER TABLE owners ADD COLUMN landlord INTEGER NOT NULL DEFAULT 0
    CHECK (landlord IN (0, 1));
