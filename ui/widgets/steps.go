package widgets

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Steps shows the pages of an assistant one at a time under « Étape 2 sur
// 5 — Vérification des encaissements »: every assistant (new residence,
// import, bank statement, closing, transfers) tells the syndic where he is
// in the same words.
type Steps struct {
	Counter *widget.Label
	Stack   *fyne.Container // the pages, one shown
	titles  []string
	current int
}

// NewSteps makes the assistant's pages, one per title.
func NewSteps(titles []string, pages ...fyne.CanvasObject) *Steps {
	return &Steps{Counter: StepTitle(""), Stack: container.NewStack(pages...), titles: titles}
}

// Show makes page i current; false when there is no such page.
func (s *Steps) Show(i int) bool {
	if i < 0 || i >= len(s.Stack.Objects) {
		return false
	}
	s.current = i
	for j, p := range s.Stack.Objects {
		if j == i {
			p.Show()
		} else {
			p.Hide()
		}
	}
	title := ""
	if i < len(s.titles) {
		title = s.titles[i]
	}
	s.Counter.SetText(StepText(i+1, len(s.Stack.Objects), title))
	return true
}

// Current is the page shown.
func (s *Steps) Current() int { return s.current }

// Last says whether the page shown is the last one.
func (s *Steps) Last() bool { return s.current == len(s.Stack.Objects)-1 }

// StepText is « Étape n sur total — title ».
func StepText(n, total int, title string) string {
	return fmt.Sprintf("Étape %d sur %d — %s", n, total, title)
}

// StepTitle is the heading of an assistant's step.
func StepTitle(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.TextStyle.Bold = true
	l.SizeName = theme.SizeNameSubHeadingText
	return l
}
