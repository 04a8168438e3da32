package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/shopspring/decimal"

	"tantieme/app"
	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// lotShares are the tantièmes of a lot in its form, one box per key: a lot
// created without them would leave the general key short of a share
// unnoticed.
type lotShares struct {
	keys    []ledger.Key
	boxes   []*widgets.Field
	general string // the residence's general key
}

func newLotShares(s *Shell, lot string, creating bool) (*lotShares, error) {
	keys, err := s.res.Keys()
	if err != nil {
		return nil, err
	}
	general, err := s.res.GeneralKey()
	if err != nil {
		return nil, err
	}
	stored := map[string]decimal.Decimal{}
	if !creating {
		list, err := s.res.Shares()
		if err != nil {
			return nil, err
		}
		for _, sh := range list {
			if sh.Lot == lot {
				stored[sh.Key] = sh.Shares
			}
		}
	}
	ls := &lotShares{keys: keys, general: general}
	for _, k := range keys {
		text := ""
		if v, ok := stored[k.Code]; ok && !v.IsZero() {
			text = fr.Shares(v)
		}
		hint := "vide : hors de la clé"
		if k.Code == general {
			hint = "parties communes"
		}
		ls.boxes = append(ls.boxes, widgets.NewField(text, hint))
	}
	return ls, nil
}

func (ls *lotShares) fields() []widgets.FormField {
	out := make([]widgets.FormField, len(ls.boxes))
	for i, b := range ls.boxes {
		out[i] = b
	}
	return out
}

// view is the part of the form with the boxes, beside the lot's
// description; it scrolls beyond seven keys, so that the form's buttons
// stay on a small screen.
func (ls *lotShares) view() fyne.CanvasObject {
	if len(ls.keys) == 0 {
		return widgets.Note("Aucune clé de répartition : les tantièmes s'indiqueront une fois les clés créées (écran Clés).")
	}
	var rows []fyne.CanvasObject
	for i, k := range ls.keys {
		rows = append(rows, formLabel(shortKeyName(k)), ls.boxes[i])
	}
	grid := container.New(layout.NewFormLayout(), rows...)
	head := widget.NewLabelWithStyle("Tantièmes", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	if len(ls.keys) <= 7 {
		return container.NewVBox(head, grid)
	}
	scroll := container.NewVScroll(grid)
	one := ls.boxes[0].MinSize().Height + 4
	scroll.SetMinSize(fyne.NewSize(0, 7*one))
	return container.NewVBox(head, scroll)
}

// values reads the boxes: key code → shares, zero for an empty box (the
// lot leaves that key).
func (ls *lotShares) values() (map[string]decimal.Decimal, error) {
	out := map[string]decimal.Decimal{}
	for i, k := range ls.keys {
		text := strings.TrimSpace(ls.boxes[i].Text)
		if text == "" {
			out[k.Code] = decimal.Zero
			continue
		}
		v, err := app.ParseShares(text)
		if err != nil {
			return nil, ledger.Wrap(ledger.Invalid, err, "Tantièmes de la clé %s : %s", k.Code, ledger.Message(err))
		}
		out[k.Code] = v
	}
	return out, nil
}

// summary ends the status line: the shares written, or what is missing.
func (ls *lotShares) summary(values map[string]decimal.Decimal) string {
	var parts []string
	general := false
	for _, k := range ls.keys {
		if v := values[k.Code]; !v.IsZero() {
			parts = append(parts, fmt.Sprintf("clé %s : %s", k.Code, fr.Shares(v)))
			general = general || k.Code == ls.general
		}
	}
	out := ""
	if len(parts) > 0 {
		out = ", tantièmes " + strings.Join(parts, ", ")
	}
	if !general && len(ls.keys) > 0 {
		out += " — sans tantièmes généraux (clé " + ls.general + ") : indiquez-les pour que la clé soit conforme"
	}
	return out
}

// shortKeyName names a key beside its box, cut to a length that cannot
// widen the form (a key may be named at length: « Charges d'ascenseur du
// bâtiment B, escaliers 1 et 2 »).
func shortKeyName(k ledger.Key) string {
	name := []rune("Clé " + k.Code + " " + k.Label)
	if len(name) > 30 {
		return string(name[:29]) + "…"
	}
	return string(name)
}
