package ui

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// Aide › Textes de loi opens at the article a link names, in its own
// window, with the article's text; every link of the screens names an
// article that exists, and each article has its title and its source.
func TestLawTexts(t *testing.T) {
	arts, err := lawTexts()
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, x := range arts {
		ids[x.id] = true
		if x.title == "" || len(x.blocks) == 0 {
			t.Errorf("%s: no title or no text", x.id)
		}
	}
	for _, want := range []string{"loi1965-10-1", "loi1965-14-1", "loi1965-14-2", "loi1965-18-1", "loi1965-19-2", "loi1965-42-1",
		"decret1967-5", "decret1967-9bis", "decret1967-64", "arrete2005"} {
		if !ids[want] {
			t.Errorf("no article %s", want)
		}
	}
	link := regexp.MustCompile(`lawLink\("[^"]*", "([^"]+)"\)`)
	files, _ := filepath.Glob("*.go")
	links := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range link.FindAllStringSubmatch(string(b), -1) {
			links++
			if !ids[m[1]] {
				t.Errorf("%s links to %q, which is no article", f, m[1])
			}
		}
	}
	if links < 6 {
		t.Errorf("only %d links to the texts", links)
	}

	s := newTestShell(t)
	openTest(t, s, testResidence(t))
	s.showLaw("loi1965-42-1")
	if s.menu.law == nil {
		t.Fatal("no window for the texts")
	}
	mustContain(t, "the article", texts(s.menu.law.Content()), "Loi 1965, art. 42-1", "accord exprès", "Article suivant")
	s.showLaw("loi1965-19-2") // the open window shows the other article
	mustContain(t, "the article", texts(s.menu.law.Content()), "trente jours")
	test.Tap(findButton(t, s.menu.law.Content(), "Fermer"))
	if s.menu.law != nil {
		t.Error("the window is still known after it closed")
	}
}
