package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme/app"
	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// settings is the Paramètres screen: the residence and its syndic, its bank
// accounts, its exercises, and how the program looks.
type settings struct {
	s    *Shell
	tabs *container.AppTabs

	// Résidence et syndic: a form in the page, kept as typed until saved
	// or cancelled, even when the user goes to another screen and back.
	saved                    ledger.Residence // as in the books, and in the fields until typed over
	name, address, zip, city *widgets.Field
	syndic, syndicAddress    *widgets.Field
	syndicPhone, syndicMail  *widgets.Field
	siren                    *widgets.Field
	save, cancel             *widget.Button
	dirtyNote                *widget.Label
	errText                  *widget.Label
	errLine                  fyne.CanvasObject

	banks    *widgets.Table[ledger.BankAccount]
	addBank  *widget.Button
	exs      *widgets.Table[ledger.Exercise]
	addEx    *widget.Button
	exNote   *widget.Label
	dark     *widget.RadioGroup
	textSize *widget.RadioGroup
	green    *widget.Check
	showLeft *widget.Check

	// Sauvegardes: the residence's backup choices.
	keep, remind   *widgets.Field
	savedBackup    app.BackupSettings
	backupLoaded   bool // savedBackup was read and shown
	saveBackup     *widget.Button
	backupErr      *widget.Label
	backupErrLine  fyne.CanvasObject
	backupReadOnly *widget.Label
	root           fyne.CanvasObject

	// The notice period of direct debits (settings_debits.go).
	noticeDays *widgets.Field
	saveNotice *widget.Button

	// The register's binders (settings_binders.go).
	binderGrid *binderGrid

	// General key, loans, journals (settings_books.go).
	books *booksTab

	// The fiche synthétique's and the register's profile (settings_registry.go).
	registry *registryTab
}

const (
	lightChoice = "Clair (recommandé)"
	darkChoice  = "Sombre"
)

func newSettings(s *Shell) screen {
	p := &settings{s: s}
	p.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("Résidence et syndic", theme.HomeIcon(), p.residenceTab()),
		container.NewTabItemWithIcon("Comptes bancaires", theme.StorageIcon(), p.banksTab()),
		container.NewTabItemWithIcon("Exercices", theme.CalendarIcon(), p.exercisesTab()),
		container.NewTabItemWithIcon("Sauvegardes", theme.DocumentSaveIcon(), p.backupTab()),
		container.NewTabItemWithIcon("Classeurs", theme.FolderIcon(), p.bindersTab()),
		container.NewTabItemWithIcon("Comptabilité", theme.ListIcon(), p.booksTab()),
		container.NewTabItemWithIcon("Immatriculation", theme.DocumentIcon(), p.registryTab()),
		container.NewTabItemWithIcon("Affichage", theme.VisibilityIcon(), p.displayTab()),
	)
	p.root = container.NewBorder(widgets.Heading("Paramètres"), nil, nil, nil, p.tabs)
	return p
}

func (p *settings) view() fyne.CanvasObject { return p.root }

func (p *settings) reload() {
	s := p.s
	res, err := s.res.Info()
	if err != nil {
		s.showError(err)
		return
	}
	banks, err := s.res.BankAccounts()
	if err != nil {
		s.showError(err)
		return
	}
	if !p.dirty() { // what was typed and not saved stays
		p.saved = res
		p.fill(res)
	}
	p.banks.SetRows(banks)
	p.exs.SetRows(s.exercises)
	last := s.exercises[len(s.exercises)-1]
	next := last.End.AddDate(0, 0, 1)
	p.exNote.SetText(fmt.Sprintf("L'exercice suivant irait du %s au %s. Tantième en prépare toujours deux d'avance pour les budgets.",
		ledger.FrenchDate(next), ledger.FrenchDate(next.AddDate(1, 0, -1))))
	ro := s.readOnly()
	for _, f := range p.residenceFields() {
		widgets.SetEnabled(f, !ro)
	}
	widgets.SetEnabled(p.addBank, !ro)
	widgets.SetEnabled(p.addEx, !ro)
	p.showDirty()
	p.reloadBackup()
	p.reloadNoticeDays()
	p.reloadBinders()
	p.reloadBooks()
	p.reloadRegistry()
}

// ---- Résidence et syndic

func (p *settings) residenceFields() []*widgets.Field {
	return []*widgets.Field{p.name, p.address, p.zip, p.city, p.siren, p.syndic, p.syndicAddress, p.syndicPhone, p.syndicMail}
}

func (p *settings) residenceTab() fyne.CanvasObject {
	p.name = widgets.NewField("", "Nom du syndicat des copropriétaires")
	p.address, p.zip, p.city = widgets.NewField("", ""), widgets.NewField("", ""), widgets.NewField("", "")
	p.syndic, p.syndicAddress = widgets.NewField("", "Votre prénom et votre nom"), widgets.NewField("", "")
	p.syndicPhone, p.syndicMail = widgets.NewField("", ""), widgets.NewField("", "")
	p.siren = widgets.NewField("", "9 chiffres, si le syndicat en a un")
	keys := &widgets.FormKeys{Enter: p.saveResidence, Escape: p.cancelResidence}
	for _, f := range p.residenceFields() {
		f.SetKeys(keys)
		f.OnChanged = func(string) {
			p.errLine.Hide()
			p.showDirty()
		}
	}
	p.save = widget.NewButtonWithIcon("Enregistrer", theme.DocumentSaveIcon(), p.saveResidence)
	p.save.Importance = widget.HighImportance
	p.cancel = widget.NewButtonWithIcon("Annuler les modifications", theme.CancelIcon(), p.cancelResidence)
	p.dirtyNote = widget.NewLabel("")
	p.dirtyNote.Importance = widget.WarningImportance
	p.errText = widget.NewLabel("")
	p.errText.Importance = widget.DangerImportance
	p.errText.Wrapping = fyne.TextWrapWord
	p.errText.TextStyle.Bold = true
	p.errLine = container.NewBorder(nil, nil, container.NewCenter(widget.NewIcon(theme.ErrorIcon())), nil, p.errText)
	p.errLine.Hide()

	title := func(t string) fyne.CanvasObject {
		return widget.NewLabelWithStyle(t, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	residence := container.NewVBox(title("La résidence"), widget.NewForm(
		widget.NewFormItem("Nom *", p.name), widget.NewFormItem("Adresse", p.address),
		widget.NewFormItem("Code postal", p.zip), widget.NewFormItem("Ville", p.city),
		// The FEC is named after it (art. A47 A-1 LPF); most syndicats have none.
		widget.NewFormItem("SIREN", p.siren)))
	syndic := container.NewVBox(title("Le syndic bénévole"), widget.NewForm(
		widget.NewFormItem("Nom", p.syndic), widget.NewFormItem("Adresse", p.syndicAddress),
		widget.NewFormItem("Téléphone", p.syndicPhone), widget.NewFormItem("Courriel", p.syndicMail)))
	buttons := container.NewHBox(p.dirtyNote, layout.NewSpacer(), p.cancel, p.save)
	return container.NewVScroll(container.NewVBox(
		widgets.Note("Ces coordonnées figurent en tête des appels de fonds, des relances et des documents de l'assemblée générale."),
		container.NewGridWithColumns(2, residence, syndic), p.errLine, buttons,
		widgets.Note("* obligatoire. Touche Entrée : enregistrer. Touche Échap : annuler les modifications.")))
}

func (p *settings) typed() ledger.Residence {
	return ledger.Residence{Name: strings.TrimSpace(p.name.Text), Address: p.address.Text, Zip: strings.TrimSpace(p.zip.Text), City: p.city.Text,
		SyndicName: p.syndic.Text, SyndicAddress: p.syndicAddress.Text, SyndicPhone: p.syndicPhone.Text, SyndicEmail: strings.TrimSpace(p.syndicMail.Text),
		SIREN: strings.TrimSpace(p.siren.Text)}
}

func (p *settings) fill(r ledger.Residence) {
	for f, v := range map[*widgets.Field]string{p.name: r.Name, p.address: r.Address, p.zip: r.Zip, p.city: r.City, p.syndic: r.SyndicName,
		p.syndicAddress: r.SyndicAddress, p.syndicPhone: r.SyndicPhone, p.syndicMail: r.SyndicEmail, p.siren: r.SIREN} {
		f.SetText(v)
	}
}

func (p *settings) dirty() bool {
	return p.name != nil && p.typed() != p.saved
}

func (p *settings) showDirty() {
	d := p.dirty() && !p.s.readOnly()
	if d {
		p.dirtyNote.SetText("Modifications non enregistrées")
	} else {
		p.dirtyNote.SetText("")
	}
	widgets.SetEnabled(p.save, d)
	widgets.SetEnabled(p.cancel, d)
}

func (p *settings) saveResidence() {
	s := p.s
	if s.readOnly() || !p.dirty() {
		return
	}
	r, err := s.res.SaveInfo(p.typed())
	if err != nil {
		p.errText.SetText(s.message(err))
		p.errLine.Show()
		if p.typed().Name == "" {
			s.win.Canvas().Focus(p.name)
		} else if ledger.CheckEmail(p.typed().SyndicEmail, "") != nil {
			s.win.Canvas().Focus(p.syndicMail)
		}
		return
	}
	var did []string
	p.fill(r) // as stored: the SIREN without its spaces
	if r.Name != p.saved.Name || r.Address != p.saved.Address || r.Zip != p.saved.Zip || r.City != p.saved.City || r.SIREN != p.saved.SIREN {
		did = append(did, "de la résidence")
	}
	if r.SyndicName != p.saved.SyndicName || r.SyndicAddress != p.saved.SyndicAddress || r.SyndicPhone != p.saved.SyndicPhone || r.SyndicEmail != p.saved.SyndicEmail {
		did = append(did, "du syndic")
	}
	p.saved = r
	s.say(fmt.Sprintf("Coordonnées %s enregistrées", strings.Join(did, " et ")))
	s.changed() // the window's title shows the residence's name
}

func (p *settings) cancelResidence() {
	if !p.dirty() {
		return
	}
	p.s.confirm("Annuler les modifications ?", "Les coordonnées reviendront à ce qui est enregistré ; ce que vous avez tapé sera perdu.",
		"Annuler les modifications", "Continuer la saisie", func() {
			p.fill(p.saved)
			p.errLine.Hide()
			p.showDirty()
			p.s.say("Modifications des coordonnées annulées")
		})
}

// ---- Comptes bancaires

// noFund is the fund choice of a savings account that holds none.
const noFund = "Aucun"

// fundChoice offers the funds a livret may hold (the works fund 105…, the
// advances 103…: seed 001's « fiche avance »), as « 105000 Fonds de
// travaux ».
func (p *settings) fundChoice(current string) *widget.Select {
	options := []string{noFund}
	selected := noFund
	accounts, err := p.s.res.Accounts()
	if err != nil {
		p.s.showError(err)
	}
	for _, a := range accounts {
		if ledger.CanBeHeldFund(a.Code) {
			options = append(options, a.Code+" "+a.Label)
			if a.Code == current {
				selected = options[len(options)-1]
			}
		}
	}
	sel := widget.NewSelect(options, nil)
	sel.SetSelected(selected)
	return sel
}

// fundCode is the account of a fund choice.
func fundCode(choice string) string {
	if choice == noFund {
		return ""
	}
	code, _, _ := strings.Cut(choice, " ")
	return code
}

func (p *settings) banksTab() fyne.CanvasObject {
	p.banks = &widgets.Table[ledger.BankAccount]{
		Cols: []widgets.Column[ledger.BankAccount]{
			{Title: "Compte", Width: 100, Text: func(b ledger.BankAccount) string { return b.Account },
				Less: func(a, b ledger.BankAccount) bool { return a.Account < b.Account }},
			{Title: "Libellé", Width: 200, Stretch: true, Text: func(b ledger.BankAccount) string { return b.Label },
				Less: func(a, b ledger.BankAccount) bool { return fr.Fold(a.Label) < fr.Fold(b.Label) }},
			{Title: "IBAN", Width: 330, Text: func(b ledger.BankAccount) string { return fr.IBAN(b.IBAN) }},
			{Title: "BIC", Width: 140, Text: func(b ledger.BankAccount) string { return b.BIC }},
			{Title: "Épargne", Width: 90, Text: func(b ledger.BankAccount) string {
				if b.Savings {
					return "oui"
				}
				return ""
			}},
		},
		Empty:  "Aucun compte bancaire — ajoutez celui de la résidence avec « Nouveau compte bancaire… ».",
		OnOpen: func(b ledger.BankAccount) { p.bankForm(&b) },
	}
	view := p.banks.Build()
	p.addBank = widget.NewButtonWithIcon("Nouveau compte bancaire…", theme.ContentAddIcon(), func() { p.bankForm(nil) })
	p.addBank.Importance = widget.HighImportance
	top := container.NewBorder(nil, nil, nil, p.addBank,
		widgets.Note("Les comptes en banque de la résidence (512…, livrets 50…) et leur IBAN, imprimé sur les appels de fonds. Cliquez sur un compte pour le modifier."))
	return container.NewBorder(top, p.debitNoticeLine(), nil, nil, view)
}

// nextBankAccount proposes the first free current account (512…) after
// those in use; nextSavingsAccount the first free livret (502…).
func nextBankAccount(list []ledger.BankAccount) string {
	return ledger.NextBankAccountCode(bankCodes(list), false)
}

func nextSavingsAccount(list []ledger.BankAccount) string {
	return ledger.NextBankAccountCode(bankCodes(list), true)
}

func bankCodes(list []ledger.BankAccount) []string {
	codes := make([]string, len(list))
	for i, b := range list {
		codes[i] = b.Account
	}
	return codes
}

// looksLikeSavings says whether a bank account's label names a savings
// account (livret, compte à terme, épargne, placement).
func looksLikeSavings(label string) bool {
	l := fr.Fold(label)
	for _, w := range []string{"livret", "epargne", "compte a terme", "placement"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

func (p *settings) bankForm(b *ledger.BankAccount) {
	s := p.s
	if s.readOnly() {
		return
	}
	creating := b == nil
	w := ledger.BankAccount{}
	if creating {
		w.Account = nextBankAccount(p.banks.All())
	} else {
		w = *b
	}
	account := widgets.NewField(w.Account, "512001 (compte courant), 502001 (livret)…")
	if !creating {
		account.Disable()
	}
	label := widgets.NewField(w.Label, "par exemple : Compte courant, Livret fonds de travaux")
	iban := widgets.NewField(fr.IBAN(w.IBAN), "FR76 …")
	bic := widgets.NewField(w.BIC, "")
	ics := widgets.NewField(w.ICS, "FR72ZZZ123456 (pour les prélèvements)")
	savings := widgets.NewCheckField("Compte d'épargne (livret, compte 50…) : ligne « 50 Fonds placés » de l'annexe 1", w.Savings)
	fund := p.fundChoice(w.Fund)
	widgets.SetEnabled(fund, w.Savings)
	title := "Nouveau compte bancaire"
	if !creating {
		title = "Compte bancaire " + w.Account
	}
	f := s.newForm(title, "Enregistrer", account, label, iban, bic, ics, savings)
	f.width = 640
	fund.OnChanged = func(string) { f.clearError() }
	savings.OnChange(func() { f.clearError(); widgets.SetEnabled(fund, savings.Checked) })
	if creating {
		// A livret goes to 50x: ticking « Compte d'épargne », or naming
		// the account a livret, replaces the 512 proposal by a 502 one
		// (as long as the user did not type his own number).
		proposed := account.Text
		savings.OnChange(func() {
			f.clearError()
			widgets.SetEnabled(fund, savings.Checked)
			if account.Text != proposed {
				return
			}
			if savings.Checked {
				proposed = nextSavingsAccount(p.banks.All())
			} else {
				proposed = nextBankAccount(p.banks.All())
			}
			account.SetText(proposed)
		})
		label.OnChange(func() {
			f.clearError()
			if !savings.Checked && looksLikeSavings(label.Text) {
				savings.SetChecked(true)
			}
		})
	}
	f.submit = func() error {
		x := ledger.BankAccount{Account: strings.TrimSpace(account.Text), Label: strings.TrimSpace(label.Text), IBAN: iban.Text,
			BIC: strings.ToUpper(strings.TrimSpace(bic.Text)), ICS: ics.Text, Savings: savings.Checked}
		if savings.Checked {
			x.Fund = fundCode(fund.Selected)
		}
		if creating {
			for _, e := range p.banks.All() {
				if e.Account == x.Account {
					s.win.Canvas().Focus(account)
					return ledger.Errorf(ledger.Conflict, "Le compte bancaire %s existe déjà : cliquez sur lui dans la liste pour le modifier", x.Account)
				}
			}
		}
		if err := s.res.SaveBankAccount(x); err != nil {
			switch msg := ledger.Message(err); {
			case strings.Contains(msg, "IBAN"):
				s.win.Canvas().Focus(iban)
			case strings.Contains(msg, "BIC"):
				s.win.Canvas().Focus(bic)
			case strings.Contains(msg, "ICS"):
				s.win.Canvas().Focus(ics)
			case creating:
				s.win.Canvas().Focus(account)
			}
			return err
		}
		verb := "ajouté"
		if !creating {
			verb = "modifié"
		}
		s.say(fmt.Sprintf("Compte bancaire %s « %s » %s", x.Account, x.Label, verb))
		s.changed()
		return nil
	}
	form := widget.NewForm(widget.NewFormItem("Compte *", account), widget.NewFormItem("Libellé", label),
		widget.NewFormItem("IBAN", iban), widget.NewFormItem("BIC", bic), widget.NewFormItem("ICS", ics), widget.NewFormItem("", savings),
		widget.NewFormItem("Fonds placé sur ce compte", fund))
	help := "Le fonds placé sur un livret (le fonds de travaux, ou une avance) est ce que Banque › Virements de fonds propose d'y virer. " +
		"L'IBAN, le BIC et l'identifiant créancier SEPA (ICS) sont vérifiés à l'enregistrement. Touche Entrée : enregistrer. Touche Échap : annuler."
	if !creating {
		help = "Le numéro de compte ne change pas. " + help
	}
	first := fyne.Focusable(account)
	if !creating {
		first = label
	}
	f.show(container.NewVBox(form, widgets.Note(help)), first)
}

// ---- Exercices

func exerciseState(s *Shell, ex ledger.Exercise) string {
	switch {
	case ex.Closed:
		return "Clos"
	case ex.ID == s.working.ID:
		return "Ouvert — en cours"
	}
	return "Ouvert"
}

func (p *settings) exercisesTab() fyne.CanvasObject {
	s := p.s
	p.exs = &widgets.Table[ledger.Exercise]{
		Cols: []widgets.Column[ledger.Exercise]{
			{Title: "Exercice", Width: 250, Stretch: true, Text: func(e ledger.Exercise) string { return e.Name() }},
			{Title: "Début", Width: 130, Text: func(e ledger.Exercise) string { return ledger.FrenchDate(e.Start) }},
			{Title: "Fin", Width: 130, Text: func(e ledger.Exercise) string { return ledger.FrenchDate(e.End) }},
			{Title: "Durée", Width: 110, Align: fyne.TextAlignTrailing, Text: func(e ledger.Exercise) string {
				m := (e.End.Year()-e.Start.Year())*12 + int(e.End.Month()-e.Start.Month()) + 1
				return fmt.Sprintf("%d mois", m)
			}},
			{Title: "État", Width: 200, Text: func(e ledger.Exercise) string { return exerciseState(s, e) },
				Ink: func(e ledger.Exercise) widget.Importance {
					if e.Closed {
						return widget.LowImportance
					}
					return widget.MediumImportance
				}},
		},
		Empty:  "Aucun exercice.",
		OnOpen: func(e ledger.Exercise) { s.setExercise(e) },
	}
	view := p.exs.Build()
	p.addEx = widget.NewButtonWithIcon("Ajouter l'exercice suivant…", theme.ContentAddIcon(), p.addExercise)
	p.addEx.Importance = widget.HighImportance
	p.exNote = widgets.Note("")
	top := container.NewBorder(nil, nil, nil, p.addEx,
		widgets.Note("Un exercice clos ne peut plus être modifié. Cliquez sur un exercice pour l'afficher dans toute la fenêtre."))
	return container.NewBorder(top, p.exNote, nil, nil, view)
}

func (p *settings) addExercise() {
	s := p.s
	if s.readOnly() {
		return
	}
	last := s.exercises[len(s.exercises)-1]
	start := last.End.AddDate(0, 0, 1)
	next := ledger.Exercise{Start: start, End: start.AddDate(1, 0, -1)}
	f := s.newForm("Ajouter un exercice", "Ajouter")
	f.width = 520
	f.submit = func() error {
		ex, err := s.res.AddNextExercise()
		if err != nil {
			return err
		}
		s.say(fmt.Sprintf("Exercice %s ajouté (du %s au %s)", ex.Name(), ledger.FrenchDate(ex.Start), ledger.FrenchDate(ex.End)))
		s.changed()
		return nil
	}
	f.show(container.NewBorder(nil, nil, container.NewCenter(widget.NewIcon(theme.QuestionIcon())), nil,
		widgets.Note(fmt.Sprintf("Ajouter l'exercice %s, du %s au %s ? Il suit l'exercice %s.", next.Name(), ledger.FrenchDate(next.Start),
			ledger.FrenchDate(next.End), last.Name()))), nil)
}

// ---- Affichage

func (p *settings) displayTab() fyne.CanvasObject {
	s := p.s
	prefs := s.app.Preferences()
	dark, scale := appearance(prefs)
	p.dark = widget.NewRadioGroup([]string{lightChoice, darkChoice}, nil)
	p.dark.Required = true
	p.dark.Selected = map[bool]string{true: darkChoice, false: lightChoice}[dark]
	p.dark.OnChanged = func(v string) {
		prefs.SetBool(prefDarkTheme, v == darkChoice)
		s.applyAppearance()
		s.say(fmt.Sprintf("Affichage : thème %s enregistré", strings.ToLower(strings.TrimSuffix(v, " (recommandé)"))))
	}
	var sizes []string
	for _, t := range textScales {
		sizes = append(sizes, t.label)
	}
	p.textSize = widget.NewRadioGroup(sizes, nil)
	p.textSize.Required = true
	p.textSize.Selected = textScales[0].label
	for _, t := range textScales {
		if t.scale == scale {
			p.textSize.Selected = t.label
		}
	}
	p.textSize.OnChanged = func(v string) {
		for _, t := range textScales {
			if t.label == v {
				prefs.SetFloat(prefTextScale, t.scale)
			}
		}
		s.applyAppearance()
		s.say(fmt.Sprintf("Affichage : texte %s enregistré", strings.ToLower(v)))
	}
	p.green = widget.NewCheck("Comptes à jour en vert dans la liste des copropriétaires (les débiteurs sont toujours en rouge)", func(on bool) {
		p.ownersOption(prefGreenSettled, on, func(o *owners) *widget.Check { return o.green })
		s.say(fmt.Sprintf("Affichage : comptes à jour %s", map[bool]string{true: "en vert", false: "sans couleur"}[on]))
	})
	p.green.Checked = prefs.Bool(prefGreenSettled)
	p.showLeft = widget.NewCheck("Montrer les copropriétaires sortis dans la liste des copropriétaires", func(on bool) {
		p.ownersOption(prefShowLeft, on, func(o *owners) *widget.Check { return o.showLeft })
		s.say(fmt.Sprintf("Affichage : copropriétaires sortis %s", map[bool]string{true: "montrés", false: "cachés"}[on]))
	})
	p.showLeft.Checked = prefs.Bool(prefShowLeft)
	title := func(t string) fyne.CanvasObject {
		return widget.NewLabelWithStyle(t, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	return container.NewVScroll(container.NewVBox(
		widgets.Note("Ces réglages concernent cet ordinateur, pas la résidence ; ils s'appliquent tout de suite et sont gardés pour la prochaine fois."),
		title("Thème"), p.dark,
		title("Taille du texte"), p.textSize,
		title("Couleurs des listes"), p.green, p.showLeft))
}

// ownersOption stores an option of the Copropriétaires list, and ticks it
// there too when that screen is already made (it reads the option once).
func (p *settings) ownersOption(pref string, on bool, check func(*owners) *widget.Check) {
	p.s.app.Preferences().SetBool(pref, on)
	for _, sc := range p.s.built {
		if o, ok := sc.(*owners); ok && check(o).Checked != on {
			check(o).SetChecked(on)
		}
	}
}

// ---- Sauvegardes

func (p *settings) backupTab() fyne.CanvasObject {
	p.keep = widgets.NewField("", "10")
	p.remind = widgets.NewField("", "7")
	keys := &widgets.FormKeys{Enter: p.saveBackupSettings}
	for _, f := range []*widgets.Field{p.keep, p.remind} {
		f.SetKeys(keys)
		f.OnChanged = func(string) {
			p.backupErrLine.Hide()
			p.showBackupDirty()
		}
	}
	p.saveBackup = widget.NewButtonWithIcon("Enregistrer", theme.DocumentSaveIcon(), p.saveBackupSettings)
	p.saveBackup.Importance = widget.HighImportance
	p.backupErr = widget.NewLabel("")
	p.backupErr.Importance = widget.DangerImportance
	p.backupErr.Wrapping = fyne.TextWrapWord
	p.backupErr.TextStyle.Bold = true
	p.backupErrLine = container.NewBorder(nil, nil, container.NewCenter(widget.NewIcon(theme.ErrorIcon())), nil, p.backupErr)
	p.backupErrLine.Hide()
	p.backupReadOnly = widgets.Note("")
	p.backupReadOnly.Importance = widget.WarningImportance
	backup := widget.NewButtonWithIcon("Sauvegarder maintenant…", theme.DocumentSaveIcon(), p.s.backupForm)
	restore := widget.NewButtonWithIcon("Restaurer une sauvegarde…", theme.HistoryIcon(), p.s.restoreBackup)
	return container.NewVScroll(container.NewVBox(
		widgets.Note("Ces choix sont gardés dans la résidence. Une sauvegarde (Fichier › Sauvegarder…) est un fichier .copro.zip vérifié, "+
			"à écrire de préférence sur une clé USB."),
		widget.NewForm(
			widget.NewFormItem("Nombre de sauvegardes gardées dans le dossier", p.keep),
			widget.NewFormItem("Rappel si aucune sauvegarde depuis (jours)", p.remind)),
		widgets.Note("0 sauvegarde gardée : toutes sont gardées. Rappel à 0 jour : le tableau de bord ne rappelle jamais de sauvegarder."),
		p.backupErrLine, p.backupReadOnly,
		container.NewHBox(layout.NewSpacer(), p.saveBackup),
		container.NewHBox(backup, restore)))
}

func (p *settings) reloadBackup() {
	s := p.s
	set, err := s.res.BackupSettings()
	if err != nil {
		s.showError(err)
		return
	}
	if !p.backupDirty() {
		p.savedBackup, p.backupLoaded = set, true
		p.keep.SetText(strconv.Itoa(set.Keep))
		p.remind.SetText(strconv.Itoa(set.RemindDays))
	}
	ro := s.res.ReadOnly()
	widgets.SetEnabled(p.keep, !ro)
	widgets.SetEnabled(p.remind, !ro)
	if ro {
		p.backupReadOnly.SetText("Résidence ouverte en lecture seule : ces choix ne peuvent pas être modifiés ici.")
		p.backupReadOnly.Show()
	} else {
		p.backupReadOnly.Hide()
	}
	p.showBackupDirty()
}

// typedBackup reads the two fields; an error names the field to correct.
func (p *settings) typedBackup() (app.BackupSettings, *widgets.Field, error) {
	keep, err := strconv.Atoi(strings.TrimSpace(p.keep.Text))
	if err != nil {
		return app.BackupSettings{}, p.keep, ledger.Errorf(ledger.Invalid, "Le nombre de sauvegardes gardées doit être un nombre entier (0 pour toutes les garder)")
	}
	remind, err := strconv.Atoi(strings.TrimSpace(p.remind.Text))
	if err != nil {
		return app.BackupSettings{}, p.remind, ledger.Errorf(ledger.Invalid, "Le rappel de sauvegarde doit être un nombre entier de jours (0 pour ne jamais le rappeler)")
	}
	return app.BackupSettings{Keep: keep, RemindDays: remind}, nil, nil
}

func (p *settings) backupDirty() bool {
	if p.keep == nil || !p.backupLoaded {
		return false
	}
	return strings.TrimSpace(p.keep.Text) != strconv.Itoa(p.savedBackup.Keep) ||
		strings.TrimSpace(p.remind.Text) != strconv.Itoa(p.savedBackup.RemindDays)
}

func (p *settings) showBackupDirty() {
	widgets.SetEnabled(p.saveBackup, p.backupDirty() && !p.s.res.ReadOnly())
}

func (p *settings) saveBackupSettings() {
	s := p.s
	if s.res == nil || s.res.ReadOnly() || !p.backupDirty() {
		return
	}
	set, bad, err := p.typedBackup()
	if err == nil {
		err = s.res.SetBackupSettings(set)
		if err != nil && strings.Contains(ledger.Message(err), "rappel") {
			bad = p.remind
		} else if err != nil {
			bad = p.keep
		}
	}
	if err != nil {
		p.backupErr.SetText(s.message(err))
		p.backupErrLine.Show()
		s.win.Canvas().Focus(bad)
		return
	}
	p.savedBackup = set
	p.showBackupDirty()
	keep := fmt.Sprintf("%d sauvegardes gardées", set.Keep)
	if set.Keep == 0 {
		keep = "toutes les sauvegardes gardées"
	}
	remind := fmt.Sprintf("rappel après %d jour%s", set.RemindDays, fr.S(set.RemindDays))
	if set.RemindDays == 0 {
		remind = "jamais de rappel"
	}
	s.say(fmt.Sprintf("Sauvegardes : %s, %s", keep, remind))
	s.changed()
}
