package ui

import (
	"image/png"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme/app/assembly"
	"tantieme/ledger"
)

// radioOf finds the choice buttons of an owner's line in the votes tab.
func radioOf(t *testing.T, v *votesTab, account string) *widget.RadioGroup {
	t.Helper()
	for _, o := range v.rows.Objects {
		c, ok := o.(*fyne.Container)
		if !ok {
			continue
		}
		var label *widget.Label
		var radio *widget.RadioGroup
		for _, x := range c.Objects {
			switch w := x.(type) {
			case *widget.Label:
				label = w
			case *widget.RadioGroup:
				radio = w
			}
		}
		if label != nil && radio != nil && strings.HasPrefix(label.Text, account) {
			return radio
		}
	}
	t.Fatalf("no line for %s in\n%s", account, texts(v.rows))
	return nil
}

// The votes of « Résidence des Tests » (Dupont Zoé 400 general and 100 on
// key 002, Garçon Loïc 300 and 150, Martin Anaïs 300 and none) at the AG
// of Friday 12 June 2026: Dupont present, Garçon represented by her,
// Martin's form arrived on the 10th, too late (deadline the 8th).
func TestVotesTab(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", strconv.FormatInt(time.Date(2026, 6, 20, 12, 0, 0, 0, time.UTC).Unix(), 10))
	old := openDocument
	openDocument = func(fyne.App, *url.URL) error { return nil }
	t.Cleanup(func() { openDocument = old })
	s, m := openAssemblies(t)
	a := ledger.Assembly{Day: ledger.Date(2026, 6, 12), Time: "18:30", Place: "Salle commune", Exercise: 1}
	if _, err := assembly.Save(s.res, &a); err != nil {
		t.Fatal(err)
	}
	for _, r := range []ledger.Resolution{
		{Title: "Approbation des comptes 2025", Kind: ledger.ResolutionAccounts, Exercise: 1},
		{Title: "Ascenseur", Article: ledger.Article25, Key: "002", Kind: ledger.ResolutionWorks},
	} {
		r.Assembly = a.ID
		if err := assembly.SaveResolution(s.res, &r); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := assembly.WriteConvocations(s.res, a.ID, assembly.ConvocationOptions{Dir: t.TempDir(), Sent: ledger.Date(2026, 5, 15)}); err != nil {
		t.Fatal(err)
	}
	for _, at := range []ledger.Attendance{
		{Owner: "450001", Status: ledger.AttendPresent},
		{Owner: "450002", Status: ledger.AttendRepresented, ProxyOwner: "450001", ProxyRank: 1},
		{Owner: "450003", Status: ledger.AttendPostal, FormReceived: ledger.Date(2026, 6, 10)},
	} {
		at.Assembly = a.ID
		if err := assembly.SetAttendance(s.res, at); err != nil {
			t.Fatal(err)
		}
	}
	m.reload()
	m.tabs.SelectIndex(3)
	v := m.votes
	mustContain(t, "the votes tab", texts(v.root), "Comptés défaillants : Martin Anaïs : formulaire de vote par correspondance reçu le 10/06/2026, hors délai",
		"1. Approbation des comptes 2025", "Vote en cours : 2 votes à saisir.", "450001 — Dupont Zoé (400)", "450002 — Garçon Loïc (300)")
	if strings.Contains(texts(v.rows), "450003") {
		t.Error("a défaillant is offered a vote")
	}

	// « Tous pour »: 400 + 300 = 700; Martin défaillant, 300.
	test.Tap(v.allFor)
	mustContain(t, "all for", v.result.Text, "Pour 700 · contre 0 · abstention 0 · défaillants 300, sur 1 000 tantièmes (article 24)", "— Adoptée")
	// Garçon voted against: 400 > 300.
	radioOf(t, v, "450002").SetSelected("Contre")
	mustContain(t, "Garçon against", v.result.Text, "Pour 400 · contre 300", "il faut plus de 350", "— Adoptée")
	radioOf(t, v, "450002").SetSelected("")
	mustContain(t, "Garçon's vote forgotten", v.result.Text, "Vote en cours : 1 vote à saisir.")
	radioOf(t, v, "450002").SetSelected("Contre")
	v.amended.SetChecked(true)
	if !m.detail.Resolutions[0].Amended || !v.amended.Checked {
		t.Error("the resolution is not recorded amended in session")
	}
	v.amended.SetChecked(false)
	if m.detail.Resolutions[0].Amended {
		t.Error("the resolution is still amended")
	}

	// The lift, key 002: Garçon's 150 are reduced to Dupont's 100 (loi
	// art. 22); pour 100, contre 100 of 200: art. 25 fails, but 100 is a
	// third of 200: second vote at art. 24, where all vote for.
	v.pick.SetSelectedIndex(1)
	test.Tap(v.allFor)
	radioOf(t, v, "450002").SetSelected("Contre")
	mustContain(t, "the lift", v.result.Text, "Pour 100 · contre 100", "sur 200 tantièmes (article 25)", "Second vote (article 24) à faire")
	if v.round.Disabled() {
		t.Fatal("the second vote cannot be chosen")
	}
	v.round.SetSelected(roundWords[1])
	test.Tap(v.allFor)
	mustContain(t, "the second vote", v.result.Text, "Second vote (article 24) : Pour 200", "— Adoptée")

	// The tab fits a 1024×700 window beside the navigation.
	s.win.Resize(smallWindow)
	room := smallWindow.Width - 220 - 4*theme.Padding() - theme.ScrollBarSize()
	if sz := m.view().MinSize(); sz.Width > room || sz.Height > smallWindow.Height-120 {
		t.Errorf("the votes tab needs %.0f × %.0f px, more than %.0f × %.0f", sz.Width, sz.Height, room, smallWindow.Height-120)
	}

	if dir := os.Getenv("TANTIEME_SHOT_DIR"); dir != "" { // a look at the tab, for the developer
		m.tabs.SelectIndex(3)
		if f, err := os.Create(filepath.Join(dir, "votes.png")); err == nil {
			png.Encode(f, s.win.Canvas().Capture())
			f.Close()
		}
	}
	test.Tap(v.minutes)
	mustContain(t, "the minutes", s.statusText.Text, "Procès-verbal (projet) enregistré dans")

	// Closing the assembly says what becomes of the accounts.
	test.Tap(v.end)
	mustContain(t, "the confirmation", overlayText(s), "Clore l'assemblée du 12/06/2026 ?", "1. Approbation des comptes 2025 : adoptée — les comptes 2025 sont approuvés (empreinte",
		"2. Ascenseur : adoptée")
	if dir := os.Getenv("TANTIEME_SHOT_DIR"); dir != "" {
		if f, err := os.Create(filepath.Join(dir, "votes-hold.png")); err == nil {
			png.Encode(f, s.win.Canvas().Capture())
			f.Close()
		}
	}
	test.Tap(dialogButton(t, s, "Clore l'assemblée"))
	if a := m.assembly(); a == nil || a.Status != ledger.AssemblyHeld {
		t.Fatalf("after closing: %+v\n%s", a, overlayText(s))
	}
	if !v.end.Disabled() || !v.allFor.Disabled() {
		t.Error("votes still open on a held assembly")
	}
}

// The attendance line keeps the proxy's rank and the mandataire's tie to
// the syndic; a proxy to the syndic's employee is refused (loi art. 22).
func TestAttendanceProxyRankAndTie(t *testing.T) {
	s, m := openAssemblies(t)
	a := ledger.Assembly{Day: ledger.Date(2025, 9, 12), Time: "18:30", Place: "Salle commune"}
	if _, err := assembly.Save(s.res, &a); err != nil {
		t.Fatal(err)
	}
	m.reload()
	l := m.att.lines[1] // Garçon Loïc
	l.status.SetSelected(ledger.AttendanceWords[ledger.AttendRepresented])
	l.proxy.SetText("M. Paul Martin")
	l.rank.SetText("2")
	l.tie.SetSelected(ledger.ProxyTieWords[ledger.ProxyTieEmployee])
	test.Tap(l.save)
	if at := m.detail.Attendance; len(at) != 1 || at[0].ProxyRank != 2 || at[0].ProxyTie != ledger.ProxyTieEmployee || at[0].ProxyName != "M. Paul Martin" {
		t.Fatalf("attendance %+v\n%s", at, overlayText(s))
	}
	if l := m.att.lines[1]; l.rank.Text != "2" || l.tie.Selected != ledger.ProxyTieWords[ledger.ProxyTieEmployee] {
		t.Errorf("shown again: rank %q, tie %q", l.rank.Text, l.tie.Selected)
	}
	roll, err := assembly.Roll(s.res, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if m := roll.Members[1]; m.Account != "450002" || !m.Defaulting() || !strings.Contains(m.Refusal, "un préposé du syndic ne peut pas recevoir de mandat") {
		t.Errorf("Garçon's proxy: %+v", m)
	}
	l = m.att.lines[1]
	l.rank.SetText("deux")
	test.Tap(l.save)
	mustContain(t, "the refusal", overlayText(s), "Rang du pouvoir de 450002 : « deux » n'est pas un rang")
}
