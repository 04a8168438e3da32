package ui

import (
	"testing"

	"fyne.io/fyne/v2/theme"
)

// Every screen fits a 1024-px laptop's window beside the navigation (220 px)
// in normal text: what it shows gives way (columns shrink, buttons and
// choices go to the next line, two tables stack) rather than ask for more
// width, which would put the screen's right side out of sight.
func TestEveryScreenFitsSmallWindow(t *testing.T) {
	s := newTestShell(t)
	s.openDemo()
	s.jobs.Wait()
	s.win.Resize(smallWindow)
	room := smallWindow.Width - 220 - 4*theme.Padding() - theme.ScrollBarSize()
	for _, sp := range screens {
		if !s.showScreen(sp.id) {
			t.Fatalf("no screen %q", sp.id)
		}
		s.jobs.Wait()
		if w := s.currentScreen().view().MinSize().Width; w > room {
			t.Errorf("screen « %s » needs %.0f px, more than the %.0f a 1024-px window leaves it", sp.title, w, room)
		}
	}
}
