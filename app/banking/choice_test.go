package banking_test

import (
	"strings"
	"testing"

	"tantieme/app"
	"tantieme/app/apptest"
	"tantieme/app/banking"
	"tantieme/ledger"
)

// The syndic's choices in the assistant: a line nobody could match is
// given to an owner with its allocation edited (the second call paid in
// full, the rest kept as an advance under his own label), a fee to 662000
// with its key; the posted receipt has one line per part and the call it
// paid in full is matched with its part.
func TestChoicesAreApplied(t *testing.T) {
	r := parc(t)
	pay := line("2025-03-05", 12000, "VIR PERMANENT 8876") // 120 € from Mme L'Hôte-Martin, who owes 200 € per call
	fee := line("2025-03-31", -850, "FRAIS TENUE DE COMPTE")
	p := mustPrepare(t, r, stmt(pay, fee))
	if len(p.Lines) != 2 || p.Lines[0].Certain || p.Lines[1].Certain {
		t.Fatalf("plan %+v", p.Lines)
	}
	before := balances(t, r)
	c, err := banking.Allocate(r, "450003", 12000)
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	if c.Owed != before["450003"] || len(c.Allocation) != 5 || c.Allocation[0].Amount != 12000 || c.Allocation[1].Amount != 0 {
		t.Fatalf("default allocation %+v", c)
	}
	// Nothing on the first call (200 € due), 100 € on the second, the
	// rest (20 €) kept as an advance.
	c.Allocation[0].Amount = 0
	c.Allocation[1].Amount = 10000
	c.Allocation[1].Label = "Règlement partiel du 2e trimestre"
	c.Allocation[4].Label = "Avance sur travaux"
	choices := map[banking.LineID]banking.Choice{
		p.Lines[0].ID: c,
		p.Lines[1].ID: {Account: "662000", Key: "001", Label: "Frais de tenue de compte mars"},
	}
	rep, err := banking.Apply(r, p, banking.Selection{Lines: []banking.LineID{p.Lines[0].ID, p.Lines[1].ID}, Choices: choices})
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	if rep.Posted != 2 || rep.Refused != 0 {
		t.Fatalf("report %+v", rep)
	}
	if got := balances(t, r)["450003"]; got != before["450003"]-12000 {
		t.Errorf("owner balance %s, want %s", got, before["450003"]-12000)
	}
	apptest.View(t, r, func(tx *ledger.Tx) error {
		lines, err := tx.AccountLines("450003", day("2025-03-05"), day("2025-03-05"))
		var labels []string
		for _, l := range lines {
			labels = append(labels, l.Label+"="+l.Credit.String())
		}
		want := "Règlement partiel du 2e trimestre=100,00 € Avance sur travaux=20,00 €"
		if got := strings.Join(labels, " "); got != want {
			t.Errorf("receipt lines %q, want %q", got, want)
		}
		fees, _ := tx.AccountLines("662000", day("2025-03-31"), day("2025-03-31"))
		if len(fees) != 1 || fees[0].Debit != 850 || fees[0].Key != "001" {
			t.Errorf("fee lines %+v", fees)
		}
		return err
	})
	checkBooks(t, r)
}

// A part that pays a call in full is matched with that call, even when an
// older call stays open: the syndic's allocation is what the lettering
// says.
func TestAllocationSettlesTheCallChosen(t *testing.T) {
	r := parc(t)
	p := mustPrepare(t, r, stmt(line("2025-05-05", 20000, "VIR PERMANENT 1")))
	c, err := banking.Allocate(r, "450003", 20000)
	if err != nil {
		t.Fatal(err)
	}
	c.Allocation[0].Amount, c.Allocation[2].Amount = 0, 20000 // the 3rd quarter, not the 1st
	if _, err := banking.Apply(r, p, banking.Selection{Lines: []banking.LineID{p.Lines[0].ID},
		Choices: map[banking.LineID]banking.Choice{p.Lines[0].ID: c}}); err != nil {
		t.Fatal(ledger.Message(err))
	}
	apptest.View(t, r, func(tx *ledger.Tx) error {
		lines, err := tx.AccountLines("450003", day("2025-01-01"), day("2025-12-31"))
		for _, l := range lines {
			settled := l.Letter != ""
			if wantSettled := l.Piece == "A2025-0003" || l.Credit == 20000; settled != wantSettled {
				t.Errorf("%s %s %s: lettre %q", l.Piece, l.Label, l.Balance(), l.Letter)
			}
		}
		return err
	})
}

// An allocation beyond what is due, above the payment, or made on a debt
// that changed since: that line is refused with the reason and stays
// pending; the others of the validation are posted.
func TestBadChoicesAreRefusedOneByOne(t *testing.T) {
	r := parc(t)
	p := mustPrepare(t, r, stmt(line("2025-05-05", 20000, "VIR PERMANENT 1"), line("2025-05-06", 5000, "VIR PERMANENT 2"),
		line("2025-05-07", 7000, "VIR PERMANENT 3"), line("2025-05-08", -1000, "FRAIS")))
	over, _ := banking.Allocate(r, "450003", 20000)
	over.Allocation[0].Amount = 25000 // the call asks 200 €
	above, _ := banking.Allocate(r, "450002", 5000)
	above.Allocation[0].Amount, above.Allocation[1].Amount = 5000, 5000 // 100 € of a 50 € payment
	changed, _ := banking.Allocate(r, "450001", 7000)
	if _, err := r.Receive(app.ReceiptInput{Owner: "450001", Amount: 1000, Date: day("2025-04-01"), Mode: ledger.ByTransfer}); err != nil {
		t.Fatal(ledger.Message(err))
	}
	choices := map[banking.LineID]banking.Choice{p.Lines[0].ID: over, p.Lines[1].ID: above, p.Lines[2].ID: changed,
		p.Lines[3].ID: {Account: "662000"}}
	var ids []banking.LineID
	for _, l := range p.Lines {
		ids = append(ids, l.ID)
	}
	rep, err := banking.Apply(r, p, banking.Selection{Lines: ids, Choices: choices})
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	want := []string{"dépasse ce qui reste dû", "dépassent le règlement", "a changé depuis le détail", "clé de répartition"}
	for i, w := range want {
		if rep.Lines[i].Status != banking.StatusPending || !strings.Contains(rep.Lines[i].Reason, w) {
			t.Errorf("line %d: %s %q, want pending with %q", i, rep.Lines[i].Status, rep.Lines[i].Reason, w)
		}
	}
	if rep.Refused != 4 || rep.Pending != 4 {
		t.Errorf("report %+v", rep)
	}
	// The syndic corrects the fee in the Relevés list.
	pending, _ := banking.Pending(r)
	if len(pending) != 4 {
		t.Fatalf("%d pending", len(pending))
	}
	if _, err := banking.AssignChoice(r, pending[3].ID, banking.Choice{Account: "662000", Key: "001", Label: "Frais mai"}); err != nil {
		t.Fatal(ledger.Message(err))
	}
	checkBooks(t, r)
}

// A line given to an owner whom a certain line of the same file pays too:
// his debt is read as it was before the import (not refused as changed);
// with the detail as proposed it is posted oldest first after the earlier
// line, but a detail the syndic edited before the import no longer says
// what is due and is refused, to be redone from the pending list.
func TestChoiceForAnOwnerPaidEarlierInTheFile(t *testing.T) {
	r := parc(t)
	p := mustPrepare(t, r, stmt(line("2025-05-05", 20000, "VIR SEPA REF 450003"), line("2025-05-06", 5000, "VIR PERMANENT 2"),
		line("2025-05-07", 7000, "VIR PERMANENT 3")))
	if !p.Lines[0].Certain || p.Lines[1].Certain {
		t.Fatalf("plan %+v", p.Lines)
	}
	plain, err := banking.Allocate(r, "450003", 5000) // the detail as proposed
	if err != nil {
		t.Fatal(err)
	}
	detailed, _ := banking.Allocate(r, "450003", 7000)
	detailed.Allocation[0].Amount, detailed.Allocation[3].Amount = 0, 7000 // edited: to the 4th call
	before := balances(t, r)["450003"]
	rep, err := banking.Apply(r, p, banking.Selection{Lines: []banking.LineID{p.Lines[0].ID, p.Lines[1].ID, p.Lines[2].ID},
		Choices: map[banking.LineID]banking.Choice{p.Lines[1].ID: plain, p.Lines[2].ID: detailed}})
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	if rep.Lines[0].Status != banking.StatusPosted || rep.Lines[1].Status != banking.StatusPosted {
		t.Errorf("lines %+v", rep.Lines[:2])
	}
	if rep.Lines[2].Status != banking.StatusPending || !strings.Contains(rep.Lines[2].Reason, "refaites le détail") {
		t.Errorf("detailed line %+v", rep.Lines[2])
	}
	if got := balances(t, r)["450003"]; got != before-25000 {
		t.Errorf("balance %s, want %s", got, before-25000)
	}
	checkBooks(t, r)
}
