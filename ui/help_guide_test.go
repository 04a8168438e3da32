package ui

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"image"
	"io/fs"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// guideLabels is what the guide may cite between « »: the menus the shell
// builds, the screens of the navigation column, and the labels written in
// the program's source (buttons, tabs, fields, choices).
type guideLabels struct {
	menu     *fyne.MainMenu
	screens  map[string]bool
	literals map[string]bool
}

var quoted = regexp.MustCompile(`«\s*([^»]+?)\s*»`)

// problems lists the « quoted » names of text that the program does not
// show: « Menu › Item › Sub-item » must be a path of the menus,
// « Screen › Tab or button » a screen and a label, « Label » any label.
func (l guideLabels) problems(text string) []string {
	var out []string
	for _, m := range quoted.FindAllStringSubmatch(text, -1) {
		parts := strings.Split(m[1], "›")
		for i := range parts {
			parts[i] = strings.TrimSpace(parts[i])
		}
		if len(parts) == 1 {
			if !l.anyLabel(parts[0]) {
				out = append(out, "« "+m[1]+" » : aucun menu, écran ni bouton de ce nom")
			}
			continue
		}
		// « Banque » is both a menu and a screen: a path that is not the
		// menu's is read as the screen's.
		if menu := l.topMenu(parts[0]); menu != nil && (menuPath(menu.Items, parts[1:]) || !l.screens[parts[0]]) {
			if !menuPath(menu.Items, parts[1:]) {
				out = append(out, "« "+m[1]+" » : ce chemin n'est pas dans les menus")
			}
			continue
		}
		if !l.screens[parts[0]] {
			out = append(out, "« "+m[1]+" » : « "+parts[0]+" » n'est ni un menu ni un écran")
			continue
		}
		for _, p := range parts[1:] {
			if !l.literals[p] {
				out = append(out, "« "+m[1]+" » : « "+p+" » n'est pas dans l'écran "+parts[0])
			}
		}
	}
	return out
}

func (l guideLabels) topMenu(label string) *fyne.Menu {
	for _, m := range l.menu.Items {
		if m.Label == label {
			return m
		}
	}
	return nil
}

func menuPath(items []*fyne.MenuItem, path []string) bool {
	for _, it := range items {
		if it.IsSeparator || it.Label != path[0] {
			continue
		}
		if len(path) == 1 {
			return true
		}
		if it.ChildMenu != nil && menuPath(it.ChildMenu.Items, path[1:]) {
			return true
		}
	}
	return false
}

func (l guideLabels) anyLabel(label string) bool {
	if l.screens[label] || l.literals[label] || l.topMenu(label) != nil {
		return true
	}
	var in func(items []*fyne.MenuItem) bool
	in = func(items []*fyne.MenuItem) bool {
		for _, it := range items {
			if it.Label == label || (it.ChildMenu != nil && in(it.ChildMenu.Items)) {
				return true
			}
		}
		return false
	}
	for _, m := range l.menu.Items {
		if in(m.Items) {
			return true
		}
	}
	return false
}

// sourceLabels reads every string literal of the program's screens (ui)
// and of the workflows whose names they show (app and its subpackages),
// tests excluded. A label is also its first phrase: the check box
// « Sauvegarde complète (ajoute…) » is cited as « Sauvegarde complète »,
// the label « Date de remise : » as « Date de remise ».
func sourceLabels(t *testing.T) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	for _, dir := range []string{".", "../app", "../app/importing", "../app/export"} {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		fset := token.NewFileSet()
		for _, file := range files {
			if strings.HasSuffix(file, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, file, nil, parser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(f, func(n ast.Node) bool {
				lit, ok := n.(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					return true
				}
				s, err := strconv.Unquote(lit.Value)
				if err != nil {
					return true
				}
				s = strings.TrimSpace(s)
				out[s] = true
				for _, cut := range []string{" (", " :", "\n"} {
					if before, _, ok := strings.Cut(s, cut); ok {
						out[strings.TrimSpace(before)] = true
					}
				}
				return true
			})
		}
	}
	return out
}

func shellLabels(t *testing.T, s *Shell) guideLabels {
	l := guideLabels{menu: s.menu.main, screens: map[string]bool{}, literals: sourceLabels(t)}
	for _, sp := range screens {
		l.screens[sp.title] = true
	}
	return l
}

// TestGuideNamesExist keeps the guide true to the program: every menu,
// screen, button or tab it cites between « » is one the program shows.
func TestGuideNamesExist(t *testing.T) {
	s := newTestShell(t)
	l := shellLabels(t, s)
	names, err := fs.Glob(guideFiles, "guide/*.md")
	if err != nil || len(names) == 0 {
		t.Fatalf("no chapter embedded (%v)", err)
	}
	cited := 0
	for _, name := range names {
		b, _ := guideFiles.ReadFile(name)
		cited += len(quoted.FindAllString(string(b), -1))
		for _, p := range l.problems(string(b)) {
			t.Errorf("%s: %s", name, p)
		}
	}
	if cited < 50 {
		t.Errorf("the guide cites %d names of the program; it should walk through its menus and buttons", cited)
	}
}

// TestGuideNameCheck shows the check catches a guide that drifted from the
// program: a renamed menu item, a menu that does not exist, a button
// misspelt, a tab missing from its screen.
func TestGuideNameCheck(t *testing.T) {
	s := newTestShell(t)
	l := shellLabels(t, s)
	for _, tc := range []struct {
		text string
		bad  int
	}{
		{"Choisissez « Fichier › Sauvegarder… » puis « Sauvegarder ».", 0},
		{"« Exercice › Clôturer l'exercice… », « Aide › À propos de Tantième ».", 0},
		{"« Fichier › Fichiers récents › Aucun fichier récent »", 0},
		{"« Paramètres › Sauvegardes », « Banque › Remises en banque »", 0},
		{"l'écran « Copropriétaires », le bouton « Encaisser un règlement… »", 0},
		{"« Sauvegarde complète », « Date de remise »", 0},
		{"« Fichier › Sauvegarder » (sans les points de suspension)", 1},
		{"« Fichier › Imprimer… »", 1},
		{"« Outils › Options… »", 1},
		{"« Exercice › Clôturer l'exercice… › Maintenant »", 1},
		{"« Paramètres › Mises à jour »", 1},
		{"« Encaisser un paiement… » et « Relire la feuille »", 2},
		{"Aucun nom cité ici.", 0},
	} {
		if got := l.problems(tc.text); len(got) != tc.bad {
			t.Errorf("%q: %d problems %v, want %d", tc.text, len(got), got, tc.bad)
		}
	}
}

// TestGuideChapters checks the chapters the brief asks for are there, in
// order, and that every screenshot shown is embedded and every one
// embedded is shown (no dead weight in the program).
func TestGuideChapters(t *testing.T) {
	chapters, err := guideChapters()
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	used := map[string]bool{}
	for _, c := range chapters {
		titles = append(titles, c.title)
		if len(c.blocks) == 0 {
			t.Errorf("chapter %q is empty", c.title)
		}
		for _, b := range c.blocks {
			if b.image == "" {
				continue
			}
			used[b.image] = true
			data, err := guideFiles.ReadFile(b.image)
			if err != nil {
				t.Errorf("chapter %q shows %s: %v", c.title, b.image, err)
				continue
			}
			if _, _, err := image.Decode(bytes.NewReader(data)); err != nil {
				t.Errorf("%s: %v", b.image, err)
			}
			if b.caption == "" {
				t.Errorf("chapter %q: %s has no caption", c.title, b.image)
			}
		}
	}
	want := []string{"Démarrer", "Le travail du mois", "La fin d'exercice", "Les sauvegardes", "Questions fréquentes"}
	if strings.Join(titles, " | ") != strings.Join(want, " | ") {
		t.Errorf("chapters %q, want %q", titles, want)
	}
	images, _ := fs.Glob(guideFiles, "guide/images/*")
	for _, img := range images {
		if !used[img] {
			t.Errorf("%s is embedded but no chapter shows it", img)
		}
	}
	if len(used) < 4 {
		t.Errorf("the guide shows %d screenshots, want a handful", len(used))
	}
}

func TestParseChapter(t *testing.T) {
	c := parseChapter("# Titre\n\nUn paragraphe.\n\n![Légende](images/a.png)\n\n## Suite\nTexte.\n![Sans fin de ligne](b.png) en ligne\n")
	if c.title != "Titre" || len(c.blocks) != 3 {
		t.Fatalf("got %q with %d blocks: %+v", c.title, len(c.blocks), c.blocks)
	}
	if c.blocks[0].text != "Un paragraphe." || c.blocks[1].image != "guide/images/a.png" || c.blocks[1].caption != "Légende" {
		t.Errorf("blocks %+v", c.blocks[:2])
	}
	if !strings.Contains(c.blocks[2].text, "![Sans fin de ligne](b.png) en ligne") {
		t.Errorf("an image within a sentence is text: %+v", c.blocks[2])
	}
}

// menuItem finds a menu item by its path, like « Aide › À propos ».
func menuItem(t *testing.T, s *Shell, path ...string) *fyne.MenuItem {
	t.Helper()
	for _, m := range s.menu.main.Items {
		if m.Label != path[0] {
			continue
		}
		items := m.Items
		for i, p := range path[1:] {
			for _, it := range items {
				if it.Label == p {
					if i == len(path)-2 {
						return it
					}
					items = it.ChildMenu.Items
				}
			}
		}
	}
	t.Fatalf("no menu item %q", strings.Join(path, " › "))
	return nil
}

func TestAideMenu(t *testing.T) {
	s := newTestShell(t)
	var labels []string
	for _, it := range s.menu.main.Items[len(s.menu.main.Items)-1].Items {
		labels = append(labels, it.Label)
	}
	if got, want := strings.Join(labels, " | "), "Guide de l'utilisateur | Textes de loi | Ce que Tantième garantit… |  | À propos de Tantième"; got != want {
		t.Errorf("Aide menu %q, want %q", got, want)
	}
	for _, p := range []string{"Guide de l'utilisateur", "Ce que Tantième garantit…", "À propos de Tantième"} {
		if it := menuItem(t, s, "Aide", p); it.Disabled || it.Action == nil {
			t.Errorf("Aide › %s does nothing with no residence open", p)
		}
	}
}

// guideWindow is the open guide window, if any.
func guideWindow(s *Shell) fyne.Window { return s.menu.guide }

func TestGuideWindow(t *testing.T) {
	s := newTestShell(t)
	openTest(t, s, testResidence(t))
	menuItem(t, s, "Aide", "Guide de l'utilisateur").Action()
	w := guideWindow(s)
	if w == nil {
		t.Fatal("Aide › Guide de l'utilisateur opened no window")
	}
	if w.Title() != "Guide de l'utilisateur — Tantième" {
		t.Errorf("title %q", w.Title())
	}
	if m := w.Content().MinSize(); m.Width > guideSize.Width || m.Height > guideSize.Height {
		t.Errorf("the guide needs %.0f×%.0f, more than its %.0f×%.0f window", m.Width, m.Height, guideSize.Width, guideSize.Height)
	}
	if guideSize.Width > 1024 || guideSize.Height > 690 {
		t.Errorf("the guide window (%.0f×%.0f) does not fit a 1024×700 screen", guideSize.Width, guideSize.Height)
	}
	shown := texts(w.Content())
	mustContain(t, "the guide", shown, "Chapitres", "Démarrer", "Le travail du mois", "La fin d'exercice", "Les sauvegardes",
		"Questions fréquentes", "Créer votre résidence", "Chapitre suivant", "Fermer")
	mustNotContain(t, "the first chapter", shown, "Le rapprochement bancaire")

	// A second call brings the same window forward.
	before := len(s.app.Driver().AllWindows())
	menuItem(t, s, "Aide", "Guide de l'utilisateur").Action()
	if len(s.app.Driver().AllWindows()) != before || guideWindow(s) != w {
		t.Error("a second Aide › Guide de l'utilisateur opened another window")
	}

	test.Tap(findButton(t, w.Content(), "Chapitre suivant"))
	mustContain(t, "chapter 2", texts(w.Content()), "Le rapprochement bancaire", "Préparer les appels")
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyRight})
	mustContain(t, "chapter 3", texts(w.Content()), "Les annexes 1 à 5 pour l'assemblée générale")
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyLeft})
	mustContain(t, "chapter 2 again", texts(w.Content()), "Le rapprochement bancaire")

	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if guideWindow(s) != nil {
		t.Error("Escape left the guide open")
	}
	menuItem(t, s, "Aide", "Guide de l'utilisateur").Action()
	if guideWindow(s) == nil || guideWindow(s) == w {
		t.Error("the guide does not open again after being closed")
	}
}

// findButton finds a button under o by its text.
func findButton(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	for _, c := range visible(o) {
		if b, ok := c.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no button %q in:\n%s", text, texts(o))
	return nil
}
