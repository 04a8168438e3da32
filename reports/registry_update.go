package reports

// RegistryUpdatePDF prints the annual update of the registre national
// d'immatriculation des copropriétés (CCH R.711-5): the figures to declare
// on the register's site, and the day they are due by.
func RegistryUpdatePDF(s FactSheet) ([]byte, error) { return factSheetPDF(s) }
