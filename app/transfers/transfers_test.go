package transfers_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"tantieme/app"
	"tantieme/app/apptest"
	"tantieme/app/transfers"
	"tantieme/ledger"
	"tantieme/ledger/ledgertest"
	"tantieme/sepa"
)

const (
	ibanCurrent = "FR76 3000 6000 0112 3456 7890 189"
	ibanWorks   = "FR76 3000 2008 4700 0007 1433 944"
	ibanAdvance = "FR14 2004 1010 0505 0001 3M02 606"
)

var june30 = ledger.Date(2025, 6, 30)

// parc is « Résidence du Parc » as the transfers see it: owners 450001
// (600 tantièmes) and 450002 (400), a budget of 4 000 € and a works fund of
// 2 000 € called in four quarters (budget 1 000 €, fund 500 € a quarter:
// 450001 pays 600 + 300, 450002 pays 400 + 200). By 30 June both quarters
// are due: 450001 paid his 1 800 €, 450002 paid 700 € of his 1 200 €. The
// livret 502000 holds the works fund (105000) and got 100 €; the livret
// 502100 holds the treasury advance (103100, never called) and got 300 €.
func parc(t *testing.T) *app.Residence {
	t.Helper()
	r := apptest.Calls(t, []apptest.Lot{{Number: "1", Owner: "450001", Shares: map[string]string{"001": "600"}},
		{Number: "2", Owner: "450002", Shares: map[string]string{"001": "400"}}}, apptest.Budget("602000", "001", "4000"))
	ex := apptest.Year(t, r, 2025)
	apptest.Update(t, r, func(tx *ledger.Tx) error {
		if err := tx.SetWorksFund(ledger.WorksFund{ExerciseID: ex.ID, Amount: ledger.MustAmount("2000"), Key: "001"}); err != nil {
			return err
		}
		for _, b := range []ledger.BankAccount{{Account: "512001", Label: "Compte courant", IBAN: ibanCurrent, BIC: "AGRIFRPP"},
			{Account: "502000", Label: "Livret fonds de travaux", IBAN: ibanWorks, Fund: "105000"},
			{Account: "502100", Label: "Livret avance", IBAN: ibanAdvance, Fund: "103100"}} {
			if err := tx.SaveBankAccount(b); err != nil {
				return err
			}
		}
		return nil
	})
	plan, err := r.PlanBudgetCalls(ex, 4)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.PostCalls(plan); err != nil {
		t.Fatal(ledger.Message(err))
	}
	apptest.Update(t, r, func(tx *ledger.Tx) error {
		for _, e := range []ledger.Entry{
			{Journal: ledger.JournalBank, Date: ledger.Date(2025, 2, 1), Label: "Règlement 450001", Lines: []ledger.Line{
				{Account: "512001", Debit: ledger.MustAmount("1800")}, {Account: "450001", Credit: ledger.MustAmount("1800")}}},
			{Journal: ledger.JournalBank, Date: ledger.Date(2025, 2, 1), Label: "Règlement 450002", Lines: []ledger.Line{
				{Account: "512001", Debit: ledger.MustAmount("700")}, {Account: "450002", Credit: ledger.MustAmount("700")}}},
			{Journal: ledger.JournalBank, Date: ledger.Date(2025, 3, 1), Label: "Au livret", Lines: []ledger.Line{
				{Account: "502000", Debit: ledger.MustAmount("100")}, {Account: "512001", Credit: ledger.MustAmount("100")}}},
			{Journal: ledger.JournalBank, Date: ledger.Date(2025, 3, 1), Label: "Au livret avance", Lines: []ledger.Line{
				{Account: "502100", Debit: ledger.MustAmount("300")}, {Account: "512001", Credit: ledger.MustAmount("300")}}},
		} {
			if err := tx.PostEntry(&e); err != nil {
				return err
			}
		}
		return nil
	})
	return r
}

func euros(s string) ledger.Amount { return ledger.MustAmount(s) }

// TestProposals: both modes with the figures worked out by hand, the
// direction by the sign, the works fund first, the filters.
func TestProposals(t *testing.T) {
	r := parc(t)
	// Fund 105000: 2 quarters × 500 € = 1 000 € called. The livret holds
	// 100 €. 450002 owes 1 200 − 700 = 500 €: his newest calls first, the
	// Q2 fund part (200 €), then 300 € of the Q2 budget part: 200 € of the
	// fund unpaid. Current account: 1 800 + 700 − 100 − 300 = 2 100 €.
	tests := []struct {
		name   string
		mode   transfers.Mode
		filter transfers.Filter
		want   []string // savings account, from → to, amount, problem
	}{
		{"by fund balance, works fund", transfers.ByFundBalance, transfers.Filter{}, []string{"502000 512001→502000 900,00 € "}},
		{"by paid, works fund", transfers.ByPaid, transfers.Filter{}, []string{"502000 512001→502000 700,00 € "}},
		{"advances: back to the current account", transfers.ByFundBalance, transfers.Filter{Category: transfers.Advances},
			[]string{"502100 502100→512001 300,00 € "}},
		{"all, works fund first", transfers.ByFundBalance, transfers.Filter{Category: transfers.AllFunds},
			[]string{"502000 512001→502000 900,00 € ", "502100 502100→512001 300,00 € "}},
		{"all, only positive", transfers.ByPaid, transfers.Filter{Category: transfers.AllFunds, PositiveOnly: true},
			[]string{"502000 512001→502000 700,00 € "}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps, err := transfers.Proposals(r, tt.mode, june30, tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range ps {
				got = append(got, p.Savings.Account+" "+p.Transfer.From+"→"+p.Transfer.To+" "+p.Transfer.Amount.String()+" "+p.Problem)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
	ps, _ := transfers.Proposals(r, transfers.ByPaid, june30, transfers.Filter{})
	if p := ps[0]; p.FundBalance != euros("1000") || p.Unpaid != euros("200") || p.SavingsBalance != euros("100") || p.Proposed != euros("700") {
		t.Errorf("works fund line %+v", p)
	}
}

// TestCheck: every reason a line is refused, and the sum of the lines
// issued from one account against its balance (2 100 € on 30 June).
func TestCheck(t *testing.T) {
	r := parc(t)
	apptest.Update(t, r, func(tx *ledger.Tx) error {
		return tx.SaveBankAccount(ledger.BankAccount{Account: "502200", Label: "Livret sans IBAN"})
	})
	tr := func(from, to, amount string) transfers.Transfer {
		return transfers.Transfer{From: from, To: to, Amount: euros(amount), Date: june30}
	}
	tests := []struct {
		name string
		ts   []transfers.Transfer
		want []string
	}{
		{"within the balance", []transfers.Transfer{tr("512001", "502000", "2100")}, []string{""}},
		{"above the balance", []transfers.Transfer{tr("512001", "502000", "2100.01")}, []string{"dépasse le solde du compte 512001 au 30/06/2025 (2 100,00 €)"}},
		{"sum above the balance", []transfers.Transfer{tr("512001", "502000", "2000"), tr("512001", "502100", "100.01")},
			[]string{"", "les virements depuis le compte 512001 (2 100,01 € au total) dépassent son solde"}},
		{"no IBAN", []transfers.Transfer{tr("512001", "502200", "10")}, []string{"le compte 502200 (Livret sans IBAN) n'a pas d'IBAN"}},
		{"same account", []transfers.Transfer{tr("512001", "512001", "10")}, []string{"sont le même"}},
		{"zero", []transfers.Transfer{tr("512001", "502000", "0")}, []string{"supérieur à zéro"}},
		{"not a bank account", []transfers.Transfer{tr("512001", "401000", "10")}, []string{"401000 n'est pas un compte bancaire"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := transfers.Check(r, tt.ts)
			if err != nil {
				t.Fatal(err)
			}
			for i := range tt.want {
				if (tt.want[i] == "") != (got[i] == "") || !strings.Contains(got[i], tt.want[i]) {
					t.Errorf("line %d: %q, want %q", i+1, got[i], tt.want[i])
				}
			}
		})
	}
}

func xmllint(t *testing.T, b []byte, v sepa.Version) {
	t.Helper()
	if _, err := exec.LookPath("xmllint"); err != nil {
		t.Skip("xmllint missing (Debian: libxml2-utils)")
	}
	f := filepath.Join(t.TempDir(), "f.xml")
	os.WriteFile(f, b, 0o600)
	xsd := filepath.Join("..", "..", "sepa", "testdata", string(v)+".xsd")
	if out, err := exec.Command("xmllint", "--noout", "--schema", xsd, f).CombinedOutput(); err != nil {
		t.Errorf("%s: %v\n%s", v, err, out)
	}
}

// TestPost: one entry per transfer in BQ, one file per issuing account,
// XSD-valid in both versions, recorded whole with unique message ids, and
// written again byte for byte.
func TestPost(t *testing.T) {
	for _, v := range []sepa.Version{sepa.Pain001v09, sepa.Pain001v03} {
		t.Run(string(v), func(t *testing.T) {
			r := parc(t)
			dir := t.TempDir()
			ts := []transfers.Transfer{
				{From: "512001", To: "502000", Amount: euros("900"), Date: june30, Label: "Fonds de travaux, 2e trimestre"},
				{From: "502100", To: "512001", Amount: euros("300"), Date: june30},
				{From: "512001", To: "502100", Amount: euros("50"), Date: june30, Label: "Complément"},
			}
			res, err := transfers.Post(r, ts, transfers.Options{Version: v, Folder: dir})
			if err != nil {
				t.Fatal(ledger.Message(err))
			}
			if len(res.Files) != 2 || len(res.Entries) != 3 {
				t.Fatalf("files %+v entries %v", res.Files, res.Entries)
			}
			f0, f1 := res.Files[0], res.Files[1]
			if f0.Name != "VIREFOND_RESIDENCE_DU_PARC_20250630_30006_1.xml" || f1.Name != "VIREFOND_RESIDENCE_DU_PARC_20250630_20041_2.xml" {
				t.Errorf("names %q %q", f0.Name, f1.Name)
			}
			if f0.From != "512001" || f0.Transfers != 2 || f0.Total != euros("950") || f1.From != "502100" || f1.Total != euros("300") {
				t.Errorf("files %+v", res.Files)
			}
			if f0.MsgID == f1.MsgID || f0.MsgID != "RESIDENCEDUPARC-V000001" {
				t.Errorf("message ids %q %q", f0.MsgID, f1.MsgID)
			}
			apptest.View(t, r, func(tx *ledger.Tx) error {
				e, err := tx.Entry(res.Entries[0])
				if err != nil {
					return err
				}
				if e.Journal != ledger.JournalBank || !e.Date.Equal(june30) || e.Label != "Fonds de travaux, 2e trimestre" ||
					e.Lines[0].Account != "502000" || e.Lines[0].Debit != euros("900") || e.Lines[1].Account != "512001" || e.Lines[1].Credit != euros("900") {
					t.Errorf("entry %+v", e)
				}
				e, _ = tx.Entry(res.Entries[1])
				if e.Lines[0].Account != "512001" || e.Lines[0].Debit != euros("300") || e.Lines[1].Account != "502100" || e.Label != "Virement du livret : Fonds" {
					t.Errorf("entry back %+v", e)
				}
				for _, f := range res.Files {
					rec, err := tx.SEPAFile(f.ID)
					if err != nil {
						return err
					}
					disk, _ := os.ReadFile(f.Path)
					if !bytes.Equal(disk, rec.Content) || rec.Schema != string(v) || len(rec.Payments) != f.Transfers {
						t.Errorf("%s: on disk %d bytes, recorded %d, schema %s", f.Name, len(disk), len(rec.Content), rec.Schema)
					}
					if rec.Payments[0].EntryID == 0 || !strings.HasPrefix(rec.Payments[0].EndToEnd, f.MsgID+"-") {
						t.Errorf("payments %+v", rec.Payments)
					}
					xmllint(t, disk, v)
				}
				return nil
			})
			// Lost on the way to the bank: written again, byte for byte.
			first, _ := os.ReadFile(f0.Path)
			os.Remove(f0.Path)
			again := t.TempDir()
			path, err := transfers.WriteAgain(r, f0.MsgID, again)
			if err != nil {
				t.Fatal(err)
			}
			if b, _ := os.ReadFile(path); !bytes.Equal(b, first) || filepath.Base(path) != f0.Name {
				t.Errorf("written again %s differs", path)
			}
			if s := string(first); !strings.Contains(s, "<CtrlSum>950.00</CtrlSum>") || !strings.Contains(s, "Fonds de travaux, 2e trimestre") {
				t.Errorf("file %s", s)
			}
		})
	}
}

// TestPostRefused: what Post refuses leaves the residence byte for byte as
// it was and no file in the folder.
func TestPostRefused(t *testing.T) {
	r := parc(t)
	apptest.Update(t, r, func(tx *ledger.Tx) error {
		return tx.SaveBankAccount(ledger.BankAccount{Account: "502200", Label: "Livret sans IBAN"})
	})
	tr := func(from, to, amount, label string) transfers.Transfer {
		return transfers.Transfer{From: from, To: to, Amount: euros(amount), Date: june30, Label: label}
	}
	tests := []struct {
		name string
		ts   []transfers.Transfer
		v    sepa.Version
		want string
	}{
		{"above the balance", []transfers.Transfer{tr("512001", "502000", "2100.01", "")}, "", "dépasse le solde"},
		{"no IBAN", []transfers.Transfer{tr("512001", "502200", "10", "")}, "", "n'a pas d'IBAN"},
		{"same account", []transfers.Transfer{tr("512001", "512001", "10", "")}, "", "sont le même"},
		{"zero", []transfers.Transfer{tr("512001", "502000", "0", "")}, "", "supérieur à zéro"},
		{"negative", []transfers.Transfer{tr("512001", "502000", "-5", "")}, "", "supérieur à zéro"},
		{"text SEPA refuses", []transfers.Transfer{tr("512001", "502000", "10", "Virement de 10 €")}, "", "Fichier de virement du compte 512001 refusé"},
		{"unknown version", []transfers.Transfer{tr("512001", "502000", "10", "")}, "pain.001.001.02", "Version de fichier"},
		{"nothing", nil, "", "Aucun virement"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, _ := os.ReadFile(r.Path())
			dir := t.TempDir()
			_, err := transfers.Post(r, tt.ts, transfers.Options{Version: tt.v, Folder: dir})
			if err == nil || !strings.Contains(ledger.Message(err), tt.want) {
				t.Fatalf("err %v, want %q", err, tt.want)
			}
			if after, _ := os.ReadFile(r.Path()); !bytes.Equal(before, after) {
				t.Error("the residence changed")
			}
			if left, _ := os.ReadDir(dir); len(left) != 0 {
				t.Errorf("files left: %v", left)
			}
		})
	}
	t.Run("closed exercise", func(t *testing.T) {
		ex := apptest.Year(t, r, 2025)
		apptest.Update(t, r, func(tx *ledger.Tx) error { return tx.CloseExercise(ex.ID) })
		before, _ := os.ReadFile(r.Path())
		dir := t.TempDir()
		_, err := transfers.Post(r, []transfers.Transfer{tr("512001", "502000", "10", "")}, transfers.Options{Folder: dir})
		if err == nil || !strings.Contains(ledger.Message(err), "est clos") {
			t.Fatalf("err %v", err)
		}
		if after, _ := os.ReadFile(r.Path()); !bytes.Equal(before, after) {
			t.Error("the residence changed")
		}
		if left, _ := os.ReadDir(dir); len(left) != 0 {
			t.Errorf("files left: %v", left)
		}
	})
}

// TestSlip: the slip names both accounts with IBAN and BIC, the amount,
// the date, the reason and the signature box.
func TestSlip(t *testing.T) {
	r := parc(t)
	pdf, err := transfers.Slip(r, []transfers.Transfer{{From: "512001", To: "502000", Amount: euros("1234.56"), Date: june30,
		Label: "Fonds de travaux, 2e trimestre"}}, map[int]string{0: "VIREFOND_X.xml"})
	if err != nil {
		t.Fatal(err)
	}
	text := ledgertest.Flat(ledgertest.PDF(t, pdf))
	for _, want := range []string{"Bordereau de virement", "Syndicat des copropriétaires Résidence du Parc",
		"Compte à débiter", "Compte courant (compte 512001)", "FR76 3000 6000 0112 3456 7890 189", "AGRIFRPP",
		"Compte à créditer", "Livret fonds de travaux (compte 502000)", "FR76 3000 2008 4700 0007 1433 944",
		"Montant 1 234,56 €", "Date d'exécution 30/06/2025", "Motif Fonds de travaux, 2e trimestre", "VIREFOND_X.xml",
		"Pour le syndicat, le syndic", "Date et signature"} {
		if !strings.Contains(text, want) {
			t.Errorf("slip lacks %q:\n%s", want, text)
		}
	}
	if os.Getenv("SLIP_OUT") != "" {
		os.WriteFile(os.Getenv("SLIP_OUT"), pdf, 0o644)
	}
}
