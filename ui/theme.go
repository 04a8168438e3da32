package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"tantieme/ui/widgets"
)

// Colours keep one meaning everywhere (UI.md): red needs attention, green is
// in order, orange is a warning. Row and banner backgrounds are light tints so
// that the dark text stays readable on them; words always say the same thing
// as the colour.
var (
	paper      = color.NRGBA{0xF8, 0xF5, 0xEE, 0xFF} // the page
	surface    = color.NRGBA{0xFF, 0xFE, 0xFB, 0xFF} // fields, menus, dialogs
	ink        = color.NRGBA{0x1F, 0x1F, 0x1F, 0xFF}
	greyInk    = color.NRGBA{0x5C, 0x5C, 0x5C, 0xFF} // disabled: still readable
	hintInk    = color.NRGBA{0x80, 0x80, 0x80, 0xFF} // placeholders: lighter than what is typed
	rule       = color.NRGBA{0xD9, 0xD2, 0xC3, 0xFF}
	headerTint = color.NRGBA{0xEC, 0xE6, 0xD8, 0xFF}
	blueInk    = color.NRGBA{0x1F, 0x4E, 0x8C, 0xFF}

	attentionInk  = color.NRGBA{0xA8, 0x1F, 0x16, 0xFF}
	orderInk      = color.NRGBA{0x23, 0x6B, 0x2A, 0xFF}
	warningInk    = color.NRGBA{0x9A, 0x4B, 0x00, 0xFF}
	attentionTint = color.NRGBA{0xF6, 0xD3, 0xCF, 0xFF}
	orderTint     = color.NRGBA{0xD8, 0xEC, 0xD4, 0xFF}
	warningTint   = color.NRGBA{0xFA, 0xE3, 0xC2, 0xFF}
	infoTint      = color.NRGBA{0xDC, 0xE7, 0xF4, 0xFF}
)

// paperTheme is the light, printed-page look of the program, with text a
// little larger than Fyne's default so that it reads at arm's length.
type paperTheme struct {
	textSize float32
}

func newTheme() fyne.Theme { return &paperTheme{textSize: 15} }

func (t *paperTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	switch n {
	case theme.ColorNameBackground:
		return paper
	case theme.ColorNameInputBackground, theme.ColorNameMenuBackground, theme.ColorNameOverlayBackground:
		return surface
	case theme.ColorNameForeground:
		return ink
	case theme.ColorNameDisabled:
		return greyInk
	case theme.ColorNamePlaceHolder:
		return hintInk
	case theme.ColorNameButton:
		return color.NRGBA{0xE9, 0xE3, 0xD5, 0xFF}
	case theme.ColorNameDisabledButton:
		return color.NRGBA{0xEF, 0xEB, 0xE3, 0xFF}
	case theme.ColorNameHeaderBackground:
		return headerTint
	case widgets.ColorNameAttentionTint:
		return attentionTint
	case theme.ColorNameInputBorder:
		return color.NRGBA{0xB9, 0xB1, 0xA0, 0xFF}
	case theme.ColorNameSeparator:
		return rule
	case theme.ColorNamePrimary, theme.ColorNameHyperlink:
		return blueInk
	case theme.ColorNameFocus:
		return color.NRGBA{0x1F, 0x4E, 0x8C, 0x55}
	case theme.ColorNameSelection:
		return color.NRGBA{0x1F, 0x4E, 0x8C, 0x33}
	case theme.ColorNameHover:
		return color.NRGBA{0x00, 0x00, 0x00, 0x12}
	case theme.ColorNamePressed:
		return color.NRGBA{0x00, 0x00, 0x00, 0x22}
	case theme.ColorNameError:
		return attentionInk
	case theme.ColorNameSuccess:
		return orderInk
	case theme.ColorNameWarning:
		return warningInk
	case theme.ColorNameScrollBar:
		return color.NRGBA{0x00, 0x00, 0x00, 0x66}
	case theme.ColorNameShadow:
		return color.NRGBA{0x00, 0x00, 0x00, 0x33}
	}
	return theme.DefaultTheme().Color(n, theme.VariantLight)
}

func (t *paperTheme) Font(s fyne.TextStyle) fyne.Resource { return theme.DefaultTheme().Font(s) }

func (t *paperTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

func (t *paperTheme) Size(n fyne.ThemeSizeName) float32 {
	switch n {
	case theme.SizeNameText:
		return t.textSize
	case theme.SizeNameSubHeadingText:
		return t.textSize + 3
	case theme.SizeNameHeadingText:
		return t.textSize + 8
	case theme.SizeNameCaptionText:
		return t.textSize - 2
	case theme.SizeNameInlineIcon:
		return t.textSize + 5
	}
	return theme.DefaultTheme().Size(n)
}
