package ui

import (
	"fmt"
	"image/color"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme/app"
	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

const prefShowHidden = "accounts.showHidden"

// accountClasses are the classes of the copropriétés' chart, as offered
// above the list.
var accountClasses = []struct {
	class int
	label string
}{
	{0, "Toutes les classes"}, {1, "1 Provisions, avances"}, {4, "4 Tiers"}, {5, "5 Banques"}, {6, "6 Charges"}, {7, "7 Produits"},
}

// accounts is the Plan comptable screen: the residence's accounts by class,
// their labels and whether pick lists offer them, and new sub-accounts.
// A number never changes.
type accounts struct {
	s          *Shell
	table      *widgets.Table[app.ChartAccount]
	classes    []*widget.Button // one per class: the one shown is highlighted
	classShown int
	search     *widgets.Field
	showHidden *widget.Check
	add        *widget.Button
	summary    *widget.Label
	root       fyne.CanvasObject
}

func accountKindText(a app.ChartAccount) string {
	switch a.Kind {
	case app.AccountOfficial:
		return "Plan officiel"
	case app.AccountOwner:
		return "Copropriétaire"
	case app.AccountSupplier:
		return "Fournisseur"
	case app.AccountBank:
		return "Compte bancaire"
	}
	return "Sous-compte de " + a.Parent.Number
}

func newAccounts(s *Shell) screen {
	a := &accounts{s: s}
	a.table = &widgets.Table[app.ChartAccount]{
		Cols: []widgets.Column[app.ChartAccount]{
			{Title: "Compte", Width: 100, Text: func(r app.ChartAccount) string { return r.Code },
				Less: func(x, y app.ChartAccount) bool { return x.Code < y.Code }},
			{Title: "Libellé", Width: 300, Stretch: true, Text: func(r app.ChartAccount) string { return r.Label },
				Less: func(x, y app.ChartAccount) bool { return fr.Fold(x.Label) < fr.Fold(y.Label) }},
			{Title: "Nature", Width: 190, Text: accountKindText,
				Less: func(x, y app.ChartAccount) bool { return accountKindText(x) < accountKindText(y) }},
			{Title: "Dans les listes", Width: 160, Text: func(r app.ChartAccount) string {
				if r.Hidden {
					return "Masqué"
				}
				return "Proposé"
			}, Ink: func(r app.ChartAccount) widget.Importance {
				if r.Hidden {
					return widget.LowImportance
				}
				return widget.MediumImportance
			}, Less: func(x, y app.ChartAccount) bool { return !x.Hidden && y.Hidden }},
			// Issue 20: what a charge line proposes in its « R » column.
			{Title: "Récupérable", Width: 130, Text: recoverableText,
				Less: func(x, y app.ChartAccount) bool { return x.Recoverable < y.Recoverable }},
		},
		Match: func(r app.ChartAccount, q string) bool {
			return app.AccountMatches(r.Code, r.Label, q)
		},
		Keep: func(r app.ChartAccount) bool {
			return (a.classShown == 0 || r.Class() == a.classShown) && (a.showHidden.Checked || !r.Hidden)
		},
		Tint: func(r app.ChartAccount) color.Color {
			if r.Hidden {
				return headerTint
			}
			return nil
		},
		Totals: func(rows []app.ChartAccount) []string {
			hidden := 0
			for _, r := range rows {
				if r.Hidden {
					hidden++
				}
			}
			recoverable := 0
			for _, r := range rows {
				if r.Recoverable > 0 {
					recoverable++
				}
			}
			return []string{"Total", fmt.Sprintf("%d compte%s", len(rows), fr.S(len(rows))), "", fmt.Sprintf("%d masqué%s", hidden, fr.S(hidden)),
				fmt.Sprintf("%d récupérable%s", recoverable, fr.S(recoverable))}
		},
		Empty:   "Le plan comptable est vide : la résidence n'a pas été créée par Tantième.",
		NoMatch: "Aucun compte ne correspond à « %s » dans cette classe.",
		OnOpen:  func(r app.ChartAccount) { a.edit(r) },
	}
	tableView := a.table.Build()
	classBar := container.NewHBox(widget.NewLabel("Classe :"))
	for _, c := range accountClasses {
		b := widget.NewButton(c.label, func() { a.showClass(c.class) })
		a.classes = append(a.classes, b)
		classBar.Add(b)
	}
	a.search = widgets.SearchBox("Numéro ou mot : 614, ascenseur, assurance…", a.table.Search, func() {
		if len(a.table.Rows()) > 0 {
			a.edit(a.table.Rows()[0])
		}
	})
	prefs := s.app.Preferences()
	a.showHidden = widget.NewCheck("Afficher les comptes masqués", func(on bool) {
		prefs.SetBool(prefShowHidden, on)
		a.table.Apply()
	})
	a.showHidden.Checked = prefs.BoolWithFallback(prefShowHidden, true)
	a.add = widget.NewButtonWithIcon("Nouveau sous-compte…", theme.ContentAddIcon(), a.create)
	a.add.Importance = widget.HighImportance
	a.summary = widget.NewLabel("")
	top := container.NewVBox(
		container.NewBorder(nil, nil, nil, a.summary, widgets.Heading("Plan comptable")),
		classBar,
		widgets.ListTools(a.search, a.add, a.showHidden))
	help := widgets.Note("Cliquez sur un compte pour modifier son libellé, le masquer dans les listes de choix, fixer la part récupérable d'une charge sur les locataires ou supprimer un sous-compte jamais utilisé. Un compte masqué reste valable ; son numéro ne change jamais.")
	help.Importance = widget.LowImportance
	tools := s.newTableTools("comptes", "Plan comptable", a.table, nil)
	a.root = container.NewBorder(top, container.NewVBox(help, tools.buttons()), nil, nil, tableView)
	a.showClass(0)
	return a
}

// showClass lists the accounts of one class (0: all).
func (a *accounts) showClass(class int) {
	a.classShown = class
	for i, c := range accountClasses {
		a.classes[i].Importance = widget.MediumImportance
		if c.class == class {
			a.classes[i].Importance = widget.HighImportance
		}
		a.classes[i].Refresh()
	}
	a.table.Apply()
}

func (a *accounts) view() fyne.CanvasObject { return a.root }

func (a *accounts) reload() {
	s := a.s
	list, err := s.res.Chart()
	if err != nil {
		s.showError(err)
		return
	}
	a.table.SetRows(list)
	subs := 0
	for _, r := range list {
		if r.Kind == app.AccountSub {
			subs++
		}
	}
	a.summary.SetText(fmt.Sprintf("%d comptes, dont %d sous-compte%s créé%s par vous", len(list), subs, fr.S(subs), fr.S(subs)))
	widgets.SetEnabled(a.add, !s.readOnly())
}

func (a *accounts) focusSearch() { a.s.win.Canvas().Focus(a.search) }

// reveal shows an account in the list: its class, no search hiding it.
func (a *accounts) reveal(code string) {
	a.search.SetText("")
	if !a.showHidden.Checked {
		a.showHidden.SetChecked(true)
	}
	a.showClass(0)
	for i, r := range a.table.Rows() {
		if r.Code == code {
			a.table.Widget().ScrollTo(widget.TableCellID{Row: i, Col: 0})
		}
	}
}

// create opens the form for a sub-account (Ctrl+N).
func (a *accounts) create() {
	s := a.s
	if s.readOnly() {
		return
	}
	code := widgets.NewField("", "6 caractères : 614100, 6141AS…")
	label := widgets.NewField("", "par exemple : Contrat d'entretien de l'ascenseur")
	hidden := widgets.NewCheckField("Masquer dans les listes de choix", false)
	parent := widgets.Note("Commencez par le numéro du compte officiel à subdiviser (614 Contrats de maintenance → 614100, 614200…).")
	f := s.newForm("Nouveau sous-compte", "Créer le compte", code, label, hidden)
	f.width = 700
	chainChanged(code, func(t string) {
		c := subAccountCode(t)
		switch p, ok := app.OfficialParent(c); {
		case strings.TrimSpace(t) == "":
			parent.SetText("Commencez par le numéro du compte officiel à subdiviser (614 Contrats de maintenance → 614100, 614200…).")
			parent.Importance = widget.MediumImportance
		case ok:
			text := fmt.Sprintf("Sous-compte de %s %s.", p.Number, p.Label)
			if c != strings.TrimSpace(t) {
				text += " Il sera enregistré sous le numéro " + c + "."
			}
			parent.SetText(text)
			parent.Importance = widget.SuccessImportance
		default:
			parent.SetText("Ce numéro ne commence par aucun compte du plan comptable des copropriétés.")
			parent.Importance = widget.DangerImportance
		}
		parent.Refresh()
	})
	f.submit = func() error {
		c := subAccountCode(code.Text)
		if err := checkSubAccount(c); err != nil {
			s.win.Canvas().Focus(code)
			return err
		}
		acc := ledger.Account{Code: c, Label: label.Text, Hidden: hidden.Checked}
		if err := s.res.AddAccount(acc); err != nil {
			if strings.TrimSpace(label.Text) != "" {
				s.win.Canvas().Focus(code)
			} else {
				s.win.Canvas().Focus(label)
			}
			return err
		}
		p, _ := app.OfficialParent(c)
		s.say(fmt.Sprintf("Compte %s « %s » créé, sous-compte de %s %s", c, strings.TrimSpace(label.Text), p.Number, p.Label))
		s.changed()
		a.reveal(c)
		return nil
	}
	form := widget.NewForm(widget.NewFormItem("Numéro *", code), widget.NewFormItem("", parent),
		widget.NewFormItem("Libellé *", label), widget.NewFormItem("", hidden))
	f.show(container.NewVBox(form, widgets.Note("Le numéro d'un compte ne pourra plus être changé. * obligatoire. Touche Entrée : créer. Touche Échap : annuler.")), code)
}

// subAccountCode is the code stored for what was typed: capitals, and
// zeros after a number shorter than six characters (6141 → 614100), as the
// official accounts are stored.
func subAccountCode(typed string) string {
	c := strings.ToUpper(strings.ReplaceAll(strings.TrimSpace(typed), " ", ""))
	if c != "" && len(c) < 6 && strings.Trim(c, "0123456789") == "" {
		c = ledger.PadAccount(c)
	}
	return c
}

// checkSubAccount refuses, with the books' own message, a code outside the
// chart, and sends owners', suppliers' and banks' accounts to the screens
// that create them with their details.
func checkSubAccount(code string) error {
	if err := ledger.CheckAccountCode(code); err != nil {
		return err
	}
	switch {
	case ledger.InOwnersRange(code):
		return ledger.Errorf(ledger.Invalid, "Le compte %s est un compte de copropriétaire : créez le copropriétaire dans « Copropriétaires », son compte suivra", code)
	case ledger.IsSupplierAccount(code):
		return ledger.Errorf(ledger.Invalid, "Le compte %s est un compte de fournisseur : créez le fournisseur dans « Fournisseurs », son compte suivra", code)
	case ledger.IsCurrentBankAccount(code):
		return ledger.Errorf(ledger.Invalid, "Le compte %s est un compte bancaire : ajoutez-le dans « Paramètres », onglet « Comptes bancaires »", code)
	}
	return nil
}

// edit opens an account: its label and whether pick lists offer it. The
// label of an owner's, a supplier's or a bank's account follows his card.
func (a *accounts) edit(r app.ChartAccount) {
	s := a.s
	label := widgets.NewField(r.Label, "")
	hidden := widgets.NewCheckField("Masquer dans les listes de choix (le compte reste valable)", r.Hidden)
	number := widget.NewLabelWithStyle(r.Code, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	parent := widget.NewLabel(accountKindText(r))
	if r.Kind != app.AccountOfficial {
		parent.SetText(accountKindText(r) + " — " + r.Parent.Number + " " + r.Parent.Label)
	}
	parent.Wrapping = fyne.TextWrapWord
	where := ""
	switch r.Kind {
	case app.AccountOwner:
		where = "Le libellé d'un compte de copropriétaire est son nom : modifiez-le sur sa fiche, dans « Copropriétaires »."
	case app.AccountSupplier:
		where = "Le libellé d'un compte de fournisseur est son nom : modifiez-le sur sa fiche, dans « Fournisseurs »."
	}
	if where != "" {
		label.Disable()
	}
	// A charge's share recoverable from tenants (décret n° 87-713), what
	// its new lines propose in their « R » column.
	share := widgets.NewField("", "0 à 100 ; vide : non récupérable")
	if r.Recoverable > 0 {
		share.SetText(fmt.Sprint(r.Recoverable))
	}
	fields := []widgets.FormField{label, hidden}
	if r.Class() == 6 {
		fields = append(fields, share)
	}
	f := s.newForm("Compte "+r.Code, "Enregistrer", fields...)
	f.width = 680
	if r.Kind == app.AccountSub && !s.readOnly() { // the official chart stays whole; a card's account goes with the card
		f.extra = append(f.extra, widget.NewButtonWithIcon("Supprimer le compte…", theme.DeleteIcon(), func() {
			f.close()
			a.delete(r)
		}))
	}
	if s.readOnly() {
		label.Disable()
		hidden.Disable()
		share.Disable()
		f.ok.Disable()
	}
	f.submit = func() error {
		acc := r.Account
		acc.Label, acc.Hidden = strings.TrimSpace(label.Text), hidden.Checked
		if r.Class() == 6 {
			p, err := parseShare(share.Text)
			if err != nil {
				s.win.Canvas().Focus(share)
				return err
			}
			acc.Recoverable = p
		}
		if err := s.res.UpdateAccount(acc); err != nil {
			return err
		}
		var did []string
		if acc.Label != r.Label {
			did = append(did, "libellé « "+acc.Label+" »")
		}
		if acc.Hidden != r.Hidden {
			did = append(did, map[bool]string{true: "masqué dans les listes", false: "de nouveau proposé dans les listes"}[acc.Hidden])
		}
		if acc.Recoverable != r.Recoverable {
			did = append(did, "récupérable : "+recoverableText(app.ChartAccount{Account: acc}))
		}
		if len(did) == 0 {
			did = append(did, "rien n'a changé")
		}
		s.say(fmt.Sprintf("Compte %s : %s", acc.Code, strings.Join(did, ", ")))
		s.changed()
		return nil
	}
	items := []*widget.FormItem{widget.NewFormItem("Numéro", number), widget.NewFormItem("Nature", parent),
		widget.NewFormItem("Libellé *", label), widget.NewFormItem("", hidden)}
	if r.Class() == 6 {
		items = append(items, widget.NewFormItem("Récupérable (%)", share))
	}
	content := container.NewVBox(widget.NewForm(items...))
	if where != "" {
		content.Add(widgets.Note(where))
	}
	content.Add(widgets.Note("Le numéro d'un compte ne change jamais. Touche Entrée : enregistrer. Touche Échap : annuler."))
	var first fyne.Focusable = label
	if label.Disabled() {
		first = hidden
	}
	f.show(content, first)
}

// recoverableText is a charge account's recoverable share as the chart
// shows it: « 100 % », « 75 % », « non »; nothing on other accounts.
func recoverableText(r app.ChartAccount) string {
	switch {
	case r.Class() != 6:
		return ""
	case r.Recoverable == 0:
		return "non"
	}
	return fmt.Sprintf("%d %%", r.Recoverable)
}

// parseShare reads a recoverable share typed in percent: empty is none.
func parseShare(text string) (int, error) {
	t := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(text), "%"))
	if t == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(t)
	if err != nil || n < 0 || n > 100 {
		return 0, ledger.Errorf(ledger.Invalid, "Part récupérable « %s » : tapez un nombre de 0 à 100 (pour cent)", strings.TrimSpace(text))
	}
	return n, nil
}

// delete asks before removing an account from the chart; the books refuse
// one that anything names (entries, budget, calls, invoices, a bank, a
// card) and say which, in the same dialog: masking it is then the way.
func (a *accounts) delete(r app.ChartAccount) {
	s := a.s
	s.confirmAction("Supprimer un compte", fmt.Sprintf("Supprimer le compte %s « %s » du plan comptable ? Seul un compte jamais utilisé peut l'être.", r.Code, r.Label),
		"Supprimer", func() error {
			if err := s.res.DeleteAccount(r.Code); err != nil {
				return err
			}
			s.say(fmt.Sprintf("Compte %s « %s » supprimé du plan comptable", r.Code, r.Label))
			s.changed()
			return nil
		})
}
