package banking_test

import (
	"bytes"
	"os"
	"testing"

	"tantieme/app/banking"
	"tantieme/bankfile"
	"tantieme/ledger"
)

// The whole import on hostile statements: whatever the lines say, an
// import is refused with the residence byte-identical, or accepted with
// the books still passing the integrity check.
func FuzzImport(f *testing.F) {
	f.Add(int64(12050), 60, "VIR SEPA REF 450001", "", "", "", false)
	f.Add(int64(-24000), 40, "PRLV", "ASCENSEURS RHONE LIFT", supIBAN, "REF1", true)
	f.Add(int64(30000), 400, "APPEL A2025-0002 LOT 14", "M OU MME GARCON LOIC", payerIBAN, "", false)
	f.Add(int64(1), -4000, "\x00\u202e\t", "\xff", "FR00", "\n", true)
	f.Add(int64(0), 2000, "VIR", "", "", "", true)
	r := parc(f)
	f.Fuzz(func(t *testing.T, amount int64, dayN int, label, name, iban, ref string, balances bool) {
		if amount > 1e12 || amount < -1e12 {
			return // beyond any statement: bankfile.ParseDecimal reads 15 digits at most
		}
		l := bankfile.Line{Date: ledger.Date(2025, 1, 1).AddDate(0, 0, dayN%5000), Amount: amount, Label: label, Reference: ref,
			Details: []string{name, label}, Counterparty: bankfile.Party{Name: name, IBAN: iban}, Where: "ligne 2"}
		st := stmt(l, l)
		if balances {
			st.Opening = &bankfile.Balance{Date: l.Date, Amount: 1000}
			st.Closing = &bankfile.Balance{Date: l.Date, Amount: 1000 + 2*amount}
		}
		before, err := os.ReadFile(r.Path())
		if err != nil {
			t.Fatal(err)
		}
		p, err := banking.Prepare(r, "fuzz.txt", []bankfile.Statement{st})
		if err == nil {
			_, err = banking.Apply(r, p, banking.Selection{Lines: p.Certain()})
		}
		if err != nil {
			if after, _ := os.ReadFile(r.Path()); !bytes.Equal(before, after) {
				t.Fatalf("refused (%v) but the residence changed", err)
			}
			return
		}
		if problems, err := r.Check(false); err != nil || len(problems) != 0 {
			t.Fatalf("check after importing %+v: %v %v", l, problems, err)
		}
	})
}
