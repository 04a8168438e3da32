package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tantieme/app/apptest"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

func openMeters(t *testing.T) (*Shell, *metersScreen) {
	t.Helper()
	s := newTestShell(t)
	openTest(t, s, apptest.MetersFile(t))
	if !s.showScreen("meters") {
		t.Fatal("no Compteurs screen")
	}
	return s, s.currentScreen().(*metersScreen)
}

// The seed's water example on the screen: the fiche, the lines, the
// totals and the common part; a new index typed is followed live, then
// saved when the cursor leaves it; a new index below the old one stays red,
// said under the grid, unsaved.
func TestMetersScreen(t *testing.T) {
	s, m := openMeters(t)
	if m.pick.Selected != "EAU 2025 — Eau froide" {
		t.Errorf("meter shown: %q", m.pick.Selected)
	}
	mustContain(t, "the screen", windowText(s), "Compteurs",
		"Estimation (appels) : clé 800 · Consommation réelle (clôture) : clé 801 · Prix unitaire : 3,00 € le m3",
		"Ancien index", "Nouvel index", "Consommation", "Estimation", "Écart", "Propriétaire 001",
		"1 000", "1 300", "300", "900,00 €", "150 (forfait)", "200 (changé)", "730 m3", "2 190,00 €",
		"Compteur général : 10 000 → 10 755, soit 755 m3 (2 265,00 €). Lots : 730 m3 (2 190,00 €). Consommation commune (écart) : 25 m3 (75,00 €).")

	l1 := m.lines[0]
	l1.new.SetText("1 310")
	if l1.cons.Text != "310" || m.grid.Footer[4].Text != "740 m3" || l1.total.Text != "930,00 €" {
		t.Errorf("live: %q %q %q", l1.cons.Text, m.grid.Footer[4].Text, l1.total.Text)
	}
	mustContain(t, "the common part", m.general.Text, "Consommation commune (écart) : 15 m3 (45,00 €)")
	l1.new.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	st, _ := s.res.MeterStatement("EAU", 2025)
	if st.Lines[0].New.String() != "1310" {
		t.Errorf("saved new index %s", st.Lines[0].New)
	}

	l4 := m.lines[3]
	l4.new.SetText("10")
	l4.new.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	mustContain(t, "the refusal", m.problem.Text, "Lot 4 : le nouvel index (10) est inférieur à l'ancien (40)")
	if l4.new.Err == nil {
		t.Error("the refused cell is not marked")
	}
	st, _ = s.res.MeterStatement("EAU", 2025)
	if st.Lines[3].New.String() != "120" {
		t.Errorf("refused index saved: %s", st.Lines[3].New)
	}
	l4.new.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
}

// « Mettre à jour les tantièmes » names the key and what changes, then
// writes the consumptions as its shares.
func TestMetersApply(t *testing.T) {
	s, m := openMeters(t)
	test.Tap(m.apply)
	mustContain(t, "the choice", overlayText(s), "Mettre à jour les tantièmes", "Clé 801, consommation réelle", "Clé 800, estimation")
	test.Tap(dialogButton(t, s, "Continuer…"))
	mustContain(t, "the confirmation", overlayText(s), "Mettre à jour la clé 801 ?",
		"La clé 801 reçoit les consommations relevées : 4 lots, total des tantièmes 0 → 730.", "Les tantièmes actuels de la clé sont remplacés")
	test.Tap(dialogButton(t, s, "Mettre à jour"))
	shares, _ := s.res.Shares()
	got := map[string]string{}
	for _, sh := range shares {
		if sh.Key == "801" {
			got[sh.Lot] = sh.Shares.String()
		}
	}
	if got["1"] != "300" || got["2"] != "200" || got["3"] != "150" || got["4"] != "80" {
		t.Errorf("shares of 801: %v", got)
	}
	mustContain(t, "the status", s.statusText.Text, "La clé 801 reçoit les consommations relevées")
}

// A new meter: the fiche, a refusal kept in the dialog, then the meter
// created and its lines generated.
func TestMetersNew(t *testing.T) {
	s, m := openMeters(t)
	test.Tap(m.add)
	mustContain(t, "the form", overlayText(s), "Nouveau compteur", "Code *", "Année *", "Clé d'estimation *", "Clé de consommation *", "Compteur général")
	dialogField(t, s, "3 caractères : EAU, ECH, CHA…").SetText("ech")
	dialogField(t, s, "par exemple : Eau froide").SetText("Eau chaude")
	press(s, fyne.KeyReturn)
	mustContain(t, "the refusal", overlayText(s), "Choisissez les deux clés du compteur ECH")
	var selects []*widget.Select
	for _, o := range visible(s.win.Canvas().Overlays().Top()) {
		if x, ok := o.(*widget.Select); ok {
			selects = append(selects, x)
		}
	}
	if len(selects) != 2 {
		t.Fatalf("%d key choices", len(selects))
	}
	selects[0].SetSelected("002 — Ascenseur")
	selects[1].SetSelected("003 — Chauffage")
	test.Tap(dialogButton(t, s, "Enregistrer"))
	if top := s.win.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("dialog still open:\n%s", overlayText(s))
	}
	if m.pick.Selected != "ECH 2025 — Eau chaude" {
		t.Errorf("meter shown: %q", m.pick.Selected)
	}
	mustContain(t, "the new meter", windowText(s), "Aucun relevé — « Générer les lignes »")
	test.Tap(m.generate)
	if len(m.lines) != 4 {
		t.Errorf("%d lines generated", len(m.lines))
	}
	if !strings.Contains(s.statusText.Text, "4 lignes ajoutées") {
		t.Errorf("status %q", s.statusText.Text)
	}
	// A meter with readings is not deleted: the screen says why.
	test.Tap(m.del)
	mustContain(t, "the refusal", overlayText(s), "Le compteur ECH de 2025 a 4 lignes de relevés")

}

// A line's detail: a forced consumption needs its reason (the dialog keeps
// what was typed and says so), and the period goes to every line.
func TestMetersReadingDetail(t *testing.T) {
	s, m := openMeters(t)
	test.Tap(m.lines[0].detail)
	mustContain(t, "the detail", overlayText(s), "Relevé du lot 1 — compteur EAU 2025", "Consommation forcée", "Compteur non relevé", "Compteur changé dans l'année")
	dialogField(t, s, "par exemple : 01/01 – 31/12").SetText("01/01 – 31/12/2025")
	var checks []*widgets.CheckField
	for _, o := range visible(s.win.Canvas().Overlays().Top()) {
		if c, ok := o.(*widgets.CheckField); ok {
			checks = append(checks, c)
		}
	}
	checks[0].SetChecked(true) // the same period for every line
	checks[1].SetChecked(true) // forced
	dialogField(t, s, "consommation retenue").SetText("290")
	test.Tap(dialogButton(t, s, "Enregistrer"))
	mustContain(t, "the refusal", overlayText(s), "Lot 1 : indiquez pourquoi la consommation est forcée")
	dialogField(t, s, "pourquoi").SetText("Fuite réparée, accord du conseil")
	test.Tap(dialogButton(t, s, "Enregistrer"))
	st, _ := s.res.MeterStatement("EAU", 2025)
	for _, l := range st.Lines {
		if l.Period != "01/01 – 31/12/2025" {
			t.Errorf("lot %s period %q", l.Lot, l.Period)
		}
	}
	if l := st.Lines[0]; !l.Forced || l.Consumption.String() != "290" || l.Total != ledger.MustAmount("870") {
		t.Errorf("lot 1: %+v", l)
	}
	mustContain(t, "the line", m.lines[0].cons.Text, "290 (forcée)")
}
