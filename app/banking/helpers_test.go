package banking_test

import (
	"testing"
	"time"

	"tantieme/app"
	"tantieme/app/apptest"
	"tantieme/app/banking"
	"tantieme/bankfile"
	"tantieme/ledger"
)

// The residence's account 512001 (ledgertest.Setup): its IBAN, and the
// RIB inside it.
const (
	bankIBAN  = "FR7630006000011234567890189"
	payerIBAN = "FR1420041010050500013M02606" // an owner's bank (La Banque Postale's example IBAN)
	supIBAN   = "DE89370400440532013000"      // the lift company's
)

var parcLots = []apptest.Lot{
	{Number: "1", Owner: "450001", Shares: map[string]string{"001": "400"}},
	{Number: "2", Owner: "450002", Shares: map[string]string{"001": "300"}},
	{Number: "3", Owner: "450003", Shares: map[string]string{"001": "200"}},
	{Number: "14", Owner: "450004", Shares: map[string]string{"001": "100"}},
}

// parc is « Résidence du Parc » with four owners named as banks spell
// people, the four 2025 calls posted (A2025-0001…0004, 1 000 € each:
// 400, 300, 200 and 100 per owner) and a lift company with an invoice of
// 240 €.
func parc(t testing.TB) *app.Residence {
	t.Helper()
	r := apptest.Calls(t, parcLots, apptest.Budget("602000", "001", "4000.00"))
	names := map[string][2]string{"450001": {"Mme", "Dupont Zoé"}, "450002": {"M.", "Garçon Loïc"},
		"450003": {"Mme", "L'Hôte-Martin Anaïs"}, "450004": {"M.", "Dupont Marc"}}
	apptest.Update(t, r, func(tx *ledger.Tx) error {
		for acc, n := range names {
			o, err := tx.Owner(acc)
			if err != nil {
				return err
			}
			o.Civility, o.Name = n[0], n[1]
			if err := tx.UpdateOwner(o); err != nil {
				return err
			}
		}
		s := ledger.Supplier{Account: "401001", Name: "Ascenseurs Rhône-Lift", IBAN: supIBAN}
		return tx.AddSupplier(&s)
	})
	plan, err := r.PlanBudgetCalls(apptest.Year(t, r, 2025), 4)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.PostCalls(plan); err != nil {
		t.Fatal(ledger.Message(err))
	}
	if _, err := r.RecordInvoice(app.InvoiceInput{Supplier: "401001", Account: "614000", Key: "001", Date: day("2025-02-10"),
		Number: "F-77", Total: ledger.MustAmount("240")}); err != nil {
		t.Fatal(ledger.Message(err))
	}
	return r
}

func day(s string) time.Time {
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return d
}

func stmt(lines ...bankfile.Line) bankfile.Statement {
	return bankfile.Statement{Format: "test", Account: bankfile.Account{IBAN: bankIBAN}, Currency: "EUR", Lines: lines, Where: "ligne 1"}
}

func line(date string, cents int64, label string) bankfile.Line {
	return bankfile.Line{Date: day(date), Amount: cents, Label: label, Where: "ligne 2"}
}

func balances(t testing.TB, r *app.Residence) map[string]ledger.Amount {
	t.Helper()
	var b map[string]ledger.Amount
	apptest.View(t, r, func(tx *ledger.Tx) (err error) {
		b, err = tx.OwnerBalances(ledger.Date(2025, 12, 31))
		return err
	})
	return b
}

func mustPrepare(t testing.TB, r *app.Residence, sts ...bankfile.Statement) *banking.Plan {
	t.Helper()
	p, err := banking.Prepare(r, "releve.txt", sts)
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	return p
}

func mustApply(t testing.TB, r *app.Residence, p *banking.Plan) *banking.Report {
	t.Helper()
	rep, err := banking.Apply(r, p, banking.Selection{Lines: p.Certain()})
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	return rep
}
