package app_test

import (
	"strings"
	"testing"
	"time"

	"tantieme/app"
	"tantieme/app/apptest"
	"tantieme/app/closing"
	"tantieme/ledger"
	"tantieme/ledger/ledgertest"
)

// The demo's late payer: 450004, lot 2, 58/1000 on key 001 and 70/1000 on
// key 004. He pays the call of 1 April 2025 (575,70 €: 543,26 € of budget,
// 32,44 € of works fund) only on 27 June.
const late = "450004"

// recoveryDemo is the demo standing in spring 2025, the syndic posting his
// calls each quarter: the budget's calls of July and October are not posted
// yet (cancelled here).
func recoveryDemo(t *testing.T) (*app.Residence, ledger.Exercise) {
	t.Helper()
	r := apptest.Demo(t)
	ex := apptest.Year(t, r, 2025)
	calls, err := r.CallList(ex)
	if err != nil {
		t.Fatal(err)
	}
	for i := len(calls) - 1; i >= 0; i-- {
		if c := calls[i]; c.Kind == ledger.BudgetCall && c.Number >= 3 {
			if _, err := r.CancelCall(c.ID, time.Time{}); err != nil {
				t.Fatal(err)
			}
		}
	}
	return r, ex
}

func day(m time.Month, d int) time.Time { return ledger.Date(2025, m, d) }

func TestRecoveryFullPath(t *testing.T) {
	r, ex := recoveryDemo(t)
	// Nothing before a mise en demeure: no cost, no acceleration.
	if _, err := r.ChargeRecoveryCost(app.RecoveryCost{Owner: late, Date: day(5, 2), Amount: 1500, Label: "Lettre recommandée", Account: "621300"}); err == nil {
		t.Fatal("a cost before any mise en demeure was charged to the owner")
	}
	if _, err := r.PlanAcceleration(late, day(7, 1)); err == nil {
		t.Fatal("acceleration without a mise en demeure")
	}

	// The mise en demeure of 2 May names what he owes then: the call of 1
	// April, 543,26 + 32,44 = 575,70 €.
	n, err := r.SendFormalNotice(app.FormalNoticeOptions{Owner: late, Date: day(5, 2), Number: "1A 234 567 8901 2"})
	if err != nil {
		t.Fatal(err)
	}
	if n.Amount != 57570 || n.Step.Kind != ledger.StepNotice {
		t.Fatalf("notice: %s, step %+v", n.Amount, n.Step)
	}
	text := ledgertest.Flat(ledgertest.PDFFile(t, n.Path))
	for _, want := range []string{"Mise en demeure", "n° 1A 234 567 8901 2", "575,70", "trente jours", "article 19-2", "2025 non encore échues",
		"article 10-1", "seul compte", "Relevé de votre compte"} {
		if !strings.Contains(text, want) {
			t.Errorf("the mise en demeure lacks %q:\n%s", want, text)
		}
	}
	docs, err := r.DocumentRegister(ledger.DocumentFilter{Kind: "formal_notice"})
	if err != nil || len(docs) != 1 || docs[0].Binder != "contentieux" || len(docs[0].Owners) != 1 || docs[0].Owners[0] != late {
		t.Fatalf("register: %+v, %v", docs, err)
	}

	// Before the receipt is known, no delay runs.
	if _, err := r.PlanAcceleration(late, day(7, 1)); err == nil || !strings.Contains(ledger.Message(err), "avis de réception") {
		t.Fatalf("acceleration before the receipt: %v", err)
	}
	if _, err := r.RecordFormalNoticeService(late, day(5, 5), false, ""); err != nil {
		t.Fatal(err)
	}

	// A cost of the mise en demeure is his alone: 15,00 € taken off 6213
	// (which the budget shares over key 001) and put on his account.
	before := balances(t, r, day(5, 2))
	e, err := r.ChargeRecoveryCost(app.RecoveryCost{Owner: late, Date: day(5, 2), Amount: 1500, Label: "Lettre recommandée du 02/05/2025", Account: "621300"})
	if err != nil {
		t.Fatal(err)
	}
	after := balances(t, r, day(5, 2))
	for acc, b := range after {
		want := before[acc]
		if acc == late {
			want += 1500
		}
		if b != want {
			t.Errorf("owner %s: %s after the cost, %s before", acc, b, before[acc])
		}
	}
	if len(e.Lines) != 2 || e.Lines[1].Account != "621300" || e.Lines[1].Credit != 1500 || e.Lines[1].Key != "001" {
		t.Errorf("cost entry: %+v", e.Lines)
	}

	// Received 5 May: the thirty days run to 4 June; day 29 and day 30
	// are refused, day 31 (5 June) is allowed.
	for _, d := range []time.Time{day(6, 3), day(6, 4)} {
		if _, err := r.Accelerate(late, d); err == nil || !strings.Contains(ledger.Message(err), "à partir du 05/06/2025") {
			t.Errorf("acceleration on %s: %v", ledger.FrenchDate(d), err)
		}
	}
	f, err := r.RecoveryFile(late, day(6, 4))
	if err != nil || f.Next.Kind != app.NextWait || !f.Next.Date.Equal(day(6, 5)) {
		t.Fatalf("file on 4 June: %+v, %v", f.Next, err)
	}
	f, err = r.RecoveryFile(late, day(6, 5))
	if err != nil || f.Next.Kind != app.NextAcceleration || f.State != app.RecoveryOpen ||
		!strings.Contains(f.Next.Reason, "La mise en demeure du 02/05/2025 est restée sans réponse 30 jours") {
		t.Fatalf("file on 5 June: %+v, %v", f, err)
	}

	// What falls due: his parts of the two budget calls still to post.
	// Key 001: budget 27 313,17 €, 13 656,59 € called in January and April,
	// 13 656,58 € left, 6 828,29 € a quarter; his 58/1000 is 396,0408… →
	// 396,04 each, 792,08 €. Key 004: 8 412,50 €, 4 206,26 € called,
	// 2 103,12 € a quarter, his 70/1000 = 147,2184 → 147,22 each, 294,44 €.
	// Total 1 086,52 € (his yearly share, 2 173,04 €, less the 1 086,52 €
	// of January and April).
	a, err := r.Accelerate(late, day(6, 5))
	if err != nil {
		t.Fatal(err)
	}
	if a.Total != 108652 || len(a.Keys) != 2 || a.Keys[0].Amount != 79208 || a.Keys[1].Amount != 29444 {
		t.Fatalf("acceleration: %+v", a)
	}
	if _, err := r.Accelerate(late, day(6, 6)); err == nil {
		t.Fatal("a second acceleration after the same mise en demeure")
	}
	if b := balances(t, r, day(6, 5))[late]; b != 57570+1500+108652 {
		t.Errorf("his balance on 5 June: %s", b)
	}
	f, err = r.RecoveryFile(late, day(6, 5))
	if err != nil || f.Next.Kind != app.NextDossier || len(f.Steps) != 3 {
		t.Fatalf("file after the acceleration: %+v, %v", f, err)
	}

	// The calls of July and October leave him out; the others' parts are
	// what they were (a cent either way on a key, the rounding of a
	// smaller total), and the year is called exactly.
	plan, err := r.PlanBudgetCalls(ex, 0)
	if err != nil {
		t.Fatal(err)
	}
	var called ledger.Amount
	for _, c := range plan.Calls {
		if c.Kind != ledger.BudgetCall {
			continue
		}
		called += c.Total
		for _, o := range c.Owners {
			if o.Account == late {
				t.Errorf("call of %s asks %s of the accelerated owner", ledger.FrenchDate(c.Due), o.Total)
			}
		}
	}
	// Budget 2025 over the four keys: 27 313,17 + 4 732,46 + 4 283,30 +
	// 8 412,50 = 44 741,43 €; January called 11 185,38 € and April
	// 11 185,37 €; the acceleration 1 086,52 €; July and October the rest.
	if called != 4474143-1118538-1118537-108652 {
		t.Errorf("July and October would call %s", called)
	}
	if _, err := r.PostCalls(plan); err != nil {
		t.Fatal(err)
	}

	// The closing counts the acceleration as his provisions, per key.
	p, err := closing.Prepare(r, ex, closing.Options{})
	if err != nil {
		t.Fatal(err)
	}
	o, ok := p.Owner(late)
	if !ok {
		t.Fatal("no closing line for 450004")
	}
	called001, called004 := ledger.Amount(0), ledger.Amount(0)
	for _, s := range o.Sections {
		for _, pt := range s.Parts {
			switch pt.Key {
			case "001":
				called001 += pt.Called
			case "004":
				called004 += pt.Called
			case "":
				if pt.Called != 0 {
					t.Errorf("provisions without a key: %s", pt.Called)
				}
			}
		}
	}
	// 4 × 396,04 = 1 584,16 € and 4 × 147,22 = 588,88 €.
	if called001 != 158416 || called004 != 58888 {
		t.Errorf("provisions called from him: 001 %s, 004 %s", called001, called004)
	}

	// The dossier for the injonction de payer.
	path, err := r.WriteRecoveryDossier(late, "", day(6, 10))
	if err != nil {
		t.Fatal(err)
	}
	text = ledgertest.Flat(ledgertest.PDFFile(t, path))
	for _, want := range []string{"Dossier de recouvrement", "Pièce n° 1", "Pièce n° 4", "Relevé du compte", "A2025-0003",
		"Exigibilité anticipée", "1 086,52", "Budget prévisionnel de l'exercice 2025", "n° 1A 234 567 8901 2, reçue le 05/05/2025", "Mise en demeure"} {
		if !strings.Contains(text, want) {
			t.Errorf("the dossier lacks %q:\n%s", want, text)
		}
	}
}

func balances(t *testing.T, r *app.Residence, d time.Time) map[string]ledger.Amount {
	t.Helper()
	var out map[string]ledger.Amount
	apptest.View(t, r, func(tx *ledger.Tx) error {
		var err error
		out, err = tx.OwnerBalances(d)
		return err
	})
	return out
}

// An unclaimed letter counts from its first presentation; the receipt
// cannot precede the sending; a reminder records a step.
func TestRecoveryServiceAndReminders(t *testing.T) {
	r, _ := recoveryDemo(t)
	if _, err := r.SendFormalNotice(app.FormalNoticeOptions{Owner: "450001", Date: day(5, 2)}); err == nil {
		t.Error("a mise en demeure to an owner who owes nothing")
	}
	if _, err := r.SendFormalNotice(app.FormalNoticeOptions{Owner: late, Date: day(5, 2)}); err != nil {
		t.Fatal(err)
	}
	if _, err := r.RecordFormalNoticeService(late, day(5, 1), false, ""); err == nil {
		t.Error("received before it was sent")
	}
	n, err := r.RecordFormalNoticeService(late, day(5, 6), true, "1A 999")
	if err != nil || !n.Unclaimed || n.LetterNumber != "1A 999" {
		t.Fatalf("%+v, %v", n, err)
	}
	if _, err := r.PlanAcceleration(late, day(6, 5)); err == nil {
		t.Error("5 June, day 30 after an unclaimed letter presented on 6 May")
	}
	if _, err := r.PlanAcceleration(late, day(6, 6)); err != nil {
		t.Errorf("6 June, day 31 after an unclaimed letter presented on 6 May: %v", err)
	}
	ok, err := r.NoticeUnanswered(late, day(6, 21), 45)
	if err != nil || !ok {
		t.Errorf("46 days after the presentation: %v, %v", ok, err)
	}
	if ok, _ := r.NoticeUnanswered(late, day(6, 20), 45); ok {
		t.Error("45 days is not more than 45")
	}

	if _, err := r.WriteReminders(t.TempDir(), app.ReminderOptions{At: day(5, 20), PayBy: day(6, 1), Accounts: []string{late}}); err != nil {
		t.Fatal(err)
	}
	files, err := r.RecoveryFiles(day(5, 20))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 1 || files[0].Owner != late || files[0].Steps[len(files[0].Steps)-1].Kind != ledger.StepReminder {
		t.Fatalf("%+v", files)
	}
}

// At the closing, an owner under recovery who still owes is proposed as a
// doubtful debt; accepted, his debt moves to 459004 with a 491 provision
// and the closing goes through, carrying both to the next exercise.
func TestRecoveryDoubtfulAtClosing(t *testing.T) {
	r := apptest.Demo(t)
	ex := apptest.Year(t, r, 2025)
	// He leaves the October call unpaid: 543,26 + 32,44 = 575,70 €.
	if _, err := r.SendFormalNotice(app.FormalNoticeOptions{Owner: late, Date: day(11, 3)}); err != nil {
		t.Fatal(err)
	}
	p, err := closing.Prepare(r, ex, closing.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Doubtful) != 1 || p.Doubtful[0].Owner != late || p.Doubtful[0].Balance != 57570 || p.Doubtful[0].Provision != 57570 {
		t.Fatalf("proposals: %+v", p.Doubtful)
	}
	if _, err := r.AcceptDoubtful("450001", ex, 100); err == nil {
		t.Error("an owner without recovery made doubtful")
	}
	if _, err := r.AcceptDoubtful(late, ex, 57571); err == nil {
		t.Error("a provision above the debt")
	}
	e, err := r.AcceptDoubtful(late, ex, 40000)
	if err != nil {
		t.Fatal(err)
	}
	if !e.Date.Equal(ex.End) || len(e.Lines) != 4 || e.Lines[0].Account != "459004" || e.Lines[2].Account != "680000" || e.Lines[3].Account != "491000" {
		t.Fatalf("entry: %+v", e)
	}
	f, err := r.RecoveryFile(late, ex.End)
	if err != nil || f.Balance != 0 || f.Doubtful != 57570 || f.State != app.RecoveryOpen {
		t.Fatalf("file: %+v %v", f, err)
	}
	p, err = closing.Prepare(r, ex, closing.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Doubtful) != 0 {
		t.Errorf("proposed again: %+v", p.Doubtful)
	}
	if p.Blocked() {
		t.Fatal(p.Err())
	}
	res, err := closing.Post(r, p)
	if err != nil {
		t.Fatal(err)
	}
	apptest.View(t, r, func(tx *ledger.Tx) error {
		for acc, want := range map[string]ledger.Amount{"459004": 57570, "491000": -40000} {
			b, err := tx.AccountBalanceAt(acc, res.Next.Start)
			if err != nil {
				return err
			}
			if b != want {
				t.Errorf("%s opens 2026 at %s, want %s", acc, b, want)
			}
		}
		return nil
	})
}

// Once every call of the budget is posted, art. 19-2 has nothing left to
// bring forward: thirty days after the mise en demeure the next step is the
// court's file, not an acceleration that would be refused.
func TestRecoveryNextStepWhenEveryCallIsPosted(t *testing.T) {
	r := apptest.Demo(t) // every budget call of 2025 posted; 450004 owes the October one
	if _, err := r.SendFormalNotice(app.FormalNoticeOptions{Owner: late, Date: day(11, 3)}); err != nil {
		t.Fatal(err)
	}
	if _, err := r.RecordFormalNoticeService(late, day(11, 5), false, ""); err != nil {
		t.Fatal(err)
	}
	f, err := r.RecoveryFile(late, day(12, 6))
	if err != nil {
		t.Fatal(err)
	}
	if f.Next.Kind != app.NextDossier || !strings.Contains(f.Next.Reason, "rien n'est à exiger par anticipation") {
		t.Fatalf("next step %+v", f.Next)
	}
	if _, err := r.PlanAcceleration(late, day(12, 6)); err == nil {
		t.Error("an acceleration with nothing left to fall due")
	}
}
