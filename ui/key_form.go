package ui

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"tantieme/app"
	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// keyForm opens the form that creates a key (key nil) or changes its label
// and declared total; the code of a key never changes.
func (s *Shell) keyForm(key *ledger.Key, existing []ledger.KeyTotal, saved func(ledger.Key)) {
	creating := key == nil
	k := ledger.Key{}
	if creating {
		k.Code = nextKeyCode(existing)
	} else {
		k = *key
	}
	code := widgets.NewField(k.Code, "1 à 3 caractères : 002, 003…")
	if !creating {
		code.Disable()
	}
	label := widgets.NewField(k.Label, "par exemple : Ascenseur, Bâtiment B, Eau froide")
	total := widgets.NewField(sharesText(k.DeclaredTotal), "selon le règlement de copropriété, par exemple 1 000")
	title := "Nouvelle clé de répartition"
	if !creating {
		title = "Modifier la clé " + k.Code
	}
	f := s.newForm(title, "Enregistrer", code, label, total)
	f.width = 620
	f.submit = func() error {
		t, err := app.ParseShares(total.Text)
		if err != nil {
			s.win.Canvas().Focus(total)
			return ledger.Wrap(ledger.Invalid, err, "Total déclaré : %s", ledger.Message(err))
		}
		w := ledger.Key{Code: strings.TrimSpace(code.Text), Label: strings.TrimSpace(label.Text), DeclaredTotal: t}
		err = s.res.SaveKey(w, creating)
		if err != nil {
			return err
		}
		verb := "créée"
		if !creating {
			verb = "modifiée"
		}
		msg := fmt.Sprintf("Clé %s « %s » %s, total déclaré %s", w.Code, w.Label, verb, fr.Shares(t))
		if creating {
			msg += " — donnez ses tantièmes aux lots dans la grille ou avec « Générer pour tous les lots… »"
		}
		s.say(msg)
		saved(w)
		return nil
	}
	form := widget.NewForm(widget.NewFormItem("Code *", code), widget.NewFormItem("Libellé *", label),
		widget.NewFormItem("Total déclaré", total))
	help := "Le total déclaré est celui du règlement de copropriété ; la somme des tantièmes des lots doit lui être égale. "
	if !creating {
		help += "Le code d'une clé ne change pas. "
	}
	first := fyne.Focusable(code)
	if !creating {
		first = label
	}
	f.show(container.NewVBox(form, widgets.Note(help+"* obligatoire. Touche Entrée : enregistrer. Touche Échap : annuler.")), first)
}

// nextKeyCode proposes the number after the highest numeric key: "005".
func nextKeyCode(keys []ledger.KeyTotal) string {
	n := 0
	for _, k := range keys {
		if v, err := strconv.Atoi(k.Code); err == nil && v > n {
			n = v
		}
	}
	if n >= 999 {
		return ""
	}
	return fmt.Sprintf("%03d", n+1)
}

// allShares reads every share: key → lot → shares.
func (s *Shell) allShares() (map[string]map[string]decimal.Decimal, error) {
	out := map[string]map[string]decimal.Decimal{}
	list, err := s.res.Shares()
	for _, sh := range list {
		if out[sh.Key] == nil {
			out[sh.Key] = map[string]decimal.Decimal{}
		}
		out[sh.Key][sh.Lot] = sh.Shares
	}
	return out, err
}

const sameValueChoice = "Donner la même valeur à chaque lot coché"

// fillKeyForm gives the key shown its shares for many lots at once: copied
// from another key (the règlement often defines a building's or a lift's
// key by the general tantièmes of its lots) or the same value for each.
func (k *keysScreen) fillKeyForm() {
	s := k.s
	key := k.keyOf(k.key)
	if key == nil || s.readOnly() {
		return
	}
	shares, err := s.allShares()
	if err != nil {
		s.showError(err)
		return
	}
	target := *key
	var sources []string
	sourceKey := map[string]string{}
	for _, other := range k.keys {
		if other.Code == target.Code || other.Lots == 0 {
			continue
		}
		c := fmt.Sprintf("Recopier les tantièmes de la clé %s %s", other.Code, other.Label)
		sources = append(sources, c)
		sourceKey[c] = other.Code
	}
	sources = append(sources, sameValueChoice)

	var lotChecks []*widgets.CheckField
	for _, l := range k.lots {
		text := lotName(l.Lot)
		if p := lotPlace(l.Lot); p != "" {
			text += " · " + p
		}
		lotChecks = append(lotChecks, widgets.NewCheckField(text, !shares[target.Code][l.Number].IsZero()))
	}
	groups, members := lotGroups(k.lots, target, shares[target.Code])

	value := widgets.NewField("", "par exemple 1 ou 100")
	clear := widgets.NewCheckField("Retirer de la clé les lots non cochés (leurs tantièmes deviennent zéro)", true)
	declared := widgets.NewCheckField(fmt.Sprintf("Mettre le total déclaré à la somme obtenue (il est de %s)", fr.Shares(target.DeclaredTotal)),
		target.DeclaredTotal.IsZero())
	preview := widgets.Note("")
	preview.TextStyle.Bold = true

	var source *choiceField
	update := func() {
		from := sourceKey[source.Selected]
		if from == "" {
			value.Enable()
		} else {
			value.Disable()
		}
		v, verr := app.ParseShares(value.Text)
		n, none, sum := 0, 0, decimal.Zero
		chosen := map[string]bool{}
		for i, c := range lotChecks {
			if !c.Checked {
				continue
			}
			lot := k.lots[i].Number
			chosen[lot] = true
			x := v
			if from != "" {
				x = shares[from][lot]
			}
			if x.IsZero() {
				none++ // copied from a key it takes no part in
				continue
			}
			n++
			sum = sum.Add(x)
		}
		removed := 0
		for lot, sh := range shares[target.Code] {
			if !chosen[lot] && !sh.IsZero() && clear.Checked {
				removed++
			}
		}
		if from == "" && verr != nil {
			preview.SetText(ledger.Message(verr))
			preview.Importance = widget.DangerImportance
			preview.Refresh()
			return
		}
		text := fmt.Sprintf("%d lot%s recevr%s des tantièmes dans la clé %s ; somme : %s.", n, fr.S(n),
			map[bool]string{true: "ont", false: "a"}[n > 1], target.Code, fr.Shares(sum))
		if none > 0 {
			text += fmt.Sprintf(" %d lot%s coché%s n'%s rien dans la clé %s : %s n'en recevr%s pas.", none, fr.S(none), fr.S(none),
				map[bool]string{true: "ont", false: "a"}[none > 1], from, map[bool]string{true: "ils", false: "il"}[none > 1],
				map[bool]string{true: "ont", false: "a"}[none > 1])
		}
		if removed > 0 {
			text += fmt.Sprintf(" %d autre%s lot%s en %s retiré%s.", removed, fr.S(removed), fr.S(removed),
				map[bool]string{true: "seront", false: "sera"}[removed > 1], fr.S(removed))
		}
		total := target.DeclaredTotal
		if declared.Checked {
			total = sum
		}
		if !clear.Checked {
			// The lots left as they are still count in the sum.
			for lot, sh := range shares[target.Code] {
				if !chosen[lot] {
					sum = sum.Add(sh)
				}
			}
		}
		if sum.Equal(total) {
			text += fmt.Sprintf(" Total déclaré %s : conforme.", fr.Shares(total))
			preview.Importance = widget.SuccessImportance
		} else {
			text += fmt.Sprintf(" Total déclaré %s : écart avec la somme %s.", fr.Shares(total), fr.Shares(sum))
			preview.Importance = widget.DangerImportance
		}
		preview.SetText(text)
		preview.Refresh()
	}
	source = newChoiceField(sources, sources[0], func(string) { update() })
	var group *choiceField
	group = newChoiceField(groups, "", func(v string) {
		if set, ok := members[v]; ok {
			for i, c := range lotChecks {
				c.SetChecked(set[k.lots[i].Number])
			}
		}
		update()
	})
	group.PlaceHolder = "(cocher d'un coup…)"

	fields := []widgets.FormField{source, value, group}
	for _, c := range lotChecks {
		fields = append(fields, c)
	}
	fields = append(fields, clear, declared)
	f := s.newForm(fmt.Sprintf("Générer les tantièmes de la clé %s « %s »", target.Code, target.Label), "Générer", fields...)
	f.width = 820
	chainChanged(value, func(string) { update() })
	for _, c := range append(append([]*widgets.CheckField{}, lotChecks...), clear, declared) {
		c.OnChanged = func(bool) { f.clearError(); update() }
	}
	f.submit = func() error {
		fill := app.KeyFill{Key: target.Code, FromKey: sourceKey[source.Selected], ClearOthers: clear.Checked, SetDeclared: declared.Checked}
		if fill.FromKey == "" {
			v, err := app.ParseShares(value.Text)
			if err != nil {
				s.win.Canvas().Focus(value)
				return err
			}
			fill.Value = v
		}
		for i, c := range lotChecks {
			if c.Checked {
				fill.Lots = append(fill.Lots, k.lots[i].Number)
			}
		}
		kt, err := s.res.FillKey(fill)
		if err != nil {
			return err
		}
		state := "conforme"
		if !kt.Matches() {
			state = "écart avec le total déclaré " + fr.Shares(kt.DeclaredTotal)
		}
		s.say(fmt.Sprintf("Clé %s « %s » : tantièmes générés pour %d lot%s, somme %s — %s", kt.Code, kt.Label, len(fill.Lots), fr.S(len(fill.Lots)),
			fr.Shares(kt.SumOfShares), state))
		k.key, k.byLot = kt.Code, false
		s.changed()
		return nil
	}
	checks := container.NewVBox()
	for _, c := range lotChecks {
		checks.Add(c)
	}
	scroll := container.NewVScroll(checks)
	scroll.SetMinSize(fyne.NewSize(0, 220))
	form := widget.NewForm(widget.NewFormItem("Tantièmes", source), widget.NewFormItem("Valeur", value),
		widget.NewFormItem("Lots", group))
	content := container.NewVBox(form, scroll, clear, declared, preview,
		widgets.Note("Touche Entrée : générer. Touche Échap : annuler. Rien n'est écrit avant « Générer »."))
	update()
	f.show(content, source)
}

// lotGroups are the quick choices of lots: all, by building, by type, those
// already in the key.
func lotGroups(lots []app.LotSummary, key ledger.KeyTotal, inKey map[string]decimal.Decimal) ([]string, map[string]map[string]bool) {
	members := map[string]map[string]bool{}
	var order []string
	add := func(group, lot string) {
		if members[group] == nil {
			members[group] = map[string]bool{}
			order = append(order, group)
		}
		if lot != "" {
			members[group][lot] = true
		}
	}
	add("Tous les lots", "")
	var buildings, types []string
	for _, l := range lots {
		members["Tous les lots"][l.Number] = true
		if l.Building != "" {
			buildings = append(buildings, l.Building)
		}
		if l.Type != "" {
			types = append(types, l.Type)
		}
	}
	for _, b := range uniqueSorted(buildings) {
		for _, l := range lots {
			if l.Building == b {
				add("Bâtiment "+b, l.Number)
			}
		}
	}
	for _, t := range uniqueSorted(types) {
		for _, l := range lots {
			if l.Type == t {
				add("Type : "+t, l.Number)
			}
		}
	}
	in := fmt.Sprintf("Les lots déjà dans la clé %s", key.Code)
	add(in, "")
	for lot, v := range inKey {
		if !v.IsZero() {
			members[in][lot] = true
		}
	}
	add("Aucun lot", "")
	return order, members
}

func uniqueSorted(list []string) []string {
	sort.Strings(list)
	var out []string
	for i, v := range list {
		if i == 0 || v != list[i-1] {
			out = append(out, v)
		}
	}
	return out
}

// fillLotForm gives the lot shown its shares in several keys at once:
// copied from one of its keys, or the same value in each.
func (k *keysScreen) fillLotForm() {
	s := k.s
	i := k.lotIndex(k.lot)
	if i < 0 || s.readOnly() {
		return
	}
	lot := k.lots[i]
	shares, err := s.allShares()
	if err != nil {
		s.showError(err)
		return
	}
	var sources []string
	sourceKey := map[string]string{}
	for _, key := range k.keys {
		if v := shares[key.Code][lot.Number]; !v.IsZero() {
			c := fmt.Sprintf("Recopier ses tantièmes de la clé %s %s (%s)", key.Code, key.Label, fr.Shares(v))
			sources = append(sources, c)
			sourceKey[c] = key.Code
		}
	}
	sameValue := "Donner la même valeur dans chaque clé cochée"
	sources = append(sources, sameValue)
	value := widgets.NewField("", "par exemple 75")
	var keyChecks []*widgets.CheckField
	for _, key := range k.keys {
		text := fmt.Sprintf("%s %s", key.Code, key.Label)
		if v := shares[key.Code][lot.Number]; !v.IsZero() {
			text += " (actuellement " + fr.Shares(v) + ")"
		}
		keyChecks = append(keyChecks, widgets.NewCheckField(text, false))
	}
	preview := widgets.Note("")
	preview.TextStyle.Bold = true
	var source *choiceField
	values := func() (map[string]decimal.Decimal, error) {
		from := sourceKey[source.Selected]
		v := shares[from][lot.Number]
		if from == "" {
			var err error
			if v, err = app.ParseShares(value.Text); err != nil {
				return nil, err
			}
		}
		out := map[string]decimal.Decimal{}
		for j, c := range keyChecks {
			if c.Checked && k.keys[j].Code != from {
				out[k.keys[j].Code] = v
			}
		}
		return out, nil
	}
	update := func() {
		from := sourceKey[source.Selected]
		if from == "" {
			value.Enable()
		} else {
			value.Disable()
		}
		for j, c := range keyChecks {
			if k.keys[j].Code == from {
				c.SetChecked(false)
				c.Disable()
			} else {
				c.Enable()
			}
		}
		m, err := values()
		switch {
		case err != nil:
			preview.SetText(ledger.Message(err))
			preview.Importance = widget.DangerImportance
		case len(m) == 0:
			preview.SetText("Cochez les clés où le lot doit recevoir ces tantièmes.")
			preview.Importance = widget.MediumImportance
		default:
			var codes []string
			var v decimal.Decimal
			for c, x := range m {
				codes, v = append(codes, c), x
			}
			sort.Strings(codes)
			preview.SetText(fmt.Sprintf("Le lot %s recevra %s tantièmes dans %s %s. Vérifiez ensuite les totaux des clés.", lot.Number,
				fr.Shares(v), map[bool]string{true: "les clés", false: "la clé"}[len(codes) > 1], strings.Join(codes, ", ")))
			preview.Importance = widget.MediumImportance
		}
		preview.Refresh()
	}
	source = newChoiceField(sources, sources[0], func(string) { update() })
	fields := []widgets.FormField{source, value}
	for _, c := range keyChecks {
		fields = append(fields, c)
	}
	f := s.newForm("Générer les tantièmes du "+strings.ToLower(lotName(lot.Lot)[:1])+lotName(lot.Lot)[1:], "Générer", fields...)
	f.width = 720
	chainChanged(value, func(string) { update() })
	for _, c := range keyChecks {
		c.OnChanged = func(bool) { f.clearError(); update() }
	}
	f.submit = func() error {
		m, err := values()
		if err != nil {
			s.win.Canvas().Focus(value)
			return err
		}
		if len(m) == 0 {
			return ledger.Errorf(ledger.Invalid, "Cochez au moins une clé où le lot doit recevoir des tantièmes")
		}
		if err := s.res.SetLotShares(lot.Number, m); err != nil {
			return err
		}
		var codes []string
		for c := range m {
			codes = append(codes, c)
		}
		sort.Strings(codes)
		s.say(fmt.Sprintf("Lot %s : tantièmes générés dans %s %s", lot.Number, map[bool]string{true: "les clés", false: "la clé"}[len(codes) > 1],
			strings.Join(codes, ", ")))
		k.lot, k.byLot = lot.Number, true
		s.changed()
		return nil
	}
	checks := container.NewVBox()
	for _, c := range keyChecks {
		checks.Add(c)
	}
	form := widget.NewForm(widget.NewFormItem("Tantièmes", source), widget.NewFormItem("Valeur", value), widget.NewFormItem("Clés", checks))
	update()
	f.show(container.NewVBox(form, preview, widgets.Note("Touche Entrée : générer. Touche Échap : annuler. Rien n'est écrit avant « Générer ».")), source)
}
