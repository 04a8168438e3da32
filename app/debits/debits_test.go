package debits_test

import (
	"bytes"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"tantieme/app"
	"tantieme/app/apptest"
	"tantieme/app/debits"
	"tantieme/ledger"
	"tantieme/ledger/ledgertest"
	"tantieme/sepa"
)

// The IBANs of the standard's examples.
const (
	ibanFR = "FR14 2004 1010 0505 0001 3M02 606"
	ibanDE = "DE89 3704 0044 0532 0130 00"
	ibanGB = "GB82 WEST 1234 5698 7654 32"
)

var amt = ledger.MustAmount

// residence is « Résidence des Tests » (ledgertest.Tests: call T1 on
// 01/01/2025 of 400 / 300 / 300 €, Dupont paid 450, Martin 300) with two
// more calls, T2 on 01/04 and T3 on 01/07 (400 / 300 / 300 each), the
// ICS on 512001, and a mandate for each owner: Dupont (signed 15/01/2025),
// Garçon (signed 01/06/2024, collected on 01/12/2024: RCUR next), Martin
// (signed 20/01/2025). Then change alters it.
func residence(t *testing.T, change func(tx *ledger.Tx) error) *app.Residence {
	t.Helper()
	r := apptest.Open(t, ledgertest.Tests(t))
	apptest.Update(t, r, func(tx *ledger.Tx) error {
		if err := tx.SaveBankAccount(ledger.BankAccount{Account: "512001", Label: "Compte courant",
			IBAN: "FR76 3000 6000 0112 3456 7890 189", BIC: "AGRIFRPP", ICS: "FR72ZZZ123456"}); err != nil {
			return err
		}
		for i, d := range []string{"2025-04-01", "2025-07-01"} {
			e := ledger.Entry{Journal: ledger.JournalMisc, Date: ledger.MustDate(d), Piece: []string{"A0002", "A0003"}[i], Label: "Appel", Lines: []ledger.Line{
				{Account: "450001", Debit: amt("400")}, {Account: "450002", Debit: amt("300")}, {Account: "450003", Debit: amt("300")},
				{Account: "701000", Key: ledger.GeneralKey, Credit: amt("1000")}}}
			if err := tx.PostEntry(&e); err != nil {
				return err
			}
		}
		for _, m := range []ledger.Mandate{
			{Owner: "450001", RUM: "RUM-A", IBAN: ibanFR, BIC: "BNPAFRPP", Signed: ledger.Date(2025, 1, 15)},
			{Owner: "450002", RUM: "RUM-B", IBAN: ibanDE, Signed: ledger.Date(2024, 6, 1)},
			{Owner: "450003", RUM: "RUM-C", IBAN: ibanGB, Signed: ledger.Date(2025, 1, 20)},
		} {
			if err := tx.AddMandate(&m); err != nil {
				return err
			}
		}
		b, _, _ := tx.MandateInForce("450002")
		if err := tx.MandateCollected(b.ID, ledger.Date(2024, 12, 1)); err != nil {
			return err
		}
		if change != nil {
			return change(tx)
		}
		return nil
	})
	return r
}

func receive(tx *ledger.Tx, owner, amount, date string) error {
	_, err := app.ReceiveIn(tx, app.ReceiptInput{Owner: owner, Amount: amt(amount), Date: ledger.MustDate(date), Mode: ledger.ByTransfer})
	return err
}

// TestPlan: who is debited of what, by hand from the residence above.
func TestPlan(t *testing.T) {
	tests := []struct {
		name    string
		date    string
		change  func(tx *ledger.Tx) error
		lines   string // owner:amount:sequence
		skipped string // part of a skip's reason, per owner
		warn    string // part of a warning
	}{
		// Dupont: T1 400 paid by his 450, T2 400 less the 50 left: 350;
		// Garçon T1 + T2; Martin T2. T3 is not due yet.
		{"FRST and RCUR", "2025-04-01", nil, "450001:350,00 €:FRST 450002:600,00 €:RCUR 450003:300,00 €:FRST", "",
			"Échéance du 01/04/2025 : aucun avis d'appel annonçant le prélèvement"},
		{"credit owner skipped", "2025-04-01", func(tx *ledger.Tx) error { return receive(tx, "450003", "400", "2025-03-01") },
			"450001:350,00 €:FRST 450002:600,00 €:RCUR", "450003:en crédit", ""},
		// A payment received after the date is counted: the debit never
		// collects what the owner already paid.
		{"never more than owed", "2025-04-01", func(tx *ledger.Tx) error { return receive(tx, "450001", "100", "2025-04-10") },
			"450001:250,00 €:FRST 450002:600,00 €:RCUR 450003:300,00 €:FRST", "", ""},
		// Dupont's payment of 03/02 is counted; Martin signed on 20/01.
		{"nothing due", "2025-02-01", nil, "450002:300,00 €:RCUR", "450001:déjà réglés", ""},
		{"lapsed", "2025-04-01", func(tx *ledger.Tx) error {
			m, _, _ := tx.MandateInForce("450003")
			return tx.MandateCollected(m.ID, ledger.Date(2022, 3, 31))
		}, "450001:350,00 €:FRST 450002:600,00 €:RCUR", "450003:caduc depuis le 31/03/2025", ""},
		{"revoked", "2025-04-01", func(tx *ledger.Tx) error { _, err := tx.RevokeMandate("450001", ledger.Date(2025, 3, 15)); return err },
			"450002:600,00 €:RCUR 450003:300,00 €:FRST", "", ""},
		{"returns twice", "2025-04-01", func(tx *ledger.Tx) error {
			m, _, _ := tx.MandateInForce("450002")
			tx.MandateReturned(m.ID)
			return tx.MandateReturned(m.ID)
		}, "450001:350,00 €:FRST 450002:600,00 €:RCUR 450003:300,00 €:FRST", "", "Garçon Loïc : 2 prélèvements rejetés sur le mandat RUM-B"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := residence(t, tt.change)
			b, err := debits.Plan(r, ledger.MustDate(tt.date), "")
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, l := range b.Lines {
				got = append(got, l.Owner.Account+":"+l.Amount.String()+":"+l.Sequence)
			}
			if g := strings.ReplaceAll(strings.Join(got, " "), "\u202f", " "); g != tt.lines {
				t.Errorf("lines %q, want %q", g, tt.lines)
			}
			if tt.skipped != "" {
				owner, why, _ := strings.Cut(tt.skipped, ":")
				found := false
				for _, s := range b.Skipped {
					found = found || s.Owner.Account == owner && strings.Contains(s.Reason, why)
				}
				if !found {
					t.Errorf("skipped %+v, want %s", b.Skipped, tt.skipped)
				}
			}
			if tt.warn != "" && !strings.Contains(strings.Join(b.Warnings, "\n"), tt.warn) {
				t.Errorf("warnings %q, want %q", b.Warnings, tt.warn)
			}
			if b.Creditor != "Syndicat des copropriétaires de la résidence des Tests" {
				t.Errorf("creditor %q", b.Creditor)
			}
		})
	}
}

// TestPlanNoICS: the bank account without an ICS is named.
func TestPlanNoICS(t *testing.T) {
	r := residence(t, func(tx *ledger.Tx) error {
		return tx.SaveBankAccount(ledger.BankAccount{Account: "512001", Label: "Compte courant", IBAN: "FR76 3000 6000 0112 3456 7890 189"})
	})
	_, err := debits.Plan(r, ledger.Date(2025, 4, 1), "512001")
	if err == nil || !strings.Contains(ledger.Message(err), "Le compte 512001 Compte courant n'a pas d'identifiant créancier SEPA (ICS)") {
		t.Fatalf("err %v", err)
	}
	_, err = debits.Plan(r, ledger.Date(2025, 4, 1), "")
	if err == nil || !strings.Contains(ledger.Message(err), "512001 Compte courant n'a pas d'identifiant créancier") {
		t.Fatalf("default bank: err %v", err)
	}
}

// ctrl is what the tests read back of a pain.008.
type ctrl struct {
	NbOfTxs string `xml:"CstmrDrctDbtInitn>GrpHdr>NbOfTxs"`
	CtrlSum string `xml:"CstmrDrctDbtInitn>GrpHdr>CtrlSum"`
	PmtInf  []struct {
		NbOfTxs string `xml:"NbOfTxs"`
		CtrlSum string `xml:"CtrlSum"`
		Seq     string `xml:"PmtTpInf>SeqTp"`
		Tx      []struct {
			Amount string `xml:"InstdAmt"`
			E2E    string `xml:"PmtId>EndToEndId"`
			RUM    string `xml:"DrctDbtTx>MndtRltdInf>MndtId"`
		} `xml:"DrctDbtTxInf"`
	} `xml:"CstmrDrctDbtInitn>PmtInf"`
}

func xmllint(t *testing.T, path string, v sepa.Version) {
	t.Helper()
	if _, err := exec.LookPath("xmllint"); err != nil {
		t.Skip("xmllint missing (apt package libxml2-utils)")
	}
	out, err := exec.Command("xmllint", "--noout", "--schema", filepath.Join("..", "..", "sepa", "testdata", string(v)+".xsd"), path).CombinedOutput()
	if err != nil {
		t.Errorf("%s: xmllint: %v\n%s", v, err, out)
	}
}

// TestPost: both versions XSD-valid, the control sums, the receipts and
// balances, the mandates, the file recorded and written again byte for
// byte; a second post of the same batch is refused.
func TestPost(t *testing.T) {
	for _, v := range []sepa.Version{sepa.Pain008v08, sepa.Pain008v02} {
		t.Run(string(v), func(t *testing.T) {
			r := residence(t, nil)
			date := ledger.Date(2025, 4, 1)
			b, err := debits.Plan(r, date, "")
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			res, err := debits.Post(r, b, debits.Options{Version: v, Folder: dir})
			if err != nil {
				t.Fatal(err)
			}
			if want := "PRELEV_RESIDENCE_DES_TESTS_20250401_30006_1.xml"; filepath.Base(res.Path) != want {
				t.Errorf("file %q, want %q", res.Path, want)
			}
			xmllint(t, res.Path, v)
			// The receipts say how the owners paid: by direct debit.
			apptest.View(t, r, func(tx *ledger.Tx) error {
				rcs, err := tx.Receipts(ledger.ReceiptFilter{From: b.Date, To: b.Date})
				if len(rcs) == 0 {
					t.Error("no receipt on the collection date")
				}
				for _, rc := range rcs {
					if rc.Mode != ledger.ByDebit || !strings.Contains(rc.Label, "prélèvement SEPA") {
						t.Errorf("receipt %s: mode %s, label %q", rc.Piece, rc.Mode, rc.Label)
					}
				}
				return err
			})
			content, err := os.ReadFile(res.Path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(content, res.File.Content) {
				t.Error("the file on disk is not the one recorded")
			}
			var c ctrl
			if err := xml.Unmarshal(content, &c); err != nil {
				t.Fatal(err)
			}
			// FRST: Dupont 350 + Martin 300; RCUR: Garçon 600.
			if c.NbOfTxs != "3" || c.CtrlSum != "1250.00" || len(c.PmtInf) != 2 ||
				c.PmtInf[0].Seq != "FRST" || c.PmtInf[0].NbOfTxs != "2" || c.PmtInf[0].CtrlSum != "650.00" ||
				c.PmtInf[1].Seq != "RCUR" || c.PmtInf[1].NbOfTxs != "1" || c.PmtInf[1].CtrlSum != "600.00" ||
				c.PmtInf[1].Tx[0].RUM != "RUM-B" || c.PmtInf[1].Tx[0].E2E != "RESIDENCEDESTEST-P000001-2" {
				t.Errorf("read back %+v", c)
			}
			apptest.View(t, r, func(tx *ledger.Tx) error {
				for _, o := range []string{"450001", "450002", "450003"} {
					bal, err := tx.AccountBalanceAt(o, date)
					if err != nil || bal != 0 {
						t.Errorf("%s balance after the batch %v, want 0 (%v)", o, bal, err)
					}
					open, _ := app.OwnerOpenItems(tx, o)
					for _, it := range open {
						if !it.Date.After(date) && it.Due() != 0 {
							t.Errorf("%s: %s still due %v", o, it.Label, it.Due())
						}
					}
				}
				rc, err := tx.Receipts(ledger.ReceiptFilter{Owner: "450002"})
				if err != nil {
					return err
				}
				if n := len(rc); n == 0 || rc[n-1].Amount != amt("600") || !rc[n-1].Date.Equal(date) || rc[n-1].BankAccount != "512001" {
					t.Errorf("Garçon's receipts %+v", rc)
				}
				a, _, _ := tx.MandateInForce("450001")
				g, _, _ := tx.MandateInForce("450002")
				if !a.FirstCollection.Equal(date) || !a.LastCollection.Equal(date) || !g.FirstCollection.Equal(ledger.Date(2024, 12, 1)) || !g.LastCollection.Equal(date) {
					t.Errorf("mandates %+v %+v", a, g)
				}
				f, err := tx.SEPAFile(res.File.ID)
				if err != nil {
					return err
				}
				if f.Transactions != 3 || f.Total != amt("1250") || f.Schema != string(v) || len(f.Payments) != 3 || f.Payments[1].Sequence != "RCUR" {
					t.Errorf("recorded %+v", f)
				}
				return nil
			})
			os.Remove(res.Path)
			again, err := debits.WriteFile(r, res.File.ID, dir)
			if err != nil {
				t.Fatal(err)
			}
			if b2, _ := os.ReadFile(again); !bytes.Equal(b2, content) {
				t.Error("written again, not byte-identical")
			}
			_, err = debits.Post(r, b, debits.Options{Version: v, Folder: dir})
			if err == nil || !strings.Contains(ledger.Message(err), "Aucun prélèvement à faire au 01/04/2025") {
				t.Errorf("posted twice: %v", err)
			}
		})
	}
}

// snapshot is the residence's files as they are on disk.
func snapshot(t *testing.T, r *app.Residence) []byte {
	t.Helper()
	var all []byte
	for _, suffix := range []string{"", "-wal"} {
		b, _ := os.ReadFile(r.Path() + suffix)
		all = append(all, b...)
	}
	return all
}

// TestPostRefused: a refused batch leaves the books byte-identical and no
// file on disk.
func TestPostRefused(t *testing.T) {
	tests := []struct {
		name   string
		change func(r *app.Residence) // after the plan
		opt    debits.Options
		want   string
	}{
		{"changed since", func(r *app.Residence) {
			apptest.Update(t, r, func(tx *ledger.Tx) error { return receive(tx, "450002", "10", "2025-03-20") })
		}, debits.Options{}, "Les comptes ont changé depuis le calcul du lot"},
		{"ICS removed", func(r *app.Residence) {
			apptest.Update(t, r, func(tx *ledger.Tx) error {
				return tx.SaveBankAccount(ledger.BankAccount{Account: "512001", Label: "Compte courant", IBAN: "FR76 3000 6000 0112 3456 7890 189"})
			})
		}, debits.Options{}, "n'a pas d'identifiant créancier SEPA"},
		{"unknown version", nil, debits.Options{Version: "pain.008.001.99"}, "Format « pain.008.001.99 » inconnu"},
		{"debtor refused by the writer", func(r *app.Residence) {
			apptest.Update(t, r, func(tx *ledger.Tx) error {
				o, err := tx.Owner("450003")
				o.Name = "\u4e2d\u6587"
				if err == nil {
					err = tx.UpdateOwner(o)
				}
				return err
			})
		}, debits.Options{}, "Fichier de prélèvement refusé, rien n'est comptabilisé"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := residence(t, nil)
			b, err := debits.Plan(r, ledger.Date(2025, 4, 1), "")
			if err != nil {
				t.Fatal(err)
			}
			if tt.change != nil {
				tt.change(r)
			}
			before := snapshot(t, r)
			dir := t.TempDir()
			tt.opt.Folder = dir
			_, err = debits.Post(r, b, tt.opt)
			if err == nil || !strings.Contains(ledger.Message(err), tt.want) {
				t.Fatalf("err %v, want %q", err, tt.want)
			}
			if !bytes.Equal(before, snapshot(t, r)) {
				t.Error("a refused batch changed the residence")
			}
			if left, _ := os.ReadDir(dir); len(left) != 0 {
				t.Errorf("files left behind: %v", left)
			}
		})
	}
}

// TestReturn: a returned debit reverses the receipt with its fee, opens
// the calls again, ties the payment to its reversal; two returns flag the
// mandate and the next batch warns.
func TestReturn(t *testing.T) {
	r := residence(t, nil)
	dir := t.TempDir()
	post := func(d string) debits.Result {
		b, err := debits.Plan(r, ledger.MustDate(d), "")
		if err != nil {
			t.Fatal(err)
		}
		res, err := debits.Post(r, b, debits.Options{Folder: dir})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	first := post("2025-04-01")
	ret, err := debits.Return(r, debits.ReturnInput{Date: ledger.Date(2025, 4, 8), EndToEnd: "RESIDENCEDESTEST-P000001-2", Reason: "am04", Fee: amt("10")})
	if err != nil {
		t.Fatal(err)
	}
	if ret.Debit.Account != "450002" || ret.Mandate.Returns != 1 || ret.Mandate.Flagged() || ret.Bounce.Balance != amt("610") {
		t.Errorf("first return %+v", ret)
	}
	apptest.View(t, r, func(tx *ledger.Tx) error {
		e, err := tx.Entry(ret.Bounce.Entry.ID)
		if err == nil && !strings.Contains(e.Label, "Prélèvement rejeté (AM04 provision insuffisante)") {
			t.Errorf("label %q", e.Label)
		}
		f, _ := tx.SEPAFile(first.File.ID)
		if f.Payments[1].ReturnedEntry != ret.Bounce.Entry.ID {
			t.Errorf("payment not tied to its return: %+v", f.Payments[1])
		}
		return err
	})
	if _, err := debits.Return(r, debits.ReturnInput{Date: ledger.Date(2025, 4, 9), EndToEnd: "RESIDENCEDESTEST-P000001-2", Reason: "AM04"}); err == nil ||
		!strings.Contains(ledger.Message(err), "déjà été déclaré rejeté") {
		t.Errorf("returned twice: %v", err)
	}
	// 01/07: Garçon owes T2 again, the fee, and T3: 910 €.
	b, err := debits.Plan(r, ledger.Date(2025, 7, 1), "")
	if err != nil {
		t.Fatal(err)
	}
	if b.Lines[1].Owner.Account != "450002" || b.Lines[1].Amount != amt("910") || b.Lines[1].Sequence != "RCUR" {
		t.Errorf("after a return: %+v", b.Lines[1])
	}
	post("2025-07-01")
	ret, err = debits.Return(r, debits.ReturnInput{Date: ledger.Date(2025, 7, 9), Owner: "450002", Amount: amt("910"), Reason: "MS02"})
	if err != nil {
		t.Fatal(err)
	}
	if ret.Mandate.Returns != 2 || !ret.Mandate.Flagged() {
		t.Errorf("second return %+v", ret.Mandate)
	}
	b, err = debits.Plan(r, ledger.Date(2025, 7, 15), "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(b.Warnings, "\n"), "Garçon Loïc : 2 prélèvements rejetés") {
		t.Errorf("no warning after two returns: %q", b.Warnings)
	}
}

// TestMandateForm: the form's mandatory content, read back with pdftotext.
func TestMandateForm(t *testing.T) {
	r := residence(t, nil)
	path := filepath.Join(t.TempDir(), "mandat.pdf")
	if err := debits.WriteMandateForm(r, "450002", path); err != nil {
		t.Fatal(err)
	}
	text := ledgertest.Flat(ledgertest.PDFFile(t, path))
	for _, want := range []string{"Mandat de prélèvement SEPA", "Référence unique du mandat (RUM) RUM-B",
		"Syndicat des copropriétaires de la résidence des Tests", "Identifiant créancier SEPA (ICS) FR72ZZZ123456",
		"Garçon Loïc", "IBAN DE89 3704 0044 0532 0130 00", "récurrent", "vous autorisez le créancier ci-dessus",
		"dans les 8 semaines", "Fait à", "Signature du débiteur"} {
		if !strings.Contains(text, want) {
			t.Errorf("mandate form lacks %q:\n%s", want, text)
		}
	}
}
