package desktop

import "runtime"

// Shortcut spells a keyboard shortcut for the user of this system:
// « Ctrl+Entrée » on Windows and Linux, « Cmd+Entrée » on macOS, where
// Fyne's KeyModifierShortcutDefault is the Command key. Every text that
// names a shortcut goes through it.
func Shortcut(keys string) string { return shortcutFor(runtime.GOOS, keys) }

func shortcutFor(goos, keys string) string {
	if goos == "darwin" || goos == "ios" {
		return "Cmd+" + keys
	}
	return "Ctrl+" + keys
}
