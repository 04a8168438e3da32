package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"tantieme/app"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// The demo on 5 June 2025, the budget's calls of July and October not
// posted yet: 450004 was put on notice on 2 May (575,70 € due), the letter
// received on 5 May. The dashboard's debtor line leads to his card's
// Recouvrement tab, which proposes the acceleration of art. 19-2; its
// dialog says the amounts, keeps its size when the date is refused, and
// confirms naming him.
func TestOwnerRecoveryTab(t *testing.T) {
	s, _ := openDemoOn[*dashboard](t, 2025, "dashboard")
	s.now = func() time.Time { return ledger.Date(2025, 6, 5) }
	calls, err := s.res.CallList(s.exercise)
	if err != nil {
		t.Fatal(err)
	}
	for i := len(calls) - 1; i >= 0; i-- {
		if c := calls[i]; c.Kind == ledger.BudgetCall && c.Number >= 3 {
			if _, err := s.res.CancelCall(c.ID, time.Time{}); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, err := s.res.SendFormalNotice(app.FormalNoticeOptions{Owner: "450004", Date: ledger.Date(2025, 5, 2)}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.res.RecordFormalNoticeService("450004", ledger.Date(2025, 5, 5), false, "1A 42"); err != nil {
		t.Fatal(err)
	}
	s.changed()

	var link *widgets.WordButton
	for _, o := range visible(s.win.Content()) {
		if b, ok := o.(*widgets.WordButton); ok && strings.Contains(texts(b), "450004 M. Mo") && strings.Contains(texts(b), ": 575,70 €") {
			link = b
		}
	}
	if link == nil {
		t.Fatalf("no debtor line leading to the recovery:\n%s", windowText(s))
	}
	test.Tap(link)
	o, ok := s.currentScreen().(*owners)
	if !ok || o.card == nil || o.card.tabs.Selected().Text != recoveryTabName {
		t.Fatalf("the debtor line did not open his Recouvrement tab")
	}
	mustContain(t, "the tab", windowText(s), "Recouvrement — dossier en cours : 575,70 € dus au 05/06/2025",
		"Étape suivante — La mise en demeure du 02/05/2025 est restée sans réponse 30 jours : les provisions restantes de l'exercice peuvent être exigées (loi 1965 art. 19-2).",
		"Mise en demeure du 02/05/2025 par lettre recommandée avec accusé de réception n° 1A 42, reçue le 05/05/2025.")

	var accelerate fyne.Tappable
	for _, obj := range visible(s.win.Content()) {
		if b, ok := obj.(interface {
			fyne.Tappable
			fyne.Disableable
		}); ok && strings.Contains(texts(obj), "Exigibilité anticipée…") && !b.Disabled() {
			accelerate = b
		}
	}
	if accelerate == nil {
		t.Fatal("no enabled « Exigibilité anticipée… » button")
	}
	test.Tap(accelerate)
	mustContain(t, "the dialog", overlayText(s), "Seront portés au débit de M. Moreau Stéphane le 05/06/2025 : 1 086,52 € (clé 001 792,08 €, clé 004 294,44 €).")
	top := s.win.Canvas().Overlays().Top()
	size := top.Size()
	f, ok := s.win.Canvas().Focused().(*widgets.Field)
	if !ok {
		t.Fatal("the date field has not the focus")
	}
	f.SetText("03/06/2025")
	mustContain(t, "day 29", overlayText(s), "l'exigibilité anticipée n'est possible qu'à partir du 05/06/2025")
	if top.Size() != size {
		t.Errorf("the dialog changed size with the refusal: %v then %v", size, top.Size())
	}
	f.SetText("05/06/2025")
	test.Tap(dialogButton(t, s, "Exiger ces provisions…"))
	mustContain(t, "the confirmation", overlayText(s), "Porter au compte de M. Moreau Stéphane (450004), le 05/06/2025, les provisions de l'exercice 2025 non encore appelées : 1 086,52 €")
	test.Tap(dialogButton(t, s, "Exiger"))
	mustContain(t, "after", windowText(s), "Exigibilité anticipée (art. 19-2) : Provisions restantes de l'exercice 2025 exigées après la mise en demeure du 02/05/2025", "1 086,52 €")
}

// The closing's checks offer the debt of an owner put on notice as
// doubtful; accepted after a confirmation naming him and the amounts, it is
// posted and no longer offered.
func TestClosingOffersDoubtfulDebts(t *testing.T) {
	s, _ := openDemoOn[screen](t, 2025, "dashboard")
	if _, err := s.res.SendFormalNotice(app.FormalNoticeOptions{Owner: "450004", Date: ledger.Date(2025, 11, 3)}); err != nil {
		t.Fatal(err)
	}
	s.closeExercise()
	s.jobs.Wait()
	mustContain(t, "step 1", overlayText(s), "Créances douteuses proposées", "450004 M. Moreau Stéphane — Mis en demeure le 03/11/2025, doit encore 575,70 € au 31/12/2025")
	test.Tap(dialogButton(t, s, "Passer en créance douteuse…"))
	mustContain(t, "confirmation", overlayText(s), "Porter la dette de M. Moreau Stéphane (450004), 575,70 €, au compte des créances douteuses au 31/12/2025, avec une provision de 575,70 €")
	test.Tap(dialogButton(t, s, "Passer en créance douteuse"))
	s.jobs.Wait()
	mustNotContain(t, "after", overlayText(s), "Créances douteuses proposées")
	mustContain(t, "after", overlayText(s), "Étape 1 sur 3 — Contrôles")
	f, err := s.res.RecoveryFile("450004", ledger.Date(2025, 12, 31))
	if err != nil || f.Doubtful != 57570 {
		t.Errorf("%+v %v", f, err)
	}
}
