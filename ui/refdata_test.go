package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"tantieme/app"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

func TestCreateSupplier(t *testing.T) {
	s, p := openScreen[*suppliers](t, "suppliers")
	mustContain(t, "the empty list", windowText(s), "Aucun fournisseur — créez-en un avec « Nouveau fournisseur… »")
	test.Tap(p.add)
	mustContain(t, "the form", overlayText(s), "Nouveau fournisseur", "Compte", "Nom *", "IBAN", "BIC", "Notes")
	name, ok := s.win.Canvas().Focused().(*widgets.Field)
	if !ok || !strings.HasPrefix(name.PlaceHolder, "Raison sociale") {
		t.Fatalf("the cursor is not in the name")
	}
	focusField(t, s, "401001") // the next free account is proposed
	test.Type(name, "Ascenseurs du Rhône")
	iban := dialogField(t, s, "FR76")
	iban.SetText("FR76 3000 6000 0112 3456 7890 188") // one digit wrong
	dialogField(t, s, "Nom de votre").SetText("M. Rivière")
	s.win.Canvas().Focus(name)
	press(s, fyne.KeyReturn)
	mustContain(t, "the form", overlayText(s), "L'IBAN « FR7630006000011234567890188 » du fournisseur Ascenseurs du Rhône n'est pas valide")
	if s.win.Canvas().Focused() != iban {
		t.Errorf("the cursor is not in the IBAN")
	}
	iban.SetText("FR76 3000 6000 0112 3456 7890 189")
	press(s, fyne.KeyReturn)
	if s.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("a valid IBAN was refused:\n%s", overlayText(s))
	}
	mustContain(t, "the status line", s.statusText.Text, "Fournisseur 401001 « Ascenseurs du Rhône » créé")
	if p.card == nil || p.card.account != "401001" {
		t.Fatal("the new supplier's card is not shown")
	}
	mustContain(t, "the card", windowText(s), "401001 — Ascenseurs du Rhône", "FR76 3000 6000 0112 3456 7890 189", "M. Rivière", "Soldé")
	var list []ledger.Supplier
	if err := s.res.View(func(tx *ledger.Tx) (err error) { list, err = tx.Suppliers(); return err }); err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].IBAN != "FR7630006000011234567890189" {
		t.Errorf("suppliers written = %+v", list)
	}
}

func TestSupplierStatement(t *testing.T) {
	s, p := openScreen[*suppliers](t, "suppliers")
	err := s.res.Update(func(tx *ledger.Tx) error {
		sp := ledger.Supplier{Name: "Électricité de France"}
		if err := tx.AddSupplier(&sp); err != nil {
			return err
		}
		return tx.PostEntry(&ledger.Entry{Journal: "AC", Date: ledger.Date(2025, 3, 1), Piece: "F1", Label: "Facture EDF", Lines: []ledger.Line{
			{Account: "602000", Key: "001", Debit: ledger.MustAmount("120")},
			{Account: sp.Account, Credit: ledger.MustAmount("120")}}})
	})
	if err != nil {
		t.Fatal(err)
	}
	s.changed()
	mustContain(t, "the list", windowText(s), "Électricité de France", "120,00 €", "À payer", "1 fournisseur")
	test.Type(p.search, "electricite")
	if len(p.table.Rows()) != 1 {
		t.Fatalf("the search without accents found %d", len(p.table.Rows()))
	}
	p.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if p.card == nil {
		t.Fatal("Enter in the search did not open the supplier")
	}
	mustContain(t, "the card", windowText(s), "Solde au 30/06/2025 : -120,00 € — reste à payer 120,00 €")
	p.card.tabs.SelectIndex(1)
	mustContain(t, "the statement", windowText(s), "Compte 401001 du 01/01/2025 au 30/06/2025", "Facture EDF", "-120,00 €", "1 écriture")
	press(s, fyne.KeyEscape)
	if p.card != nil {
		t.Errorf("Escape did not go back to the list")
	}
}

func TestAddSubAccount(t *testing.T) {
	s, a := openScreen[*accounts](t, "accounts")
	mustContain(t, "the chart", windowText(s), "Plan comptable", "Toutes les classes", "6 Charges", "Plan officiel", "Dans les listes", "Proposé")
	kinds := map[string]string{}
	for _, r := range a.table.Rows() {
		kinds[r.Code] = accountKindText(r)
	}
	if kinds["450001"] != "Copropriétaire" || kinds["512001"] != "Compte bancaire" || kinds["701000"] != "Plan officiel" {
		t.Errorf("natures: 450001 %q, 512001 %q, 701000 %q", kinds["450001"], kinds["512001"], kinds["701000"])
	}
	a.showClass(6)
	for _, r := range a.table.Rows() {
		if r.Class() != 6 {
			t.Fatalf("class 6 shows %s", r.Code)
		}
	}
	a.create()
	code := dialogField(t, s, "6 caractères")
	label := dialogField(t, s, "par exemple : Contrat")
	test.Type(code, "999")
	mustContain(t, "the form", overlayText(s), "Ce numéro ne commence par aucun compte du plan comptable des copropriétés.")
	label.SetText("Essai")
	press(s, fyne.KeyReturn)
	mustContain(t, "the form", overlayText(s), "Le compte « 999000 » n'appartient pas au plan comptable des copropriétés")
	code.SetText("450100")
	press(s, fyne.KeyReturn)
	mustContain(t, "the form", overlayText(s), "créez le copropriétaire dans « Copropriétaires »")

	code.SetText("6141")
	mustContain(t, "the form", overlayText(s), "Sous-compte de 614 Contrats de maintenance. Il sera enregistré sous le numéro 614100.")
	label.SetText("Contrat ascenseur")
	press(s, fyne.KeyReturn)
	if s.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("a good code was refused:\n%s", overlayText(s))
	}
	mustContain(t, "the status line", s.statusText.Text, "Compte 614100 « Contrat ascenseur » créé, sous-compte de 614 Contrats de maintenance")
	var acc ledger.Account
	if err := s.res.View(func(tx *ledger.Tx) (err error) { acc, err = tx.Account("614100"); return err }); err != nil {
		t.Fatal(err)
	}
	if acc.Label != "Contrat ascenseur" {
		t.Errorf("account written = %+v", acc)
	}

	// Editing: the label and the check box, never the number.
	var row app.ChartAccount
	for _, r := range a.table.Rows() {
		if r.Code == "614100" {
			row = r
		}
	}
	a.edit(row)
	mustContain(t, "the form", overlayText(s), "Compte 614100", "Sous-compte de 614 — 614 Contrats de maintenance", "Le numéro d'un compte ne change jamais")
	for _, o := range visible(s.win.Canvas().Overlays().Top()) {
		if c, ok := o.(*widgets.CheckField); ok {
			c.SetChecked(true)
		}
	}
	test.Tap(dialogButton(t, s, "Enregistrer"))
	mustContain(t, "the status line", s.statusText.Text, "Compte 614100 : masqué dans les listes")
	mustContain(t, "the chart", windowText(s), "Masqué")
	a.showHidden.SetChecked(false)
	for _, r := range a.table.Rows() {
		if r.Code == "614100" {
			t.Errorf("a hidden account is listed")
		}
	}
}

func TestSaveResidenceSettings(t *testing.T) {
	s, p := openScreen[*settings](t, "settings")
	if p.name.Text != "Résidence des Tests" || p.city.Text != "Lyon" {
		t.Fatalf("the form shows %q, %q", p.name.Text, p.city.Text)
	}
	if !p.save.Disabled() {
		t.Errorf("Enregistrer is on with nothing changed")
	}
	p.city.SetText("Villeurbanne")
	p.syndic.SetText("Mme Hélène Lefèvre")
	mustContain(t, "the page", windowText(s), "Modifications non enregistrées")

	// Typed text stays when the user goes elsewhere and comes back.
	s.showScreen("owners")
	s.showScreen("settings")
	if p.city.Text != "Villeurbanne" {
		t.Fatalf("going away lost the typed city")
	}
	// An empty name is refused in the page, nothing is written.
	p.name.SetText("")
	test.Tap(p.save)
	mustContain(t, "the page", windowText(s), "Le nom de la résidence est obligatoire")
	p.name.SetText("Résidence des Essais")
	s.win.Canvas().Focus(p.syndic)
	press(s, fyne.KeyReturn) // Enter saves
	mustContain(t, "the status line", s.statusText.Text, "Coordonnées de la résidence et du syndic enregistrées")
	var r ledger.Residence
	if err := s.res.View(func(tx *ledger.Tx) (err error) { r, err = tx.Residence(); return err }); err != nil {
		t.Fatal(err)
	}
	if r.Name != "Résidence des Essais" || r.City != "Villeurbanne" || r.SyndicName != "Mme Hélène Lefèvre" {
		t.Errorf("residence written = %+v", r)
	}
	if !strings.HasPrefix(s.win.Title(), "Résidence des Essais – Exercice 2025") {
		t.Errorf("title = %q", s.win.Title())
	}
	if !p.save.Disabled() {
		t.Errorf("Enregistrer still on once saved")
	}

	// Escape puts back what is saved, after asking.
	p.city.SetText("Lyon")
	s.win.Canvas().Focus(p.city)
	press(s, fyne.KeyEscape)
	mustContain(t, "the question", overlayText(s), "Annuler les modifications ?")
	press(s, fyne.KeyReturn)
	if p.city.Text != "Villeurbanne" {
		t.Errorf("cancelling left %q", p.city.Text)
	}
}

func TestSettingsBanksAndExercises(t *testing.T) {
	s, p := openScreen[*settings](t, "settings")
	p.tabs.SelectIndex(1)
	mustContain(t, "the banks", windowText(s), "512001", "Compte courant", "Nouveau compte bancaire…")
	test.Tap(p.addBank)
	focusField(t, s, "512002")
	dialogField(t, s, "par exemple : Compte courant").SetText("Livret travaux")
	iban := dialogField(t, s, "FR76")
	iban.SetText("FR76 1234")
	s.win.Canvas().Focus(iban)
	press(s, fyne.KeyReturn)
	mustContain(t, "the form", overlayText(s), "L'IBAN « FR761234 » n'est pas valide (vérifiez la clé)")
	iban.SetText("FR7630006000011234567890189")
	press(s, fyne.KeyReturn)
	mustContain(t, "the status line", s.statusText.Text, "Compte bancaire 502001 « Livret travaux » ajouté")
	mustContain(t, "the banks", windowText(s), "Livret travaux", "FR76 3000 6000 0112 3456 7890 189")

	p.tabs.SelectIndex(2)
	mustContain(t, "the exercises", windowText(s), "2025", "Ouvert — en cours", "2027", "12 mois",
		"L'exercice suivant irait du 01/01/2028 au 31/12/2028")
	test.Tap(p.addEx)
	mustContain(t, "the question", overlayText(s), "Ajouter l'exercice 2028, du 01/01/2028 au 31/12/2028 ? Il suit l'exercice 2027.")
	press(s, fyne.KeyReturn)
	if len(s.exercises) != 4 {
		t.Fatalf("%d exercises after adding one", len(s.exercises))
	}
	mustContain(t, "the status line", s.statusText.Text, "Exercice 2028 ajouté (du 01/01/2028 au 31/12/2028)")
}

func TestSettingsDisplay(t *testing.T) {
	s, p := openScreen[*settings](t, "settings")
	t.Cleanup(func() { lightPalette.use() })
	s.showScreen("owners")
	o := s.built[1].(*owners)
	s.showScreen("settings")
	p.tabs.SelectIndex(3)
	test.Tap(p.green)
	if !s.app.Preferences().Bool(prefGreenSettled) || !o.green.Checked {
		t.Errorf("the green option did not reach the owners' list")
	}
	p.textSize.SetSelected("Grand")
	if got := s.app.Settings().Theme().Size("text"); got != 18 {
		t.Errorf("text size %v, want 18", got)
	}
	p.dark.SetSelected(darkChoice)
	if paper != darkPalette.paper || s.app.Settings().Theme().Color("background", 0) != darkPalette.paper {
		t.Errorf("the dark look is not on")
	}
	mustContain(t, "the status line", s.statusText.Text, "Affichage : thème sombre enregistré")
	p.dark.SetSelected(lightChoice)
	if paper != lightPalette.paper {
		t.Errorf("the light look did not come back")
	}
}

func TestReferenceScreensEmpty(t *testing.T) {
	s := newTestShell(t)
	file := filepath.Join(t.TempDir(), "Vide.copro")
	r, err := app.Create(file, ledger.Setup{Residence: ledger.Residence{Name: "Vide"}, FirstStart: ledger.Date(2025, 1, 1)})
	if err != nil {
		t.Fatal(err)
	}
	r.Close()
	openTest(t, s, file)
	for id, want := range map[string]string{
		"lots":      "Aucun lot — importez un fichier Excel ou créez-en un avec « Nouveau lot… ».",
		"keys":      "Aucun lot — créez les lots dans l'écran « Lots » avant d'indiquer leurs tantièmes.",
		"suppliers": "Aucun fournisseur — créez-en un avec « Nouveau fournisseur… »",
		"settings":  "Ces coordonnées figurent en tête des appels de fonds",
	} {
		s.showScreen(id)
		mustContain(t, id, windowText(s), want)
	}
	s.showScreen("settings")
	p := s.currentScreen().(*settings)
	p.tabs.SelectIndex(1)
	mustContain(t, "the banks", windowText(s), "Aucun compte bancaire — ajoutez celui de la résidence avec « Nouveau compte bancaire… ».")
	test.Tap(p.addBank)
	focusField(t, s, "512001")
}

// The SIREN is typed in the residence's settings: a wrong key is refused in
// the page, a right one is stored without its spaces and shown so.
func TestSaveResidenceSIREN(t *testing.T) {
	s, p := openScreen[*settings](t, "settings")
	p.siren.SetText("732 829 321")
	test.Tap(p.save)
	mustContain(t, "the page", windowText(s), "clé de contrôle")
	p.siren.SetText("732 829 320")
	test.Tap(p.save)
	mustContain(t, "the status line", s.statusText.Text, "Coordonnées de la résidence enregistrées")
	var r ledger.Residence
	if err := s.res.View(func(tx *ledger.Tx) (err error) { r, err = tx.Residence(); return err }); err != nil {
		t.Fatal(err)
	}
	if r.SIREN != "732829320" || p.siren.Text != "732829320" {
		t.Errorf("stored %q, shown %q", r.SIREN, p.siren.Text)
	}
	if !p.save.Disabled() {
		t.Errorf("Enregistrer still on once saved")
	}
}
