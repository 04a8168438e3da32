package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"tantieme/ledger"
	"tantieme/ui/widgets"
)

func TestWorksList(t *testing.T) {
	s, w := openDemoOn[*worksScreen](t, 2026, "works")
	mustContain(t, "the screen", windowText(s), "Travaux", "ASC", "Modernisation de l'ascenseur", "Travaux de l'article 14-2", "12/06/2025",
		"24 000,00 €", "0,00 €", "fin prévue le 30/11/2026", "1 campagne",
		"ASC — Modernisation de l'ascenseur", "Comptes : 102ASC, 120ASC, 131ASC, 401ASC, 671ASC, 672ASC, 673ASC, 702ASC.",
		"01/10/2026", "6 000,00 €", "À appeler", "4 échéances", "Ascenseur", "100 %", "Appeler les échéances 2026…")
	if w.call.Disabled() || w.del.Disabled() {
		t.Error("calling or deleting ASC is off in 2026")
	}
	// In 2025 nothing of ASC falls due: calling is off, and says why.
	s.setExercise(exerciseOf(t, s, 2025))
	if !w.call.Disabled() {
		t.Error("calling ASC is on in 2025")
	}
	mustContain(t, "the detail", windowText(s), "Aucune échéance à appeler en 2025")
}

// A campaign is created with its accounts and schedule, then its calls of
// the year are previewed and posted.
func TestCreateWorksAndCallIt(t *testing.T) {
	s := newTestShell(t)
	openTest(t, s, testResidence(t))
	s.showScreen("works")
	w := s.currentScreen().(*worksScreen)
	mustContain(t, "the empty list", windowText(s), "Aucune campagne de travaux — créez celle que l'assemblée générale a votée")
	test.Tap(w.add)
	mustContain(t, "the form", overlayText(s), "Nouvelle campagne de travaux", "Code *", "Type *", "Répartition du montant voté",
		"Échéancier des appels", "Nombre d'appels", "Premier appel le", "Puis tous les (mois)")
	code := s.win.Canvas().Focused().(*widgets.Field)
	test.Type(code, "ra1")
	dialogField(t, s, "par exemple : Ravalement").SetText("Ravalement des façades")
	dialogFields(t, s, "JJ/MM/AAAA")[0].SetText("12/02/2025") // AG
	dialogField(t, s, "par exemple 24 000").SetText("12000")
	mustContain(t, "the split", overlayText(s), "Tout le montant voté (12 000,00 €) sur cette clé.")
	first := dialogFields(t, s, "JJ/MM/AAAA")[2]
	first.SetText("01/03/2025")
	dialogField(t, s, "1 à 36").SetText("3")
	mustContain(t, "the schedule", overlayText(s), "Échéances : 01/03/2025, 01/06/2025, 01/09/2025 — 4 000,00 € par appel.")
	dialogField(t, s, "1 à 12").SetText("24")
	mustContain(t, "the schedule", overlayText(s), "La fréquence des appels de travaux va de 1 à 12 mois (24 demandé)")
	dialogField(t, s, "1 à 12").SetText("3")

	press(s, fyne.KeyReturn)
	mustContain(t, "the refusal", overlayText(s), "Le code de travaux « RA1 » doit faire trois lettres")
	code.SetText("RAV")
	// Two keys that do not add up to the vote are refused.
	test.Tap(dialogButton(t, s, "Ajouter une clé"))
	mustContain(t, "the split", overlayText(s), "✗ Les clés font 0,00 € : il manque 12 000,00 € pour le montant voté (12 000,00 €).")
	amounts := dialogFields(t, s, "montant")
	amounts[0].SetText("9000")
	dialogChoice(t, s, 2).SetSelected("002 Ascenseur")
	amounts[1].SetText("2000")
	mustContain(t, "the split", overlayText(s), "il manque 1 000,00 €", "75 %")
	press(s, fyne.KeyReturn)
	mustContain(t, "the refusal", overlayText(s), "Travaux RAV : les montants par clé font 11 000,00 €, le montant voté 12 000,00 €")
	amounts[1].SetText("3000")
	mustContain(t, "the split", overlayText(s), "✓ Les clés font le montant voté : 12 000,00 €.")
	press(s, fyne.KeyReturn)
	if s.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("the form stayed open:\n%s", overlayText(s))
	}
	var got ledger.Works
	var accounts []string
	if err := s.res.View(func(tx *ledger.Tx) error {
		var err error
		if got, err = tx.Works("RAV"); err != nil {
			return err
		}
		for _, code := range ledger.WorksAccounts("RAV") {
			a, err := tx.Account(code)
			if err != nil {
				return err
			}
			accounts = append(accounts, a.Code)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if got.Label != "Ravalement des façades" || got.Voted != ledger.MustAmount("12000") || len(got.Keys) != 2 || len(got.Schedule) != 3 ||
		!got.AGDate.Equal(ledger.Date(2025, 2, 12)) || got.Type != ledger.Art142Works {
		t.Errorf("campaign written: %+v", got)
	}
	if len(accounts) != 8 || accounts[0] != "102RAV" || accounts[7] != "702RAV" {
		t.Errorf("accounts: %v", accounts)
	}
	mustContain(t, "the status line", s.statusText.Text,
		"Campagne de travaux RAV « Ravalement des façades » créée : 12 000,00 € votés, 3 échéances, comptes 102RAV à 702RAV")
	mustContain(t, "the list", windowText(s), "RAV — Ravalement des façades", "01/09/2025", "25 %")

	// Its calls of 2025: preview, then post.
	test.Tap(w.call)
	mustContain(t, "the preview", overlayText(s), "Aperçu des appels des travaux RAV — exercice 2025",
		"Aperçu : 3 appels de travaux RAV, 12 000,00 € au total.", "La date de fin des travaux RAV n'est pas indiquée")
	test.Tap(dialogButton(t, s, "Générer les appels"))
	test.Tap(dialogButton(t, s, "Générer les appels"))
	s.jobs.Wait()
	calls := callsOf(t, s, 2025)
	if len(calls) != 3 || calls[0].Kind != ledger.WorksCall || calls[0].Account != "102RAV" {
		t.Fatalf("calls posted: %+v", calls)
	}
	// The fixture's own call entry is A0001, by hand: the calls restart per exercise.
	mustContain(t, "the status line", s.statusText.Text, "3 appels de travaux RAV générés, 12 000,00 € au total (pièces A2025-0001 à A2025-0003)")
	press(s, fyne.KeyEscape) // "Plus tard"
	mustContain(t, "the list", windowText(s), "Appelée — pièce A2025-0001", "12 000,00 €")
	if !w.call.Disabled() || !w.del.Disabled() {
		t.Error("a campaign called in full can still be called, or deleted")
	}

	// Changing it keeps the dates already called.
	test.Tap(w.edit)
	mustContain(t, "the form", overlayText(s), "Modifier la campagne RAV")
	dialogField(t, s, "par exemple : Ravalement").SetText("Ravalement des façades sur rue")
	press(s, fyne.KeyReturn)
	if err := s.res.View(func(tx *ledger.Tx) (err error) { got, err = tx.Works("RAV"); return err }); err != nil {
		t.Fatal(err)
	}
	if got.Label != "Ravalement des façades sur rue" || len(got.Schedule) != 3 {
		t.Errorf("after the change: %+v", got)
	}
}

func TestDeleteWorks(t *testing.T) {
	s, w := openDemoOn[*worksScreen](t, 2026, "works")
	test.Tap(w.del)
	mustContain(t, "the question", overlayText(s), "Supprimer la campagne ASC « Modernisation de l'ascenseur » (24 000,00 € votés, jamais appelée)")
	test.Tap(dialogButton(t, s, "Supprimer"))
	list, err := s.res.WorksSummaries()
	if err != nil || len(list) != 0 {
		t.Errorf("campaigns left: %d (%v)", len(list), err)
	}
	mustContain(t, "the status line", s.statusText.Text, "Campagne de travaux ASC « Modernisation de l'ascenseur » supprimée")
}

func TestWorksClosedExercise(t *testing.T) {
	s, w := openDemoOn[*worksScreen](t, 2025, "works")
	if err := s.res.Update(func(tx *ledger.Tx) error { return tx.CloseExercise(s.working.ID) }); err != nil {
		t.Fatal(err)
	}
	s.changed()
	s.setExercise(exerciseOf(t, s, 2025))
	for name, b := range map[string]fyne.Disableable{"Nouvelle": w.add, "Modifier": w.edit, "Appeler": w.call, "Supprimer": w.del} {
		if !b.Disabled() {
			t.Errorf("%s is on in a closed exercise", name)
		}
	}
	w.create()
	if s.win.Canvas().Overlays().Top() != nil {
		t.Errorf("Ctrl+N opened a dialog:\n%s", overlayText(s))
	}
}
