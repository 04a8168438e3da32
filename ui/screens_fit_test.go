package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme/ui/widgets"
)

// Every screen fits a 1024-px laptop's window beside the navigation (navWidth)
// in normal text: what it shows gives way (columns shrink, buttons and
// choices go to the next line, two tables stack) rather than ask for more
// width, which would put the screen's right side out of sight.
func TestEveryScreenFitsSmallWindow(t *testing.T) {
	s := newTestShell(t)
	s.openDemo()
	s.jobs.Wait()
	s.win.Resize(smallWindow)
	// The window a 1024-px screen opens (windowSize keeps screenMargin free).
	room := smallWindow.Width - screenMargin - navWidth - 4*theme.Padding() - theme.ScrollBarSize()
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

// At 1280×800 in normal text, every column title of every screen shows
// whole: a title is shortened (« Régularis… ») only when a small window or
// large text leaves its column no room.
func TestColumnTitlesWholeAt1280(t *testing.T) {
	s := newTestShell(t)
	s.openDemo()
	s.jobs.Wait()
	s.win.Resize(fyne.NewSize(1280, 800))
	for _, sp := range screens {
		if !s.showScreen(sp.id) {
			t.Fatalf("no screen %q", sp.id)
		}
		s.jobs.Wait()
		for _, o := range visible(s.currentScreen().view()) {
			tb, ok := o.(*widgets.HoverTable)
			if !ok {
				continue
			}
			for _, h := range visible(tb) {
				if b, ok := h.(*widget.Button); ok && strings.HasSuffix(b.Text, "…") {
					t.Errorf("screen « %s »: the column title « %s » is cut at 1280 px (button %.0f wide, table %.0f)", sp.title, b.Text, b.Size().Width, tb.Size().Width)
				}
			}
		}
	}
}

// The dashboard after the year's end lists the debtors, each a link: their
// lines wrap rather than push the third panel out of a 1024-px screen's
// window (it did, by eighteen pixels, with the demo's late payer).
func TestDashboardWithDebtorsFitsSmallWindow(t *testing.T) {
	s := newTestShell(t)
	s.now = func() time.Time { return time.Date(2026, 12, 7, 12, 0, 0, 0, time.Local) }
	s.openDemo()
	s.jobs.Wait()
	s.win.Resize(smallWindow)
	s.showScreen("dashboard")
	s.jobs.Wait()
	d := s.currentScreen().(*dashboard)
	if len(d.data.Steps) == 0 || d.data.Debtors == 0 {
		t.Fatalf("the demo on 07/12/2026 has no debtor to list: %d", d.data.Debtors)
	}
	room := smallWindow.Width - screenMargin - navWidth - 4*theme.Padding() - theme.ScrollBarSize()
	if w := d.view().MinSize().Width; w > room {
		t.Errorf("the dashboard with its debtors needs %.0f px, more than the %.0f a 1024-px screen's window leaves it", w, room)
	}
}

// The list screens (owners, lots, suppliers) keep room for fourteen lines
// and their tools under the table; in a 1024×700 screen's window (992×668,
// the demo's banner shown) all of it is in sight without scrolling the
// screen: the totals row and « Colonnes… » were cut off with eighteen.
func TestListScreensFitSmallWindowHeight(t *testing.T) {
	s := newTestShell(t)
	s.openDemo()
	s.jobs.Wait()
	s.win.Resize(fyne.NewSize(smallWindow.Width-screenMargin, smallWindow.Height-screenMargin))
	for _, id := range []string{"owners", "lots", "suppliers"} {
		if !s.showScreen(id) {
			t.Fatalf("no screen %q", id)
		}
		s.jobs.Wait()
		if need, have := s.currentScreen().view().MinSize().Height, s.bodyScroll.Size().Height; need > have {
			t.Errorf("screen %s needs %.0f px high, the window gives it %.0f", id, need, have)
		}
	}
}
