package banking_test

import (
	"testing"

	"tantieme/app/apptest"
	"tantieme/app/banking"
	"tantieme/bankfile/read"
	"tantieme/ledger"
)

// The demo statement is a real CFONB 120 file of the demo's current
// account: it reads, adds up, matches owners by each route, leaves some
// lines to the syndic, and imports with the books still checking.
func TestDemoStatement(t *testing.T) {
	r := apptest.Demo(t)
	name, data, err := banking.DemoStatement(r)
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	sts, err := read.Statements(name, data)
	if err != nil {
		t.Fatal(err)
	}
	if len(sts) != 1 || sts[0].Format != "CFONB 120" || len(sts[0].Lines) < 14 {
		t.Fatalf("statements: %d, %+v", len(sts), sts)
	}
	plan, err := banking.Prepare(r, name, sts)
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	reasons := map[string]bool{}
	var certain, suggested, none int
	for _, l := range plan.Lines {
		switch {
		case l.Certain:
			certain++
			reasons[l.Reason[:4]] = true
		case len(l.Suggestions) > 0:
			suggested++
		default:
			none++
		}
	}
	if certain < 10 || suggested == 0 || none < 2 {
		t.Errorf("certain %d, suggested %d, none %d", certain, suggested, none)
	}
	for _, r := range []string{"nom ", "comp", "lot ", "IBAN"} {
		if !reasons[r] {
			t.Errorf("no certain match by %q: %v", r, reasons)
		}
	}
	rep, err := banking.Apply(r, plan, banking.Selection{Lines: plan.Certain()})
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	if rep.Posted != certain || rep.Pending != len(plan.Lines)-certain || rep.Refused != 0 || len(rep.Reconciled) != 0 && rep.Reconciled[0] == "" {
		t.Errorf("report %+v", rep)
	}
	problems, err := r.Check(true)
	if err != nil || len(problems) != 0 {
		t.Fatalf("check: %v %v", err, problems)
	}
	pending, err := banking.Pending(r)
	if err != nil || len(pending) != len(plan.Lines)-certain {
		t.Fatalf("pending %d, %v", len(pending), err)
	}
}
