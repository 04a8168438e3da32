package ledger

import (
	"database/sql"
	"strings"
	"time"
)

// InvoiceSplit is the part of an invoice charged to one key.
type InvoiceSplit struct {
	Key    string
	Amount Amount
}

// Invoice is a supplier's invoice as booked in journal AC: a charge account
// debited on one or more keys, the supplier credited with the total (TTC:
// the books of a copropriété are kept taxes included).
type Invoice struct {
	EntryID  int64
	Supplier string // 401xxx
	Date     time.Time
	Journal  string
	Piece    string // the residence's piece number
	Number   string // the supplier's invoice number
	Label    string
	Account  string // the class-6 charge account
	Splits   []InvoiceSplit
	Total    Amount // TTC
	VAT      Amount // the VAT included in Total, for information
	// Recoverable marks charges a landlord may pass on to his tenant
	// (charges récupérables).
	Recoverable bool
}

func (inv *Invoice) describe() string {
	s := "Facture"
	if inv.Number != "" {
		s += " n° " + inv.Number
	}
	if !inv.Date.IsZero() {
		s += " du " + FrenchDate(inv.Date)
	}
	return s
}

func (inv *Invoice) validate() error {
	if err := cleanTexts(textField{&inv.Number, "numéro de la facture", ShortText}); err != nil {
		return err
	}
	where := inv.describe()
	if err := cleanTexts(
		textField{&inv.Piece, "pièce de la " + lowerFirst(where), ShortText},
		textField{&inv.Label, "libellé de la " + lowerFirst(where), LabelText},
	); err != nil {
		return err
	}
	inv.Number = strings.TrimSpace(inv.Number)
	switch {
	case inv.Supplier == "":
		return Errorf(Invalid, "%s : choisissez le fournisseur", where)
	case inv.Date.IsZero():
		return Errorf(Invalid, "Facture : la date est obligatoire")
	case inv.Total <= 0:
		return Errorf(Invalid, "%s : le montant TTC doit être positif", where)
	case AccountClass(inv.Account) != 6:
		return Errorf(Invalid, "%s : la dépense se porte sur un compte de charges (classe 6), pas sur « %s »", where, inv.Account)
	case len(inv.Splits) == 0:
		return Errorf(Invalid, "%s : indiquez la clé de répartition", where)
	case inv.VAT < 0 || inv.VAT >= inv.Total:
		return Errorf(Invalid, "%s : la TVA (%s) doit être positive et inférieure au montant TTC (%s)", where, inv.VAT, inv.Total)
	}
	keys := map[string]bool{}
	var sum Amount
	for _, s := range inv.Splits {
		switch {
		case s.Key == "":
			return Errorf(Invalid, "%s : chaque part doit porter une clé de répartition", where)
		case keys[s.Key]:
			return Errorf(Invalid, "%s : la clé %s figure deux fois dans la répartition", where, s.Key)
		case s.Amount <= 0:
			return Errorf(Invalid, "%s : la part de la clé %s doit être positive (%s)", where, s.Key, s.Amount)
		}
		keys[s.Key] = true
		sum += s.Amount
	}
	if sum != inv.Total {
		return Errorf(Invalid, "%s : les parts par clé font %s au lieu du montant TTC %s (écart %s)", where, sum, inv.Total, (sum - inv.Total).Abs())
	}
	return nil
}

// PostInvoice writes an invoice: one debit of inv.Account per key, the
// supplier credited with the total. inv.EntryID is set.
func (tx *Tx) PostInvoice(inv *Invoice) (Entry, error) {
	if err := inv.validate(); err != nil {
		return Entry{}, err
	}
	var n int
	if err := tx.queryRow(`SELECT count(*) FROM suppliers WHERE account = ?`, inv.Supplier).Scan(&n); err != nil {
		return Entry{}, sqlError(err, "lecture des fournisseurs")
	}
	if n == 0 {
		return Entry{}, Errorf(NotFound, "Le fournisseur %s n'existe pas", inv.Supplier)
	}
	if inv.Journal == "" {
		inv.Journal = JournalPurchases
	}
	e := Entry{Journal: inv.Journal, Date: inv.Date, Piece: inv.Piece, Label: inv.Label, Origin: "invoice"}
	// The invoice's VAT is shared over its keys like its amount, to the
	// cent, so that each line carries the VAT included in it.
	amounts := make([]Amount, len(inv.Splits))
	for i, s := range inv.Splits {
		amounts[i] = s.Amount
	}
	vats, err := SplitVAT(inv.VAT, amounts)
	if err != nil {
		return Entry{}, err
	}
	recoverable := 0
	if inv.Recoverable {
		a, err := tx.Account(inv.Account)
		if err != nil {
			return Entry{}, err
		}
		recoverable = RecoverableShare(a)
	}
	for i, s := range inv.Splits {
		e.Lines = append(e.Lines, Line{Account: inv.Account, Key: s.Key, Debit: s.Amount, VAT: vats[i], Recoverable: recoverable})
	}
	e.Lines = append(e.Lines, Line{Account: inv.Supplier, Credit: inv.Total})
	if err := tx.PostEntry(&e); err != nil {
		return e, err
	}
	inv.EntryID = e.ID
	_, err = tx.exec(inv.describe(), `INSERT INTO invoices (entry_id, supplier, number, vat, recoverable) VALUES (?, ?, ?, ?, ?)`,
		e.ID, inv.Supplier, inv.Number, int64(inv.VAT), inv.Recoverable)
	return e, err
}

// Invoices lists the invoices of a supplier (every supplier when empty)
// whose entry still exists, by date. Account, splits and total are read
// from the entry.
func (tx *Tx) Invoices(supplier string) ([]Invoice, error) {
	q := `SELECT i.entry_id, i.supplier, e.date, e.journal, e.piece, i.number, e.label, i.vat, i.recoverable
		FROM invoices i JOIN entries e ON e.id = i.entry_id AND e.posted = 1`
	var args []any
	if supplier != "" {
		q += ` WHERE i.supplier = ?`
		args = append(args, supplier)
	}
	q += ` ORDER BY e.date, e.id`
	list, err := collect(tx, "lecture des factures", q, args, func(r *sql.Rows) (Invoice, error) {
		var inv Invoice
		var date string
		err := r.Scan(&inv.EntryID, &inv.Supplier, &date, &inv.Journal, &inv.Piece, &inv.Number, &inv.Label, &inv.VAT, &inv.Recoverable)
		inv.Date = parseStored(date)
		return inv, err
	})
	if err != nil {
		return nil, err
	}
	for i := range list {
		inv := &list[i]
		e, err := tx.Entry(inv.EntryID)
		if err != nil {
			return nil, err
		}
		for _, l := range e.Lines {
			switch {
			case AccountClass(l.Account) == 6 && l.Debit > 0:
				inv.Account = l.Account
				inv.Splits = append(inv.Splits, InvoiceSplit{Key: l.Key, Amount: l.Debit})
			case l.Account == inv.Supplier:
				inv.Total += l.Credit - l.Debit
			}
		}
	}
	return list, nil
}
