package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"tantieme/app"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// splitList finds the account list (placeholder « Choisissez l'autre compte »)
// or the key list (first option « (aucune clé) ») of the n-th part of the
// correction form, from 0.
func splitList(t *testing.T, s *Shell, key bool, n int) *listField {
	t.Helper()
	i := 0
	for _, o := range visible(s.win.Canvas().Overlays().Top()) {
		l, ok := o.(*listField)
		if !ok || (key != (len(l.Options) > 0 && l.Options[0] == "(aucune clé)")) || (!key && l.PlaceHolder != "Choisissez l'autre compte") {
			continue
		}
		if i == n {
			return l
		}
		i++
	}
	t.Fatalf("no list %d (key %v) in the dialog:\n%s", n, key, overlayText(s))
	return nil
}

// choose picks the option of l that starts with prefix, as a click does.
func choose(t *testing.T, l *listField, prefix string) {
	t.Helper()
	for _, o := range l.Options {
		if strings.HasPrefix(o, prefix) {
			l.SetSelected(o)
			return
		}
	}
	t.Fatalf("no option %q in %v", prefix, l.Options)
}

// emptyField is the empty field of the dialog showing placeholder: the
// amount (« 0,00 ») or the label of a part just added.
func emptyField(t *testing.T, s *Shell, placeholder string) *widgets.Field {
	t.Helper()
	for _, o := range visible(s.win.Canvas().Overlays().Top()) {
		if f, ok := o.(*widgets.Field); ok && f.Text == "" && f.PlaceHolder == placeholder {
			return f
		}
	}
	t.Fatalf("no empty field %q in the dialog:\n%s", placeholder, overlayText(s))
	return nil
}

func othersOf(t *testing.T, s *Shell, id int64) []ledger.OtherPart {
	t.Helper()
	_, rc, err := s.res.ReceiptCorrectionForm(id)
	if err != nil {
		t.Fatal(err)
	}
	return rc.Others
}

// A split cheque corrected on the owner's card: the form shows its part on
// 713000 (account, key, label, amount) and the owner's share, which follows
// what is typed; saving keeps the part as edited; « Retirer » undoes the
// split.
func TestReceiptCorrectionShowsItsSplit(t *testing.T) {
	s, o := openOwners(t)
	part := ledger.OtherPart{Account: "713000", Key: "001", Label: "Franchise dégât des eaux", Amount: ledger.MustAmount("50")}
	res, err := s.res.Receive(app.ReceiptInput{Owner: "450002", Amount: ledger.MustAmount("350"), Date: testToday, Cheque: "555", Others: []ledger.OtherPart{part}})
	if err != nil {
		t.Fatal(err)
	}
	id := res.Entry.ID
	o.openCard("450002")
	openReceipt(t, s, o)
	test.Tap(dialogButton(t, s, "Modifier…"))
	mustContain(t, "the correction form", overlayText(s), "Autres comptes", "Compte 1", "713000 ", "001 ", "Franchise dégât des eaux", "50,00",
		"Part de Garçon Loïc (le reste du règlement) : 300,00 €", "Répartir sur un autre compte…",
		"Solde au 30/06/2025 sans ce règlement : 300,00 €")
	formField(t, s, "50,00").SetText("30")
	mustContain(t, "the share once the part is typed", overlayText(s), "Part de Garçon Loïc (le reste du règlement) : 320,00 €")
	formField(t, s, "350,00").SetText("400")
	mustContain(t, "the share once the amount is typed", overlayText(s), "Part de Garçon Loïc (le reste du règlement) : 370,00 €")
	press(s, fyne.KeyReturn)
	if s.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("the form stayed open:\n%s", overlayText(s))
	}
	mustContain(t, "the status line", s.statusText.Text, "350,00 € → 400,00 € (dont 30,00 € sur 713000)")
	part.Amount = ledger.MustAmount("30")
	if got := othersOf(t, s, id); len(got) != 1 || got[0] != part {
		t.Fatalf("parts after the correction %+v, want %+v", got, part)
	}

	openReceipt(t, s, o)
	test.Tap(dialogButton(t, s, "Modifier…"))
	test.Tap(dialogButton(t, s, "Retirer"))
	mustNotContain(t, "the form without its part", overlayText(s), "Part de Garçon Loïc", "Franchise dégât des eaux")
	press(s, fyne.KeyReturn)
	if s.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("the form stayed open:\n%s", overlayText(s))
	}
	if got := othersOf(t, s, id); len(got) != 0 {
		t.Fatalf("parts after « Retirer » %+v", got)
	}
	mustNotContain(t, "the status line", s.statusText.Text, "dont")
}

// A cheque recorded whole is split afterwards from its correction form,
// while it is on no slip; what is missing is said in the dialog, whose
// fields stay in place.
func TestReceiptSplitAfterwards(t *testing.T) {
	s, o := openOwners(t)
	res, err := s.res.Receive(app.ReceiptInput{Owner: "450002", Amount: ledger.MustAmount("350"), Date: testToday, Cheque: "555"})
	if err != nil {
		t.Fatal(err)
	}
	o.openCard("450002")
	openReceipt(t, s, o)
	test.Tap(dialogButton(t, s, "Modifier…"))
	mustNotContain(t, "a form without split", overlayText(s), "Part de Garçon Loïc", "Compte 1")
	test.Tap(dialogButton(t, s, "Répartir sur un autre compte…"))
	mustContain(t, "the part added", overlayText(s), "Compte 1", "Choisissez l'autre compte", "(aucune clé)")
	amount := emptyField(t, s, "0,00")
	keepsPlaces(t, s, func() {
		amount.SetText("50")
		press(s, fyne.KeyReturn)
	}, func() { choose(t, splitList(t, s, false, 0), "713000 ") })
	mustContain(t, "the refusal", dialogError(s)+overlayText(s), "Part de Garçon Loïc (le reste du règlement) : 300,00 €")
	press(s, fyne.KeyReturn)
	mustContain(t, "the books' refusal", dialogError(s), "le compte 713000 (classe 7) doit porter une clé de répartition")
	choose(t, splitList(t, s, true, 0), "001 ")
	emptyField(t, s, "ex. : franchise de l'assureur").SetText("Franchise")
	press(s, fyne.KeyReturn)
	if s.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("the form stayed open:\n%s", overlayText(s))
	}
	want := ledger.OtherPart{Account: "713000", Key: "001", Label: "Franchise", Amount: ledger.MustAmount("50")}
	if got := othersOf(t, s, res.Entry.ID); len(got) != 1 || got[0] != want {
		t.Fatalf("parts %+v, want %+v", got, want)
	}
	mustContain(t, "the card", windowText(s), "Solde au 30/06/2025 : 0,00 €")
}

// A split cheque deposited, then returned unpaid: its dialog says how it
// was split, the bounce form that the insurer's part goes back to 713000,
// and only the owner's share is charged to him again.
func TestBouncedSplitCheque(t *testing.T) {
	s, o := openOwners(t)
	part := ledger.OtherPart{Account: "713000", Key: "001", Label: "Franchise dégât des eaux", Amount: ledger.MustAmount("50")}
	res, err := s.res.Receive(app.ReceiptInput{Owner: "450002", Amount: ledger.MustAmount("350"), Date: testToday, Cheque: "555", Others: []ledger.OtherPart{part}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.res.Deposit(app.DepositInput{Cheques: []int64{res.Entry.ID}, Date: testToday}); err != nil {
		t.Fatal(err)
	}
	o.openCard("450002")
	openReceipt(t, s, o)
	mustContain(t, "the receipt's dialog", overlayText(s), "Réparti : 300,00 € au compte de Garçon Loïc, 50,00 € sur 713000 (Franchise dégât des eaux).")
	test.Tap(dialogButton(t, s, "Chèque impayé…"))
	mustContain(t, "the bounce form", overlayText(s), "crédite le compte bancaire du chèque entier, débite de nouveau le compte de Garçon Loïc de sa part (300,00 €)",
		"reprend les autres parts sur leurs comptes : 50,00 € sur 713000 (Franchise dégât des eaux)")
	press(s, fyne.KeyReturn)
	if s.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("the form stayed open:\n%s", overlayText(s))
	}
	// He owed 300 € before the cheque; his share of it is taken back, not
	// the insurer's 50 €.
	mustContain(t, "the status", s.statusText.Text, "Impayé enregistré : le chèque n° 555", "solde 300,00 €")
}
