package banking

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"time"

	"tantieme/app"
	"tantieme/bankfile"
	"tantieme/bankfile/cfonb"
	"tantieme/internal/fr"
	"tantieme/ledger"
)

// demoPayerIBAN is the IBAN one owner of the demo statement pays from (La
// Banque Postale's published example: a valid key, nobody's account).
const demoPayerIBAN = "FR1420041010050500013M02606"

// DemoStatement writes a CFONB 120 statement of the residence's first
// current account over the last month of its working exercise, for trying
// the import without a bank's file (the demo residence's « Essayer avec un
// relevé de démonstration »): owners' transfers naming them the ways banks
// do (their account number, a lot, their name in capitals, a payer's name
// and IBAN), one from the late payer covering part of his debt, one of
// exactly what an owner owes (a suggestion only), one from nobody known, a
// supplier's direct debit and bank fees. The statement opens on the
// account's balance in the books, so that it adds up.
func DemoStatement(r *app.Residence) (name string, data []byte, err error) {
	var st bankfile.Statement
	err = r.View(func(tx *ledger.Tx) error {
		st, err = demoStatement(tx)
		return err
	})
	if err != nil {
		return "", nil, err
	}
	var buf bytes.Buffer
	if err := cfonb.Write(&buf, []bankfile.Statement{st}); err != nil {
		return "", nil, ledger.Errorf(ledger.Internal, "relevé de démonstration : %v", err)
	}
	name = fmt.Sprintf("releve-demonstration-%s.txt", st.To.Format("2006-01"))
	return name, buf.Bytes(), nil
}

func demoStatement(tx *ledger.Tx) (bankfile.Statement, error) {
	var st bankfile.Statement
	ex, err := tx.WorkingExercise()
	if err != nil {
		return st, err
	}
	banks, err := tx.BankAccounts()
	if err != nil {
		return st, err
	}
	var bank ledger.BankAccount
	for _, b := range banks {
		if ledger.IsCurrentBankAccount(b.Account) && len(ledger.NormalizeIBAN(b.IBAN)) == 27 {
			bank = b
			break
		}
	}
	if bank.Account == "" {
		return st, ledger.Errorf(ledger.Invalid, "La résidence n'a pas de compte courant avec un IBAN français : le relevé de démonstration ne peut pas être écrit")
	}
	iban := ledger.NormalizeIBAN(bank.IBAN)
	first := time.Date(ex.End.Year(), ex.End.Month(), 1, 0, 0, 0, 0, time.UTC)
	if first.Before(ex.Start) {
		first = ex.Start
	}
	opening, err := tx.AccountBalanceAt(bank.Account, first.AddDate(0, 0, -1))
	if err != nil {
		return st, err
	}
	owners, err := tx.Owners()
	if err != nil {
		return st, err
	}
	lots, err := tx.Lots()
	if err != nil {
		return st, err
	}
	balances, err := tx.OwnerBalances(ex.End)
	if err != nil {
		return st, err
	}
	suppliers, err := tx.Suppliers()
	if err != nil {
		return st, err
	}
	lotOf := map[string]string{}
	for _, l := range lots {
		if _, ok := lotOf[l.Owner]; !ok {
			lotOf[l.Owner] = l.Number
		}
	}
	// The owners holding a lot, those who owe first: the late payer's
	// transfer is the one whose allocation is worth a look.
	var holders []ledger.Owner
	for _, o := range owners {
		if _, ok := lotOf[o.Account]; ok {
			holders = append(holders, o)
		}
	}
	sort.SliceStable(holders, func(i, j int) bool { return balances[holders[i].Account] > balances[holders[j].Account] })

	day := func(d int) time.Time {
		t := first.AddDate(0, 0, d-1)
		if t.After(ex.End) {
			return ex.End
		}
		return t
	}
	upper := func(s string) string { return strings.ToUpper(fr.Fold(s)) }
	amounts := []int64{45000, 61240, 38075, 52000, 29810, 70000, 41500, 33333, 58020, 26000}
	var lines []bankfile.Line
	add := func(l bankfile.Line) {
		l.Code = "05"
		if l.Amount < 0 {
			l.Code = "01"
		}
		lines = append(lines, l)
	}
	var owing ledger.Amount
	var owingWho string
	for i, o := range holders {
		if i == 10 {
			break
		}
		amount := amounts[i]
		if b := balances[o.Account]; b > 0 && i == 0 {
			amount = int64(b) / 2 // part of his debt: the detail shows what it settles
		}
		if b := balances[o.Account]; b > 0 && owingWho == "" && i > 0 {
			owing, owingWho = b, o.Account
		}
		l := bankfile.Line{Date: day(2 + 2*i), Amount: amount, Reference: fmt.Sprintf("DEMO%04d", i+1)}
		switch i % 5 {
		case 0:
			l.Label = "VIR " + upper(o.Name)
			l.Details = []string{"CHARGES DE COPROPRIETE"}
		case 1:
			l.Label = "VIR SEPA " + o.Account
			l.Details = []string{"APPEL DE FONDS " + upper(o.Name)}
		case 2:
			l.Label = "VIREMENT LOT " + lotOf[o.Account]
			l.Details = []string{"CHARGES TILLEULS"}
		case 3:
			l.Label = "VIR SEPA RECU"
			l.Counterparty = bankfile.Party{Name: "M OU MME " + upper(o.Name), IBAN: demoPayerIBAN}
		case 4:
			l.Label = "VIR " + upper(o.Name) + " CHARGES"
		}
		add(l)
	}
	// The amount one owner owes exactly, said by nothing else: a suggestion.
	if owingWho == "" && len(holders) > 0 && balances[holders[0].Account] > 0 {
		owing = balances[holders[0].Account]
	}
	if owing > 0 {
		add(bankfile.Line{Date: day(21), Amount: int64(owing), Label: "VIREMENT RECU", Reference: "DEMO0101", Details: []string{"REGLEMENT SOLDE"}})
	}
	add(bankfile.Line{Date: day(22), Amount: 15000, Label: "VIR INST DURAND PAUL", Reference: "DEMO0102", Details: []string{"REMBOURSEMENT"}})
	for _, s := range suppliers {
		if s.IBAN != "" {
			add(bankfile.Line{Date: day(15), Amount: -18436, Label: "PRLV SEPA " + upper(s.Name), Reference: "DEMO0201",
				Counterparty: bankfile.Party{Name: upper(s.Name), IBAN: ledger.NormalizeIBAN(s.IBAN)}})
			break
		}
	}
	add(bankfile.Line{Date: day(28), Amount: -1250, Label: "FRAIS TENUE DE COMPTE", Reference: "DEMO0301"})
	sort.SliceStable(lines, func(i, j int) bool { return lines[i].Date.Before(lines[j].Date) })
	var total int64
	for _, l := range lines {
		total += l.Amount
	}
	to := day(31)
	st = bankfile.Statement{Format: "CFONB 120", Currency: "EUR", From: first, To: to,
		Account: bankfile.Account{Bank: iban[4:9], Branch: iban[9:14], Number: iban[14:25], BIC: bank.BIC},
		Opening: &bankfile.Balance{Date: first.AddDate(0, 0, -1), Amount: int64(opening)},
		Closing: &bankfile.Balance{Date: to, Amount: int64(opening) + total},
		Lines:   lines}
	return st, nil
}
