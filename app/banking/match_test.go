package banking_test

import (
	"strings"
	"testing"

	"tantieme/app"
	"tantieme/app/apptest"
	"tantieme/app/banking"
	"tantieme/bankfile"
	"tantieme/ledger"
)

// Each matching rule, in its order of certainty, with the reason shown.
func TestMatchingRules(t *testing.T) {
	r := parc(t)
	apptest.Update(t, r, func(tx *ledger.Tx) error { return tx.AddOwnerIBAN("450002", payerIBAN, day("2025-01-05")) })
	// Two cheques deposited on 20/02: a slip of 700 € the bank credits.
	for _, c := range []struct {
		owner, amount, num string
	}{{"450001", "400", "1234567"}, {"450002", "300", "7654321"}} {
		if _, err := r.Receive(app.ReceiptInput{Owner: c.owner, Amount: ledger.MustAmount(c.amount), Date: day("2025-02-18"), Cheque: c.num}); err != nil {
			t.Fatal(ledger.Message(err))
		}
	}
	cheques, err := r.PendingCheques("")
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, c := range cheques {
		ids = append(ids, c.EntryID)
	}
	if _, err := r.Deposit(app.DepositInput{Cheques: ids, Date: day("2025-02-20")}); err != nil {
		t.Fatal(ledger.Message(err))
	}

	withIBAN := func(l bankfile.Line, iban string) bankfile.Line { l.Counterparty.IBAN = iban; return l }
	withName := func(l bankfile.Line, name string) bankfile.Line { l.Counterparty.Name = name; return l }
	withDetails := func(l bankfile.Line, d ...string) bankfile.Line { l.Details = d; return l }
	for _, tc := range []struct {
		name    string
		line    bankfile.Line
		kind    banking.Kind
		certain bool
		account string // certain: the match; else the first suggestion
		reason  string
	}{
		{"known payer IBAN", withIBAN(line("2025-03-01", 30000, "VIR SEPA RECU"), payerIBAN), banking.Owner, true, "450002", "IBAN du payeur connu"},
		{"owner account in the label", line("2025-03-01", 20000, "VIR REF 450003 CHARGES T1"), banking.Owner, true, "450003", "compte 450003"},
		{"owner account in the details", withDetails(line("2025-03-01", 20000, "VIR SEPA"), "/RFF/450004"), banking.Owner, true, "450004", "compte 450004"},
		{"lot number", line("2025-03-01", 10000, "VIREMENT LOT N 14 CHARGES"), banking.Owner, true, "450004", "lot 14"},
		{"lot number stuck to the word", line("2025-03-01", 10000, "PAIEMENT LOT014"), banking.Owner, true, "450004", "lot 014"},
		{"call piece and the amount called", line("2025-03-01", 30000, "APPEL A2025-0002"), banking.Owner, true, "450002", "pièce A2025-0002"},
		{"name with civilities", line("2025-03-01", 40000, "VIR M OU MME DUPONT ZOE"), banking.Owner, true, "450001", "nom « Dupont Zoé »"},
		{"name in another order, counterparty", withName(line("2025-03-01", 40000, "VIR SEPA"), "ZOE DUPONT"), banking.Owner, true, "450001", "nom « Dupont Zoé »"},
		{"accents, apostrophe, hyphen folded", line("2025-03-01", 20000, "VIR MME L HOTE MARTIN ANAIS"), banking.Owner, true, "450003", "L'Hôte-Martin"},
		{"M ET MME, ç folded", line("2025-03-01", 30000, "VIREMENT DE M ET MME GARCON LOIC"), banking.Owner, true, "450002", "Garçon Loïc"},
		{"surname of two owners: suggestions", line("2025-03-01", 12345, "VIR DUPONT"), banking.Owner, false, "450001", "nom"},
		{"amount exactly one owner owes: a suggestion only", line("2025-03-01", 80000, "VIR SEPA 98765"), banking.Owner, false, "450003", "doit exactement 800,00 €"},
		{"nothing known", line("2025-03-01", 1234, "VIR XYZ"), banking.None, false, "", "aucun copropriétaire"},
		{"deposit slip of the same total", line("2025-02-21", 70000, "REMISE CHEQUES 0000012"), banking.Deposit, true, "", "remise de chèques du 20/02/2025 (2 chèques)"},
		{"supplier by IBAN", withIBAN(line("2025-03-01", -24000, "PRLV SEPA"), supIBAN), banking.Supplier, true, "401001", "IBAN du fournisseur"},
		{"supplier by name and open invoice", line("2025-03-01", -24000, "VIR ASCENSEURS RHONE LIFT F-77"), banking.Supplier, true, "401001", "facture ouverte"},
		{"supplier by name, another amount", line("2025-03-01", -9999, "VIR ASCENSEURS RHONE LIFT"), banking.Supplier, false, "401001", "nom du fournisseur"},
		{"bank fees: nobody", line("2025-03-01", -850, "FRAIS TENUE DE COMPTE"), banking.None, false, "", "aucun fournisseur"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := mustPrepare(t, r, stmt(tc.line))
			if len(p.Lines) != 1 {
				t.Fatalf("%d lines", len(p.Lines))
			}
			l := p.Lines[0]
			got := l.Account
			if !tc.certain && len(l.Suggestions) > 0 {
				got = l.Suggestions[0].Account
			}
			reason := l.Reason
			if !tc.certain && len(l.Suggestions) > 0 {
				reason = l.Suggestions[0].Reason
			}
			if l.Kind != tc.kind || l.Certain != tc.certain || got != tc.account || !strings.Contains(reason, tc.reason) {
				t.Errorf("kind %d certain %v account %q reason %q %+v; want %d %v %q %q", l.Kind, l.Certain, got, reason, l.Suggestions,
					tc.kind, tc.certain, tc.account, tc.reason)
			}
		})
	}
}

// A surname two owners bear gives both as suggestions, never a match.
func TestTwoSuggestions(t *testing.T) {
	r := parc(t)
	p := mustPrepare(t, r, stmt(line("2025-03-01", 12345, "VIR DUPONT")))
	s := p.Lines[0].Suggestions
	if p.Lines[0].Certain || len(s) != 2 || s[0].Account != "450001" || s[1].Account != "450004" {
		t.Errorf("suggestions %+v", s)
	}
}

// A statement's account is found by IBAN, or by the RIB inside it.
func TestAccountByRIB(t *testing.T) {
	r := parc(t)
	st := stmt(line("2025-03-01", 20000, "VIR 450003"))
	st.Account = bankfile.Account{Bank: "30006", Branch: "00001", Number: "12345678901"}
	p := mustPrepare(t, r, st)
	if p.Statements[0].Bank != "512001" || len(p.Lines) != 1 {
		t.Errorf("tied to %q, %d lines", p.Statements[0].Bank, len(p.Lines))
	}
}
