package ledger

// DepositKind is what a deposit slip holds (seed 003 « type de dépôt »).
type DepositKind string

const (
	DepositCheques DepositKind = "cheque" // cheques handed to the bank
	DepositDebits  DepositKind = "debit"  // pre-authorised payments collected
	DepositOther   DepositKind = "other"  // other money in, on a slip
)

// DepositKinds lists the kinds in the order a form offers them.
func DepositKinds() []DepositKind { return []DepositKind{DepositCheques, DepositDebits, DepositOther} }

// Label is the kind in French.
func (k DepositKind) Label() string {
	switch k {
	case DepositCheques:
		return "Chèques"
	case DepositDebits:
		return "Prélèvements"
	case DepositOther:
		return "Autre"
	}
	return string(k)
}

// Help says what a deposit of the kind holds, for the form.
func (k DepositKind) Help() string {
	switch k {
	case DepositDebits:
		return "Les prélèvements SEPA émis par Tantième sont comptabilisés par leur lot (Banque › Prélèvements), à la date d'encaissement, directement en banque : ils n'ont pas de remise à faire. Ce type est gardé pour les bordereaux d'autres paiements pré-autorisés, que le fichier ne sait pas encore porter sur une remise."
	case DepositOther:
		return "Les espèces et les virements reçus vont directement en banque à leur encaissement : ils n'ont pas de remise à faire. Ce type est gardé pour les bordereaux d'autres entrées de fonds, que le fichier ne sait pas encore porter sur une remise."
	}
	return "Cochez les chèques que vous remettez à la banque, remis d'avance compris : le bordereau s'imprime en PDF et les chèques sont marqués remis à cette date."
}

// ParseDepositKind reads a kind as typed in French or as stored.
func ParseDepositKind(s string) (DepositKind, error) {
	switch s {
	case "", "cheque", "chèque", "cheques", "chèques":
		return DepositCheques, nil
	case "debit", "prélèvement", "prelevement", "prélèvements", "ppa":
		return DepositDebits, nil
	case "other", "autre":
		return DepositOther, nil
	}
	return "", Errorf(Invalid, "Type de remise « %s » inconnu (chèque, prélèvement ou autre)", s)
}

// checkKind refuses a kind the deposit cannot be: an unknown one, and, as
// the file takes only cheques on a deposit (migration 003: a receipt on a
// deposit is a cheque), the kinds whose receipts go to the bank directly.
func (d *Deposit) checkKind(where string) error {
	if d.Kind == "" {
		d.Kind = DepositCheques
	}
	switch d.Kind {
	case DepositCheques:
		return nil
	case DepositDebits, DepositOther:
		return Errorf(Invalid, "%s : une remise de type « %s » ne reçoit pas de chèque. %s", where, d.Kind.Label(), d.Kind.Help())
	}
	return Errorf(Invalid, "%s : type de remise « %s » inconnu", where, d.Kind)
}
