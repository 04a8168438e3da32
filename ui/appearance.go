package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// The look chosen in Paramètres: light (the default, paper-like) or dark,
// and the size of the text. Both are settings of the computer, not of the
// residence, so they live in the program's preferences.
const (
	prefDarkTheme = "appearance.dark"
	prefTextScale = "appearance.textScale"
)

// textScales are the text sizes offered, the first being the theme's own.
var textScales = []struct {
	label string
	scale float64
}{{"Normal", 1}, {"Grand", 1.2}, {"Très grand", 1.4}}

// palette is the set of colours the screens build their tints and the paper
// theme its colours from (theme.go): switching it switches the whole look.
type palette struct {
	paper, surface, ink, greyInk, hintInk, rule, headerTint, blueInk      color.NRGBA
	attentionInk, orderInk, warningInk                                    color.NRGBA
	attentionTint, orderTint, warningTint, infoTint                       color.NRGBA
	button, disabledButton, inputBorder, hover, pressed, scrollBar, onInk color.NRGBA
}

// lightPalette is theme.go's, as the program starts.
var lightPalette = palette{
	paper: paper, surface: surface, ink: ink, greyInk: greyInk, hintInk: hintInk, rule: rule, headerTint: headerTint, blueInk: blueInk,
	attentionInk: attentionInk, orderInk: orderInk, warningInk: warningInk,
	attentionTint: attentionTint, orderTint: orderTint, warningTint: warningTint, infoTint: infoTint,
}

// darkPalette keeps the meaning of the colours (red needs attention, green
// is in order, orange warns) with light inks on dark tints, so that text on
// every tint stays readable.
var darkPalette = palette{
	paper: rgb(0x1E, 0x1F, 0x22), surface: rgb(0x2A, 0x2B, 0x2F), ink: rgb(0xEC, 0xEA, 0xE4), greyInk: rgb(0xB0, 0xB0, 0xB0),
	hintInk: rgb(0x8E, 0x8E, 0x8E), rule: rgb(0x45, 0x46, 0x4C), headerTint: rgb(0x30, 0x32, 0x37), blueInk: rgb(0x8A, 0xB4, 0xF8),
	attentionInk: rgb(0xFF, 0x9A, 0x8F), orderInk: rgb(0x8F, 0xD6, 0x9C), warningInk: rgb(0xFF, 0xC0, 0x7A),
	attentionTint: rgb(0x55, 0x26, 0x23), orderTint: rgb(0x1F, 0x40, 0x28), warningTint: rgb(0x4E, 0x38, 0x16), infoTint: rgb(0x1F, 0x33, 0x4D),
	button: rgb(0x3A, 0x3C, 0x42), disabledButton: rgb(0x2E, 0x30, 0x35), inputBorder: rgb(0x62, 0x65, 0x6E),
	hover: color.NRGBA{0xFF, 0xFF, 0xFF, 0x14}, pressed: color.NRGBA{0xFF, 0xFF, 0xFF, 0x24},
	scrollBar: color.NRGBA{0xFF, 0xFF, 0xFF, 0x70}, onInk: rgb(0x15, 0x16, 0x18),
}

func rgb(r, g, b uint8) color.NRGBA { return color.NRGBA{r, g, b, 0xFF} }

// use makes p the colours of theme.go.
func (p palette) use() {
	paper, surface, ink, greyInk, hintInk, rule, headerTint, blueInk = p.paper, p.surface, p.ink, p.greyInk, p.hintInk, p.rule, p.headerTint, p.blueInk
	attentionInk, orderInk, warningInk = p.attentionInk, p.orderInk, p.warningInk
	attentionTint, orderTint, warningTint, infoTint = p.attentionTint, p.orderTint, p.warningTint, p.infoTint
}

// tints maps each background colour of p to the same one in q.
func (p palette) tints(q palette) map[color.NRGBA]color.NRGBA {
	return map[color.NRGBA]color.NRGBA{
		p.paper: q.paper, p.surface: q.surface, p.headerTint: q.headerTint, p.attentionTint: q.attentionTint,
		p.orderTint: q.orderTint, p.warningTint: q.warningTint, p.infoTint: q.infoTint,
	}
}

// appearanceTheme is the paper theme with the chosen text size, and in the
// dark look the colours theme.go writes as literals.
type appearanceTheme struct {
	base  fyne.Theme
	dark  bool
	scale float32
}

func (t *appearanceTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if t.dark {
		p := darkPalette
		switch n {
		case theme.ColorNameButton:
			return p.button
		case theme.ColorNameDisabledButton:
			return p.disabledButton
		case theme.ColorNameInputBorder:
			return p.inputBorder
		case theme.ColorNameHover:
			return p.hover
		case theme.ColorNamePressed:
			return p.pressed
		case theme.ColorNameScrollBar:
			return p.scrollBar
		case theme.ColorNameFocus:
			return color.NRGBA{0x8A, 0xB4, 0xF8, 0x66}
		case theme.ColorNameSelection:
			return color.NRGBA{0x8A, 0xB4, 0xF8, 0x44}
		case theme.ColorNameShadow:
			return color.NRGBA{0x00, 0x00, 0x00, 0x88}
		case theme.ColorNameForegroundOnPrimary, theme.ColorNameForegroundOnError,
			theme.ColorNameForegroundOnSuccess, theme.ColorNameForegroundOnWarning:
			return p.onInk // the inks are light in the dark look: dark text on them
		}
	}
	return t.base.Color(n, v)
}

func (t *appearanceTheme) Font(s fyne.TextStyle) fyne.Resource { return t.base.Font(s) }

func (t *appearanceTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base.Icon(n) }

func (t *appearanceTheme) Size(n fyne.ThemeSizeName) float32 {
	size := t.base.Size(n)
	switch n {
	case theme.SizeNameText, theme.SizeNameSubHeadingText, theme.SizeNameHeadingText, theme.SizeNameCaptionText, theme.SizeNameInlineIcon:
		return size * t.scale
	}
	return size
}

// appearance is what the preferences say of the look.
func appearance(prefs fyne.Preferences) (dark bool, scale float64) {
	scale = prefs.FloatWithFallback(prefTextScale, 1)
	if scale < 1 || scale > 2 {
		scale = 1
	}
	return prefs.Bool(prefDarkTheme), scale
}

// applyAppearance sets the look the preferences ask for. The program calls
// it as it starts, and Paramètres when the user changes it; the tints
// already painted in the window are repainted.
func (s *Shell) applyAppearance() {
	dark, scale := appearance(s.app.Preferences())
	from, to := lightPalette, lightPalette
	if paper == darkPalette.paper {
		from = darkPalette
	}
	if dark {
		to = darkPalette
	}
	to.use()
	s.app.Settings().SetTheme(&appearanceTheme{base: newTheme(), dark: dark, scale: float32(scale)})
	if from != to {
		repaint := from.tints(to)
		roots := []fyne.CanvasObject{s.win.Content(), s.frame}
		for _, sc := range s.built {
			if sc != nil {
				roots = append(roots, sc.view())
			}
		}
		for _, r := range roots {
			repaintTints(r, repaint)
		}
	}
}

// repaintTints gives the backgrounds under o their colour in the new look.
func repaintTints(o fyne.CanvasObject, repaint map[color.NRGBA]color.NRGBA) {
	switch x := o.(type) {
	case *canvas.Rectangle:
		if c, ok := x.FillColor.(color.NRGBA); ok {
			if n, ok := repaint[c]; ok {
				x.FillColor = n
				x.Refresh()
			}
		}
	case *fyne.Container:
		for _, c := range x.Objects {
			repaintTints(c, repaint)
		}
	case *container.Scroll:
		repaintTints(x.Content, repaint)
	case *container.Split:
		repaintTints(x.Leading, repaint)
		repaintTints(x.Trailing, repaint)
	case *container.AppTabs:
		for _, it := range x.Items {
			repaintTints(it.Content, repaint)
		}
	}
	// Other widgets draw with the theme's colours, which follow by
	// themselves; a table's cells take their tint again as it refreshes.
}
