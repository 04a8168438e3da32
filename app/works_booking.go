package app

import (
	"fmt"
	"strings"

	"tantieme/ledger"
)

// Works spending belongs on its campaign's accounts: the charge on 671,
// 672 or 673 + code, the supplier on 401 + code. Annexe 5 reads them so
// (arrêté du 14 mars 2005, art. 10; décret n° 2005-240, annexe 5): « Travaux
// réalisés » are the campaign's charges and « Travaux payés » the debits of
// its 401 account. An invoice booked to the supplier's usual account, or a
// campaign supplier's invoice on an ordinary charge, leaves those columns
// short though the money was spent; nothing else shows it.

// WorksMisbooking is an entry's works spending off its campaign's accounts.
type WorksMisbooking struct {
	Code     string // the campaign
	Charge   string // the charge account used
	Supplier string // the supplier account used
	Amount   ledger.Amount
}

// worksCampaignOf gives the campaign a 6-character account belongs to
// ("671ASC" → "ASC"), "" for the others.
type worksCampaignOf func(account string) string

func campaignOfList(list []ledger.Works) worksCampaignOf {
	codes := map[string]bool{}
	for _, w := range list {
		codes[w.Code] = true
	}
	return func(acc string) string {
		if len(acc) == 6 && codes[acc[3:]] {
			return acc[3:]
		}
		return ""
	}
}

// WorksMisbooked finds, in the lines of one entry (an invoice: charges
// debited, a supplier credited), the works charges credited to another
// supplier than the campaign's, and the charges outside the campaign
// credited to a campaign's supplier.
func WorksMisbooked(campaign func(account string) string, lines []ledger.Line) []WorksMisbooking {
	var suppliers []string
	for _, l := range lines {
		if ledger.IsSupplierAccount(l.Account) && l.Credit > 0 {
			suppliers = append(suppliers, l.Account)
		}
	}
	if len(suppliers) != 1 {
		return nil // not an invoice of one supplier
	}
	sup := suppliers[0]
	supCampaign := campaign(sup)
	var out []WorksMisbooking
	for _, l := range lines {
		if ledger.AccountClass(l.Account) != 6 || l.Debit-l.Credit == 0 {
			continue
		}
		c := campaign(l.Account)
		switch {
		case c != "" && c != supCampaign:
			out = append(out, WorksMisbooking{Code: c, Charge: l.Account, Supplier: sup, Amount: l.Debit - l.Credit})
		case c == "" && supCampaign != "":
			out = append(out, WorksMisbooking{Code: supCampaign, Charge: l.Account, Supplier: sup, Amount: l.Debit - l.Credit})
		}
	}
	return out
}

// Text says what is wrong and what to do, in the user's words.
func (m WorksMisbooking) Text() string {
	if strings.HasSuffix(m.Charge, m.Code) {
		return fmt.Sprintf("Travaux %s : %s de dépense au compte %s sont dus au fournisseur %s et non au compte 401%s des travaux : leur règlement ne comptera pas dans les « Travaux payés » de l'annexe 5. Enregistrez les factures de ces travaux sur un fournisseur au compte 401%s (Fournisseurs › Nouveau, compte 401%s).",
			m.Code, m.Amount, m.Charge, m.Supplier, m.Code, m.Code, m.Code)
	}
	return fmt.Sprintf("Travaux %s : %s facturés par le fournisseur %s des travaux sont au compte %s et non à un compte des travaux (671%s, 672%s ou 673%s) : ils ne compteront pas dans les « Travaux réalisés » de l'annexe 5.",
		m.Code, m.Amount, m.Supplier, m.Charge, m.Code, m.Code, m.Code)
}

// InvoiceWorksWarning says, before an invoice is recorded, whether its
// supplier and expense account put works spending off its campaign's
// accounts ("" when they do not): the invoice form shows it as the user
// picks them.
func (r *Residence) InvoiceWorksWarning(supplier, account string) (string, error) {
	var msg string
	err := r.View(func(tx *ledger.Tx) error {
		var err error
		msg, err = invoiceWorksWarning(tx, supplier, account, 0)
		return err
	})
	return msg, err
}

func invoiceWorksWarning(tx *ledger.Tx, supplier, account string, total ledger.Amount) (string, error) {
	if supplier == "" || account == "" {
		return "", nil
	}
	list, err := tx.WorksList()
	if err != nil {
		return "", err
	}
	ms := WorksMisbooked(campaignOfList(list), []ledger.Line{{Account: account, Debit: max(total, 1)}, {Account: supplier, Credit: max(total, 1)}})
	if len(ms) == 0 {
		return "", nil
	}
	m := ms[0]
	if total == 0 {
		// Before the amount is typed: the same words without one.
		if strings.HasSuffix(m.Charge, m.Code) {
			return fmt.Sprintf("Travaux %s : une dépense au compte %s due au fournisseur %s et non au compte 401%s des travaux ne comptera pas dans les « Travaux payés » de l'annexe 5. Choisissez un fournisseur au compte 401%s (Fournisseurs › Nouveau, compte 401%s).",
				m.Code, m.Charge, m.Supplier, m.Code, m.Code, m.Code), nil
		}
		return fmt.Sprintf("Travaux %s : le fournisseur %s est celui des travaux, mais le compte %s n'est pas un compte des travaux (671%s, 672%s ou 673%s) : la dépense ne comptera pas dans les « Travaux réalisés » de l'annexe 5.",
			m.Code, m.Supplier, m.Charge, m.Code, m.Code, m.Code), nil
	}
	return m.Text(), nil
}
