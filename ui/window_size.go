package ui

import "fyne.io/fyne/v2"

// The window's size is remembered between sessions, as a setting of the
// computer (the same residence is opened on a laptop and on a desktop).
const (
	prefWindowWidth  = "window.width"
	prefWindowHeight = "window.height"
)

var (
	defaultWindowSize = fyne.NewSize(1280, 800)
	// smallestWindow is the smallest size every screen and dialog is made
	// for (UI.md: a 1024×700 laptop); the window is never opened smaller
	// unless the screen itself is.
	smallestWindow = fyne.NewSize(1024, 700)
)

// screenMargin is kept between the window and the edges of the screen's
// work area: room for the window's own title bar and borders, which the
// system draws outside the size asked for.
const screenMargin = 32

// windowSize is the size to open the window at: the last one used (else
// 1280×800), within the screen's work area when it is known (the task bar
// and menu bar left out), and not under 1024×700 unless the screen is.
func windowSize(prefs fyne.Preferences, screen fyne.Size, known bool) fyne.Size {
	size := fyne.NewSize(float32(prefs.FloatWithFallback(prefWindowWidth, float64(defaultWindowSize.Width))),
		float32(prefs.FloatWithFallback(prefWindowHeight, float64(defaultWindowSize.Height))))
	size = size.Max(smallestWindow)
	if known && screen.Width > 0 && screen.Height > 0 {
		size = size.Min(fyne.NewSize(screen.Width-screenMargin, screen.Height-screenMargin))
	}
	return size
}

// rememberWindowSize keeps the window's size for the next session.
func rememberWindowSize(prefs fyne.Preferences, w fyne.Window) {
	size := w.Canvas().Size()
	if size.Width < 100 || size.Height < 100 {
		return // not shown: nothing worth remembering
	}
	prefs.SetFloat(prefWindowWidth, float64(size.Width))
	prefs.SetFloat(prefWindowHeight, float64(size.Height))
}
