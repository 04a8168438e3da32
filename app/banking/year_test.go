package banking_test

import (
	"bytes"
	"fmt"
	"io"
	"math/rand"
	"strconv"
	"strings"
	"testing"

	"tantieme/app/apptest"
	"tantieme/app/banking"
	"tantieme/bankfile"
	"tantieme/bankfile/camt"
	"tantieme/bankfile/cfonb"
	"tantieme/bankfile/ofx"
	"tantieme/bankfile/read"
	"tantieme/internal/fr"
	"tantieme/ledger"
)

// yearFormat is how a month's statement reaches the import: written in a
// bank's format and read back from the bytes, or handed over as Go values
// (write nil). It says what the format carries, so that the expectations
// follow it: a counterparty's name, his IBAN, the opening and closing
// balances.
type yearFormat struct {
	name    string // the Format the reader gives back
	ext     string
	write   func(io.Writer, []bankfile.Statement) error
	account bankfile.Account // how the format names the residence's account
	upper   bool             // texts in upper-case ASCII, as CFONB banks write them
	label   int              // characters of the label kept, 0 for all
	names   bool             // the counterparty's name
	ibans   bool             // the counterparty's IBAN
	opening bool
	closing bool
}

var (
	// The residence's account 512001, by IBAN and by the RIB inside it
	// (FR76 30006 00001 12345678901 89).
	byIBAN = bankfile.Account{IBAN: bankIBAN}
	byRIB  = bankfile.Account{Bank: "30006", Branch: "00001", Number: "12345678901", Name: "SDC RESIDENCE DES TILLEULS"}

	goValues = []yearFormat{{name: "test", account: byIBAN, names: true, ibans: true, opening: true, closing: true}}

	// CFONB 120 carries the payer's name and IBAN in its 05 complements
	// (NPY, CPY), CFONB 240 the name only (43-66; the payer's RIB zone is
	// left blank), CAMT both (RltdPties); OFX neither (its writers put no
	// PAYEE nor BANKACCTTO, as French banks' exports don't). CFONB 240 and
	// camt.054 state no balance, OFX a closing one only (LEDGERBAL).
	fileFormats = []yearFormat{
		{name: "CFONB 120", ext: "txt", write: cfonb.Write, account: byRIB, upper: true, label: 31, names: true, ibans: true, opening: true, closing: true},
		{name: "CFONB 240", ext: "txt", write: cfonb.Write240, account: byRIB, upper: true, label: 32, names: true},
		{name: "CAMT.053.001.02", ext: "xml", write: camt.Write, account: byIBAN, names: true, ibans: true, opening: true, closing: true},
		{name: "CAMT.054.001.02", ext: "xml", write: camt.Write054, account: byIBAN, names: true, ibans: true},
		{name: "OFX 1.0.2", ext: "ofx", write: ofx.Write, account: byRIB, closing: true},
		{name: "OFX 2.0", ext: "ofx", write: ofx.Write2, account: byIBAN, closing: true},
	}
)

// A year of statements on a generated residence, handed over as Go values:
// every route of the matching with every field it needs.
func TestYearOfStatements(t *testing.T) { yearOfStatements(t, goValues) }

// The same year written by the tests in every format in turn (CFONB 120,
// CFONB 240, camt.053, camt.054, OFX 1, OFX 2, twice), each file read back
// by read.Statements as the import reads a bank's file.
func TestYearOfStatementFiles(t *testing.T) { yearOfStatements(t, fileFormats) }

// yearOfStatements: twelve owners pay every month by routes the matching
// must find (account number, lot, name in the bank's spelling, payer
// IBAN), some lines wait and are assigned by hand, bank fees go to 662.
// Month m is in format formats[(m-1) % len]. Each owner's balance after
// the import is computed here, from his balance before and what the test
// paid for him; whether each line is posted at once or waits is computed
// from what the month's format carries and which payer IBANs were learnt.
func yearOfStatements(t *testing.T, formats []yearFormat) {
	names := []string{"Martin Paul", "Bernard Élise", "Thomas Chloé", "Petit Hugo", "Robert Léa", "Richard Noé",
		"Durand Inès", "Dubois Jules", "Moreau Zoé", "Laurent Rémi", "Simon Anaïs", "Michel Loïc"}
	var lots []apptest.Lot
	for i := range names {
		lots = append(lots, apptest.Lot{Number: strconv.Itoa(i + 1), Owner: fmt.Sprintf("450%03d", i+1),
			Shares: map[string]string{"001": strconv.Itoa(50 + 17*i)}})
	}
	r := apptest.Calls(t, lots, apptest.Budget("602000", "001", "36000.00"))
	apptest.Update(t, r, func(tx *ledger.Tx) error {
		for i, n := range names {
			o, err := tx.Owner(fmt.Sprintf("450%03d", i+1))
			if err != nil {
				return err
			}
			o.Civility, o.Name = "M.", n
			if err := tx.UpdateOwner(o); err != nil {
				return err
			}
		}
		return nil
	})
	plan, err := r.PlanBudgetCalls(apptest.Year(t, r, 2025), 4)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.PostCalls(plan); err != nil {
		t.Fatal(err)
	}
	want := balances(t, r)
	var bank, fees ledger.Amount
	rng := rand.New(rand.NewSource(17))
	type file struct {
		name string
		data []byte
	}
	var all []bankfile.Statement // the year as the import read it
	var files []file
	byIBANRoute := 0 // lines posted by a payer IBAN the books had learnt
	// Owner i pays from IBAN ibans[i] (valid keys, computed below); learnt[i]
	// says whether the books know it yet (a line carrying it was posted to
	// him, by the matching or by hand).
	ibans := make([]string, len(names))
	learnt := make([]bool, len(names))
	for i := range ibans {
		ibans[i] = ibanFR(fmt.Sprintf("2004101005%011d", 500000+i))
	}
	for month := 1; month <= 12; month++ {
		f := formats[(month-1)%len(formats)]
		date := func(d int) string { return fmt.Sprintf("2025-%02d-%02d", month, d) }
		text := func(s string) string {
			if f.upper {
				return strings.ToUpper(fr.Fold(s))
			}
			return s
		}
		st := stmt()
		st.Account = f.account
		st.From, st.To = day(date(1)), day(date(28))
		st.Opening = &bankfile.Balance{Date: day(date(1)), Amount: int64(bank)}
		// expect[k] is the account line k must be posted to; waits[k] says
		// it waits for the syndic (then assigned by hand to expect[k]).
		var expect []string
		var waits []bool
		carries := make([]bool, 0, len(names)+1) // line k carries its payer's IBAN
		// A tail the 31 or 32 characters of a CFONB label cut off: what
		// the matching needs is before it.
		const tail = " /MOTIF PROVISIONS COPROPRIETE 2025"
		for i, n := range names {
			acc := fmt.Sprintf("450%03d", i+1)
			amount := int64(100*(50+17*i)/1) + int64(rng.Intn(3))*1000 // roughly a month of provisions
			l := line(date(5+i), amount, "")
			l.Reference = fmt.Sprintf("R%02d%03d", month, i+1)
			first, last, _ := strings.Cut(n, " ")
			wait, iban := false, false
			switch (i + month) % 6 {
			case 0:
				l.Label = "VIR SEPA REF " + acc + tail
			case 1:
				l.Label = "VIREMENT LOT " + strconv.Itoa(i+1) + tail
			case 2:
				l.Label = "VIR M OU MME " + strings.ToUpper(fr.Fold(last)+" "+fr.Fold(first)) + tail
			case 3:
				l.Label = "VIR SEPA"
				l.Counterparty.Name = text(strings.ToUpper(first + " " + last))
				l.Counterparty.IBAN = ibans[i]
				// By the IBAN once learnt, else by the name; a format
				// with neither leaves « VIR SEPA » alone.
				iban = f.ibans
				wait = !f.names && !(f.ibans && learnt[i])
			case 4:
				l.Label = "VIR SEPA"
				l.Counterparty.IBAN = ibans[i]
				iban = f.ibans
				wait = !(f.ibans && learnt[i])
			case 5:
				l.Label = "VIR PERMANENT " + text(strings.ToUpper(first)) + tail // a first name alone: nobody is sure
				wait = true
			}
			st.Lines = append(st.Lines, l)
			expect, waits, carries = append(expect, acc), append(waits, wait), append(carries, iban)
			want[acc] -= ledger.Amount(amount)
			bank += ledger.Amount(amount)
		}
		fee := line(date(28), -int64(700+month), "FRAIS TENUE DE COMPTE")
		fee.Reference = fmt.Sprintf("F%02d", month)
		st.Lines = append(st.Lines, fee)
		expect, waits, carries = append(expect, "662000"), append(waits, true), append(carries, false)
		bank += ledger.Amount(fee.Amount)
		fees -= ledger.Amount(fee.Amount)
		st.Closing = &bankfile.Balance{Date: day(date(28)), Amount: int64(bank)}

		name := fmt.Sprintf("releve-2025-%02d", month)
		if f.ext != "" {
			name += "." + f.ext
		}
		got := []bankfile.Statement{st}
		if f.write != nil {
			var b bytes.Buffer
			if err := f.write(&b, got); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			files = append(files, file{name, b.Bytes()})
			if got, err = read.Statements(name, b.Bytes()); err != nil {
				t.Fatalf("%s: %v\n%s", name, ledger.Message(err), b.String())
			}
		}
		if len(got) != 1 || got[0].Format != f.name || len(got[0].Lines) != len(st.Lines) || got[0].Total() != st.Total() {
			t.Fatalf("%s read back: %+v", name, got)
		}
		rs := got[0]
		if f.account == byRIB && rs.Account.IBAN != "" {
			t.Errorf("%s: the account is named by IBAN %s, the test wants it tied by its RIB", name, rs.Account.IBAN)
		}
		if (rs.Opening != nil) != f.opening || (rs.Closing != nil) != f.closing {
			t.Errorf("%s: balances %v %v", name, rs.Opening, rs.Closing)
		}
		if rs.Opening != nil && rs.Opening.Amount != st.Opening.Amount || rs.Closing != nil && rs.Closing.Amount != st.Closing.Amount {
			t.Errorf("%s: balances %v %v, written %v %v", name, rs.Opening, rs.Closing, st.Opening, st.Closing)
		}
		if err := rs.CheckBalances(name); err != nil {
			t.Error(err)
		}
		// What the format carries comes back as written: the bank's
		// reference, the payer's name and IBAN, the label (CFONB cuts it).
		for k, l := range rs.Lines {
			w := st.Lines[k]
			label := w.Label
			if f.label > 0 && len(label) > f.label {
				label = strings.TrimSpace(label[:f.label]) // ASCII here
			}
			if f.upper && strings.ToUpper(fr.Fold(l.Label)) != l.Label {
				t.Errorf("%s: label %q, a CFONB label is upper-case ASCII", name, l.Label)
			}
			if l.Amount != w.Amount || !l.Date.Equal(w.Date) || l.Label != label || l.Reference != w.Reference ||
				f.names && l.Counterparty.Name != w.Counterparty.Name || f.ibans && l.Counterparty.IBAN != w.Counterparty.IBAN {
				t.Errorf("%s line %d: read back %+v, written %+v", name, k, l, w)
			}
		}
		all = append(all, got...)

		p, err := banking.Prepare(r, name, got)
		if err != nil {
			t.Fatalf("%s: %v", name, ledger.Message(err))
		}
		if len(p.Statements) != 1 || p.Statements[0].Bank != "512001" {
			t.Errorf("%s: tied to %+v", name, p.Statements)
		}
		rep := mustApply(t, r, p)
		// A statement with a closing balance is one of the bank's
		// statements in the reconciliation: the lines posted are ticked
		// on it. CFONB 240 and camt.054 state none: nothing is ticked.
		wantRec := []string{}
		if f.closing {
			wantRec = []string{"512001 au " + ledger.FrenchDate(day(date(28)))}
		}
		if fmt.Sprint(rep.Reconciled) != fmt.Sprint(wantRec) {
			t.Errorf("%s: reconciled %q, want %q", name, rep.Reconciled, wantRec)
		}
		if len(rep.Lines) != len(st.Lines) {
			t.Fatalf("%s: %d lines in the report", name, len(rep.Lines))
		}
		for k, rl := range rep.Lines {
			switch {
			case waits[k] && rl.Status != banking.StatusPending:
				t.Errorf("%s line %d (%s): %s to %s, want it pending", name, k, rs.Lines[k].Label, rl.Status, rl.Account)
			case !waits[k] && (rl.Status != banking.StatusPosted || rl.Account != expect[k]):
				t.Errorf("%s line %d (%s): %s to %s (%s), want posted to %s", name, k, rs.Lines[k].Label, rl.Status, rl.Account, rl.Reason, expect[k])
			}
			if strings.HasPrefix(rl.Reason, "IBAN du payeur connu") {
				byIBANRoute++
			}
			if rl.Status != banking.StatusPending {
				continue
			}
			id, _ := strconv.ParseInt(rl.ID, 10, 64)
			key := ""
			if expect[k] == "662000" {
				key = "001"
			}
			if _, err := banking.Assign(r, id, expect[k], key); err != nil {
				t.Fatalf("%s: assign line %d to %s: %v", name, k, expect[k], ledger.Message(err))
			}
		}
		t.Logf("%s: %d posted, %d pending, reconciled %q", name, rep.Posted, rep.Pending, rep.Reconciled)
		for k := range names {
			if carries[k] {
				learnt[k] = true
			}
		}
	}
	if byIBANRoute == 0 {
		t.Error("no line was matched by its payer's IBAN")
	}
	got := balances(t, r)
	for acc, w := range want {
		if got[acc] != w {
			t.Errorf("%s: balance %s, want %s", acc, got[acc], w)
		}
	}
	apptest.View(t, r, func(tx *ledger.Tx) error {
		b, err := tx.AccountBalanceAt("512001", day("2025-12-31"))
		if b != bank {
			t.Errorf("bank %s, want %s", b, bank)
		}
		f, _ := tx.AccountBalanceAt("662000", day("2025-12-31"))
		if f != fees {
			t.Errorf("fees %s, want %s", f, fees)
		}
		return err
	})
	if pending, _ := banking.Pending(r); len(pending) != 0 {
		t.Errorf("%d lines still pending", len(pending))
	}
	// The whole year again, every file read anew, in one import: nothing
	// new.
	if len(files) > 0 {
		all = nil
		for _, f := range files {
			st, err := read.Statements(f.name, f.data)
			if err != nil {
				t.Fatal(err)
			}
			all = append(all, st...)
		}
	}
	p := mustPrepare(t, r, all...)
	if len(p.Lines) != 0 || len(p.Skipped) != 12*13 {
		t.Errorf("re-import of the year: %d new, %d skipped", len(p.Lines), len(p.Skipped))
	}
	checkBooks(t, r)
}

// ibanFR makes a French IBAN of a 23-character BBAN, with its key.
func ibanFR(bban string) string {
	s := bban + "FR00"
	mod := 0
	for _, c := range s {
		switch {
		case c >= '0' && c <= '9':
			mod = (mod*10 + int(c-'0')) % 97
		default:
			mod = (mod*100 + int(c-'A') + 10) % 97
		}
	}
	return fmt.Sprintf("FR%02d%s", 98-mod, bban)
}
