package ui

import (
	"embed"
	"io/fs"
	"path"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Aide › Textes de loi: the articles of the loi du 10 juillet 1965, the
// décret du 17 mars 1967 and the arrêté du 14 mars 2005 that the program
// applies, one Markdown file per article in law/ (public texts, to be read
// and corrected without reading Go), shown like the guide. Screens link to
// the article they apply with lawLink.
//
//go:embed law/*.md
var lawFiles embed.FS

// lawText is an article file read: its id is the file name without its
// order prefix and extension (« loi1965-42-1 »).
type lawText struct {
	id string
	chapter
}

func lawTexts() ([]lawText, error) {
	names, err := fs.Glob(lawFiles, "law/*.md")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var out []lawText
	for _, name := range names {
		b, err := lawFiles.ReadFile(name)
		if err != nil {
			return nil, err
		}
		id := strings.TrimSuffix(path.Base(name), ".md")
		if _, rest, ok := strings.Cut(id, "-"); ok {
			id = rest
		}
		out = append(out, lawText{id: id, chapter: parseChapter(string(b))})
	}
	return out, nil
}

// showLaw opens the texts at article id (« loi1965-42-1 »; "" for the
// first page), in a window of their own beside the main one; a second call
// shows the article in the open window.
func (s *Shell) showLaw(id string) {
	texts, err := lawTexts()
	if err != nil || len(texts) == 0 {
		s.inform("Textes indisponibles", theme.InfoIcon(), "Les textes de loi n'ont pas pu être lus dans cette version de Tantième.")
		return
	}
	at := 0
	for i, t := range texts {
		if t.id == id {
			at = i
		}
	}
	if s.menu.law != nil {
		s.menu.lawView.show(at)
		s.menu.law.RequestFocus()
		return
	}
	chapters := make([]chapter, len(texts))
	for i, t := range texts {
		chapters[i] = t.chapter
	}
	w := s.app.NewWindow("Textes de loi — Tantième")
	g := newTextView(chapters, textViewWords{list: "Articles", prev: "Article précédent", next: "Article suivant"}, w.Close)
	g.show(at)
	w.SetContent(g.content)
	w.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) { g.typedKey(ev, w.Close) })
	w.SetOnClosed(func() { s.menu.law, s.menu.lawView = nil, nil })
	w.Resize(guideSize)
	s.menu.law, s.menu.lawView = w, g
	w.Show()
}

// lawLink is « (loi 1965 art. 42-1) » beside what applies the article: it
// opens the article.
func (s *Shell) lawLink(text, id string) *widget.Hyperlink {
	l := widget.NewHyperlink(text, nil)
	l.OnTapped = func() { s.showLaw(id) }
	return l
}
