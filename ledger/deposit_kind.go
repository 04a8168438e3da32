package ledger

import "strings"

// DepositKind is what a deposit slip holds (seed 003 « type de dépôt »).
type DepositKind string

const (
	DepositCheques DepositKind = "cheque" // cheques handed to the bank
	DepositDebits  DepositKind = "debit"  // pre-authorised payments collected
	DepositOther   DepositKind = "other"  // other money in, on a slip: cash taken to the bank
)

// DepositKinds lists the kinds in the order a form offers them.
func DepositKinds() []DepositKind { return []DepositKind{DepositCheques, DepositDebits, DepositOther} }

// Takes says whether a slip of the kind holds receipts paid that way, the
// one rule for the deposit check, the receipts waiting for a slip and the
// window (migration 013's trigger is the schema's side of it: a slip of
// cheques holds cheques only, another kind none). Cash and « autre »
// receipts go on a slip of other money in; transfers never go on a slip:
// they reach the bank statement one by one. Debits take nothing: the SEPA
// batches post their collection straight to the bank (app/debits).
func (k DepositKind) Takes(m PaymentMode) bool {
	switch k {
	case DepositCheques:
		return m == ByCheque
	case DepositOther:
		return m == ByCash || m == ByOther
	}
	return false
}

// modes are the payment modes the kind takes, in the form's order.
func (k DepositKind) modes() []PaymentMode {
	var out []PaymentMode
	for _, m := range PaymentModes() {
		if k.Takes(m) {
			out = append(out, m)
		}
	}
	return out
}

// modesSQL is Takes as an SQL condition on the receipts' mode column
// (alias r), for ReceiptFilter.
func (k DepositKind) modesSQL() (string, []any) {
	ms := k.modes()
	if len(ms) == 0 {
		return "0", nil
	}
	args := make([]any, len(ms))
	for i, m := range ms {
		args[i] = string(m)
	}
	return "r.mode IN (" + strings.TrimSuffix(strings.Repeat("?, ", len(ms)), ", ") + ")", args
}

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

// Noun names one item of a slip of the kind: « chèque » on a slip of
// cheques, « règlement » on the others (the plural takes an s).
func (k DepositKind) Noun() string {
	if k == DepositCheques || k == "" {
		return "chèque"
	}
	return "règlement"
}

// Help says what a deposit of the kind holds, for the form.
func (k DepositKind) Help() string {
	switch k {
	case DepositDebits:
		return "Les prélèvements SEPA émis par Tantième sont comptabilisés par leur lot (Banque › Prélèvements), à la date d'encaissement, directement en banque : ils n'ont pas de remise à faire."
	case DepositOther:
		return "Cochez les règlements en espèces (ou « autre ») que vous portez à la banque : le bordereau s'imprime en PDF et la banque crédite son total. Les virements n'ont pas de remise : ils arrivent un à un sur le relevé."
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
	case "other", "autre", "espèces", "especes", "cash":
		return DepositOther, nil
	}
	return "", Errorf(Invalid, "Type de remise « %s » inconnu (chèque, prélèvement ou autre)", s)
}

// checkKind refuses a kind the deposit cannot be: an unknown one, and a
// kind that takes no receipt (debits: their batch posts them).
func (d *Deposit) checkKind(where string) error {
	if d.Kind == "" {
		d.Kind = DepositCheques
	}
	switch d.Kind {
	case DepositCheques, DepositOther:
		return nil
	case DepositDebits:
		return Errorf(Invalid, "%s : une remise de type « %s » ne reçoit aucun règlement. %s", where, d.Kind.Label(), d.Kind.Help())
	}
	return Errorf(Invalid, "%s : type de remise « %s » inconnu", where, d.Kind)
}
