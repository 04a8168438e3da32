package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme/app"
	"tantieme/app/assembly"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

func openAssemblies(t *testing.T) (*Shell, *assembliesScreen) {
	t.Helper()
	s := newTestShell(t)
	openTest(t, s, testResidence(t))
	if !s.showScreen("assemblies") {
		t.Fatal("no Assemblées générales screen")
	}
	return s, s.currentScreen().(*assembliesScreen)
}

// The form proposes the consultation days once the date is typed, and
// refuses an assembly without an hour, naming the field.
func TestAssemblyFormProposesConsultation(t *testing.T) {
	s, m := openAssemblies(t)
	mustContain(t, "the empty screen", windowText(s), "Assemblées générales", "Nouvelle assemblée…", "Commencez par « Nouvelle assemblée… »")
	m.assemblyForm(nil)
	day, ok := s.win.Canvas().Focused().(fyne.Focusable)
	if !ok || day == nil {
		t.Fatal("no field focused")
	}
	test.Type(day.(interface {
		fyne.Focusable
		TypedRune(rune)
	}), "12/09/2025")
	// Friday 12/09/2025: Thursday 11 and Wednesday 10 are the two working
	// days before; from today, 30/06/2025.
	mustContain(t, "the form", overlayText(s), "30/06/2025", "10/09/2025")
	press(s, fyne.KeyReturn)
	mustContain(t, "the refusal", overlayText(s), "Heure de l'assemblée :", "n'est pas une heure (par exemple 18:30)")
}

// An assembly prepared on the screen: its agenda in order with the
// majorities' words, a resolution moved up, a document attached, the
// attendance saved and refused, the convocations written.
func TestAssembliesScreen(t *testing.T) {
	s, m := openAssemblies(t)
	a := ledger.Assembly{Day: ledger.Date(2025, 9, 12), Time: "18:30", Place: "Salle commune", Exercise: 1}
	if _, err := assembly.Save(s.res, &a); err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, r := range []ledger.Resolution{
		{Title: "Approbation des comptes 2024", Kind: ledger.ResolutionAccounts},
		{Title: "Ascenseur", Article: ledger.Article25, Key: "002", Kind: ledger.ResolutionWorks},
	} {
		r.Assembly = a.ID
		if err := assembly.SaveResolution(s.res, &r); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, r.ID)
	}
	dir := t.TempDir()
	doc := filepath.Join(dir, "budget.pdf")
	os.WriteFile(doc, []byte("%PDF-1.4 budget"), 0o644)
	if _, err := s.res.Register(app.Produced{Path: doc, Kind: "ag_document", Date: ledger.Date(2025, 6, 1), Title: "Budget prévisionnel 2026"}); err != nil {
		t.Fatal(err)
	}
	m.reload()
	if m.pick.Selected != "Assemblée générale ordinaire du 12/09/2025 à 18:30 — en préparation" {
		t.Errorf("shown %q", m.pick.Selected)
	}
	text := texts(m.agenda)
	mustContain(t, "the agenda", text, "1. Approbation des comptes 2024", "2. Ascenseur",
		"Majorité de l'article 25 (majorité des voix de tous les copropriétaires) · clé 002 · Travaux")
	m.move(ids[1], -1)
	if text := texts(m.agenda); strings.Index(text, "1. Ascenseur") < 0 || strings.Index(text, "2. Approbation") < 0 {
		t.Errorf("after moving up:\n%s", text)
	}

	// The document attached by ticking it.
	var box *widget.Check
	for _, o := range m.docs.Objects {
		if c, ok := o.(*widget.Check); ok && strings.Contains(c.Text, "Budget prévisionnel 2026") {
			box = c
		}
	}
	if box == nil {
		t.Fatalf("no box for the budget:\n%s", texts(m.docs))
	}
	box.SetChecked(true)
	if len(m.detail.Documents) != 1 {
		t.Errorf("attached %v", m.detail.Documents)
	}

	// Attendance: three owners; Garçon Loïc represented by Dupont Zoé.
	if len(m.att.lines) != 3 {
		t.Fatalf("%d attendance lines", len(m.att.lines))
	}
	m.tabs.SelectIndex(2)
	mustContain(t, "the attendance", texts(m.att.root), "Copropriétaires au 12/09/2025 : 3, 1 000 voix (clé 001)", "reçu au plus tard le 08/09/2025",
		"450002 — Garçon Loïc (300 voix)")
	l := m.att.lines[1]
	l.status.SetSelected(ledger.AttendanceWords[ledger.AttendRepresented])
	l.proxy.SetText("450001")
	test.Tap(l.save)
	if at := m.detail.Attendance; len(at) != 1 || at[0].Owner != "450002" || at[0].ProxyOwner != "450001" {
		t.Errorf("attendance %+v", at)
	}
	l = m.att.lines[2]
	l.status.SetSelected(ledger.AttendanceWords[ledger.AttendPostal])
	test.Tap(l.save)
	mustContain(t, "the refusal", overlayText(s), "Copropriétaire 450003 vote par correspondance : indiquez le jour où son formulaire est arrivé")
	press(s, fyne.KeyEscape)

	// Each tab fits a 1024×700 window beside the navigation.
	s.win.Resize(smallWindow)
	room := smallWindow.Width - 220 - 4*theme.Padding() - theme.ScrollBarSize()
	for i := range m.tabs.Items {
		m.tabs.SelectIndex(i)
		if sz := m.view().MinSize(); sz.Width > room || sz.Height > smallWindow.Height-120 {
			t.Errorf("tab « %s » needs %.0f × %.0f px, more than %.0f × %.0f", m.tabs.Items[i].Text, sz.Width, sz.Height, room, smallWindow.Height-120)
		}
	}

	// The convocations, sent today (30/06/2025): in time.
	test.Tap(m.convoc)
	mustContain(t, "the convocation form", overlayText(s), "Préparer les convocations", "Date d'envoi", "formulaire de vote par correspondance")
	mustNotContain(t, "the convocation form", overlayText(s), "Attention")
	test.Tap(dialogButton(t, s, "Écrire les convocations"))
	s.jobs.Wait()
	mustContain(t, "the result", overlayText(s), "3 convocations sont écrites dans le dossier", "Assemblées générales", "Ouvrir le PDF à imprimer")
	if m.assembly().Status != ledger.AssemblyConvened || !strings.Contains(m.pick.Selected, "convoquée") {
		t.Errorf("after the convocations: %+v %q", m.assembly(), m.pick.Selected)
	}
	if !m.addRes.Disabled() {
		t.Error("the agenda can still grow after the convocations")
	}
}

// The resolution form: the majority chosen in the article's words, a
// budget's exercise proposed (the year after the assembly's), saved at
// the end of the agenda.
func TestResolutionForm(t *testing.T) {
	s, m := openAssemblies(t)
	a := ledger.Assembly{Day: ledger.Date(2025, 9, 12), Time: "18:30", Place: "Salle commune", Exercise: 1}
	if _, err := assembly.Save(s.res, &a); err != nil {
		t.Fatal(err)
	}
	m.reload()
	m.resolutionForm(nil)
	selects := map[string]*widget.Select{}
	for _, o := range visible(s.win.Canvas().Overlays().Top()) {
		if sel, ok := o.(*widget.Select); ok && len(sel.Options) > 0 {
			selects[sel.Options[0]] = sel
		}
	}
	majority, kind, exercise := selects[ledger.ArticleWords[ledger.Article24]], selects["Autre"], selects["aucun"]
	if majority == nil || kind == nil || exercise == nil {
		t.Fatalf("selects %v", selects)
	}
	test.Type(s.win.Canvas().Focused().(*widgets.Field), "Budget prévisionnel 2026")
	majority.SetSelected(ledger.ArticleWords[ledger.Article25])
	kind.SetSelected(ledger.ResolutionKindWords[ledger.ResolutionBudget])
	if exercise.Selected != "exercice 2026" {
		t.Errorf("exercise proposed %q", exercise.Selected)
	}
	test.Tap(dialogButton(t, s, "Enregistrer"))
	if len(m.detail.Resolutions) != 1 {
		t.Fatalf("agenda %+v\n%s", m.detail.Resolutions, overlayText(s))
	}
	r := m.detail.Resolutions[0]
	ex, _ := s.res.ExerciseOfYear(2026)
	if r.Title != "Budget prévisionnel 2026" || r.Article != ledger.Article25 || r.Kind != ledger.ResolutionBudget || r.Exercise != ex.ID || r.Number != 1 {
		t.Errorf("saved %+v", r)
	}
}
