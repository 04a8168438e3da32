package ui

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme/app"
	"tantieme/app/closing"
	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// The closing assistant (menu Exercice › Clôturer l'exercice…): three steps
// in one dialog. 1 — the checks, blocking problems in red, warnings in
// orange; 2 — the preview of the distribution, per key and per owner,
// nothing written; 3 — the confirmation naming the exercise, then the
// posting in one transaction behind a progress bar. Afterwards the annexes
// and the décomptes are one button away.

// closingAssistant is the dialog's state.
type closingAssistant struct {
	s    *Shell
	ex   ledger.Exercise
	plan *closing.Plan
	step int // 1, 2 or 3

	f        *form
	body     *fyne.Container
	prev     *widgets.Button
	ownersAt *widgets.Field
}

// closeExercise opens the closing assistant for the exercise shown.
func (s *Shell) closeExercise() {
	if s.res == nil {
		return
	}
	if s.res.ReadOnly() {
		s.showError(ledger.Errorf(ledger.Invalid, "Le fichier est ouvert en lecture seule : l'exercice ne peut pas être clôturé"))
		return
	}
	ex := s.exercise
	if ex.Closed {
		s.showError(ledger.Errorf(ledger.Invalid, "L'exercice %s est déjà clos", ex.Name()))
		return
	}
	res := s.res
	var plan *closing.Plan
	s.runLong(fmt.Sprintf("Contrôles avant la clôture de l'exercice %s…", ex.Name()), func() (err error) {
		plan, err = closing.Prepare(res, ex, closing.Options{})
		return err
	}, func() {
		a := &closingAssistant{s: s, ex: ex, plan: plan}
		a.open()
	})
}

func (a *closingAssistant) open() {
	s := a.s
	a.ownersAt = widgets.NewField(ledger.FrenchDate(a.plan.OwnersAt), "JJ/MM/AAAA")
	a.f = s.newForm("Clôturer l'exercice "+a.ex.Name(), "Suivant", a.ownersAt)
	a.f.width = 1120
	a.f.submit = a.next
	a.prev = widgets.NewButton("Précédent", theme.NavigateBackIcon(), widget.MediumImportance, a.back)
	a.prev.Keys = a.f.keys
	a.f.extra = []fyne.CanvasObject{a.prev}
	a.body = container.NewStack()
	a.step = 1
	a.fill()
	a.f.show(a.body, nil)
	a.resize()
}

func (a *closingAssistant) resize() {
	if a.f.dlg != nil {
		a.f.dlg.Resize(fyne.NewSize(a.f.width, max(a.f.dlg.MinSize().Height, a.s.win.Canvas().Size().Height-30)))
	}
}

// fill shows the current step.
func (a *closingAssistant) fill() {
	var content fyne.CanvasObject
	a.f.ok.Importance = widget.HighImportance
	a.f.ok.SetIcon(theme.NavigateNextIcon())
	a.f.ok.SetText("Suivant")
	a.f.ok.Enable()
	a.prev.Show()
	a.f.keys.Enter = a.f.validate
	switch a.step {
	case 1:
		a.prev.Hide()
		content = a.checksStep()
		if a.plan.Blocked() {
			a.f.ok.Disable()
		}
	case 2:
		content = a.previewStep()
		if a.plan.Blocked() {
			a.f.ok.Disable()
		}
	default:
		content = a.confirmStep()
		a.f.ok.Importance = widget.DangerImportance
		a.f.ok.SetIcon(theme.ConfirmIcon())
		a.f.ok.SetText("Clôturer l'exercice " + a.ex.Name())
		a.f.keys.Enter = nil // irreversible: a click on the red button, not a stray Enter
	}
	a.f.ok.Refresh()
	a.body.Objects = []fyne.CanvasObject{content}
	a.body.Refresh()
}

// checksStep is step 1: what blocks the closing and what to look at.
func (a *closingAssistant) checksStep() fyne.CanvasObject {
	p := a.plan
	box := container.NewVBox(widgets.StepTitle(widgets.StepText(1, 3, "Contrôles")),
		widgets.Note(fmt.Sprintf("Avant de clôturer l'exercice %s (du %s au %s), Tantième vérifie les comptes. Rien n'est encore écrit.",
			a.ex.Name(), ledger.FrenchDate(a.ex.Start), ledger.FrenchDate(a.ex.End))))
	blocking, warnings := 0, 0
	for _, pr := range p.Problems {
		if pr.Blocking {
			blocking++
			box.Add(warn("Bloquant : " + pr.Text))
		}
	}
	for _, pr := range p.Problems {
		if !pr.Blocking {
			warnings++
			box.Add(caution("À vérifier : " + pr.Text))
		}
	}
	switch {
	case blocking > 0:
		box.Add(warn(fmt.Sprintf("%d problème%s bloque%s la clôture : corrigez-le%s (compte d'attente 47x à solder, ligne de charge sans clé à compléter dans la Saisie, tantièmes d'une clé à revoir dans Clés et tantièmes, appels à générer…), puis refaites les contrôles.",
			blocking, fr.S(blocking), map[bool]string{true: "nt", false: ""}[blocking > 1], fr.S(blocking))))
	case warnings > 0:
		box.Add(ok(fmt.Sprintf("Aucun problème bloquant. Lisez %s ci-dessus (la clôture reste possible), puis cliquez sur « Suivant » pour voir l'aperçu de la répartition.",
			map[bool]string{true: "les avertissements", false: "l'avertissement"}[warnings > 1])))
	default:
		box.Add(ok("Aucun problème : les comptes peuvent être clôturés. Cliquez sur « Suivant » pour voir l'aperçu de la répartition."))
	}
	if d := a.doubtfulBox(); d != nil {
		box.Add(d)
	}
	again := widgets.NewButton("Refaire les contrôles", theme.ViewRefreshIcon(), widget.MediumImportance, func() { a.recompute(1) })
	again.Keys = a.f.keys
	box.Add(container.NewHBox(again))
	return container.NewVScroll(box)
}

// closingKeyRow is a line of the preview's keys table.
type closingKeyRow struct {
	section string
	closing.Key
}

// previewStep is step 2: the distribution per key and per owner.
func (a *closingAssistant) previewStep() fyne.CanvasObject {
	p := a.plan
	var keys []closingKeyRow
	for _, sec := range p.Sections {
		for _, k := range sec.Keys {
			keys = append(keys, closingKeyRow{section: sec.Label, Key: k})
		}
	}
	amountCol := func(title string, get func(closingKeyRow) ledger.Amount) widgets.Column[closingKeyRow] {
		return widgets.Column[closingKeyRow]{Title: title, Width: 120, Align: fyne.TextAlignTrailing,
			Text: func(r closingKeyRow) string { return get(r).String() },
			Ink:  func(r closingKeyRow) widget.Importance { return creditInk(get(r)) },
			Less: func(x, y closingKeyRow) bool { return get(x) < get(y) }}
	}
	sumKeys := func(rows []closingKeyRow, get func(closingKeyRow) ledger.Amount) string {
		var t ledger.Amount
		for _, r := range rows {
			t += get(r)
		}
		return t.String()
	}
	charges := func(r closingKeyRow) ledger.Amount { return r.Charges }
	income := func(r closingKeyRow) ledger.Amount { return r.Income }
	net := func(r closingKeyRow) ledger.Amount { return r.Net() }
	prov := func(r closingKeyRow) ledger.Amount { return r.Provisions }
	keyTable := &widgets.Table[closingKeyRow]{
		Cols: []widgets.Column[closingKeyRow]{
			{Title: "Section", Width: 300, Text: func(r closingKeyRow) string { return r.section }},
			{Title: "Clé", Width: 180, Stretch: true, Text: func(r closingKeyRow) string { return strings.TrimSpace(r.Key.Key + " " + r.Label) }},
			{Title: "Tantièmes", Width: 100, Align: fyne.TextAlignTrailing, Text: func(r closingKeyRow) string { return sharesText(r.TotalShares) }},
			amountCol("Charges", charges), amountCol("Produits", income), amountCol("Charges nettes", net), amountCol("Provisions", prov),
		},
		Totals: func(rows []closingKeyRow) []string {
			return []string{"Total", fmt.Sprintf("%d clé%s", len(rows), fr.S(len(rows))), "",
				sumKeys(rows, charges), sumKeys(rows, income), sumKeys(rows, net), sumKeys(rows, prov)}
		},
		Empty: "Aucune charge ni provision à répartir sur cet exercice.",
	}
	keyView := keyTable.Build()
	keyTable.SetRows(keys)

	ownerAmount := func(title string, get func(closing.Owner) ledger.Amount) widgets.Column[closing.Owner] {
		return widgets.Column[closing.Owner]{Title: title, Width: 140, Align: fyne.TextAlignTrailing,
			Text: func(r closing.Owner) string { return get(r).String() },
			Ink:  func(r closing.Owner) widget.Importance { return creditInk(get(r)) },
			Less: func(x, y closing.Owner) bool { return get(x) < get(y) }}
	}
	sumOwners := func(rows []closing.Owner, get func(closing.Owner) ledger.Amount) string {
		var t ledger.Amount
		for _, r := range rows {
			t += get(r)
		}
		return t.String()
	}
	part := func(r closing.Owner) ledger.Amount { return r.Charges }
	called := func(r closing.Owner) ledger.Amount { return r.Provisions }
	regul := func(r closing.Owner) ledger.Amount { return r.Regularisation }
	before := func(r closing.Owner) ledger.Amount { return r.BalanceBefore }
	after := func(r closing.Owner) ledger.Amount { return r.BalanceAfter }
	ownerTable := &widgets.Table[closing.Owner]{
		Cols: []widgets.Column[closing.Owner]{
			{Title: "Compte", Width: 80, Text: func(r closing.Owner) string { return r.Account },
				Less: func(x, y closing.Owner) bool { return x.Account < y.Account }},
			{Title: "Copropriétaire", Width: 190, Stretch: true, Text: func(r closing.Owner) string { return r.Name },
				Less: func(x, y closing.Owner) bool { return fr.Fold(x.Name) < fr.Fold(y.Name) }},
			{Title: "Lots", Width: 80, Text: func(r closing.Owner) string { return strings.Join(r.Lots, ", ") }},
			ownerAmount("Sa part", part), ownerAmount("Provisions", called), ownerAmount("Régularisation", regul),
			ownerAmount("Solde avant", before), ownerAmount("Solde après", after),
		},
		Match: func(r closing.Owner, q string) bool {
			return strings.Contains(fr.Fold(r.Name), q) || strings.Contains(r.Account, q)
		},
		Totals: func(rows []closing.Owner) []string {
			return []string{"Total", fmt.Sprintf("%d copropriétaire%s", len(rows), fr.S(len(rows))), "",
				sumOwners(rows, part), sumOwners(rows, called), sumOwners(rows, regul), sumOwners(rows, before), sumOwners(rows, after)}
		},
		Empty: "Aucun copropriétaire ne reçoit de part : les problèmes de l'étape 1 l'expliquent.",
	}
	ownerView := ownerTable.Build()
	ownerTable.SetRows(p.Owners)

	redo := widgets.NewButton("Recalculer", theme.ViewRefreshIcon(), widget.MediumImportance, func() { a.recompute(2) })
	redo.Keys = a.f.keys
	dateLine := container.NewHBox(widget.NewLabel("Répartir entre les copropriétaires au"), container.New(&widgets.FixedWidth{Width: 130}, a.ownersAt), redo,
		widget.NewLabel("(date de l'assemblée générale qui approuvera les comptes, si elle est connue)"))
	summary := widget.NewLabel(fmt.Sprintf("Aperçu — rien n'est encore comptabilisé. Charges nettes %s, provisions appelées %s, régularisation %s (%s), %d écriture%s à passer.",
		p.NetCharges.String(), p.Provisions.String(), p.Regularisation.Abs().String(), regulWords(p.Regularisation), len(p.Entries), fr.S(len(p.Entries))))
	summary.TextStyle.Bold = true
	summary.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(widgets.StepTitle(widgets.StepText(2, 3, "Aperçu de la répartition")), summary, dateLine)
	if n := len(p.Warnings()); n > 0 {
		top.Add(caution(fmt.Sprintf("%d avertissement%s à lire à l'étape 1 (la clôture reste possible).", n, fr.S(n))))
	}
	if p.Blocked() {
		top.Add(warn("Un problème bloque la clôture depuis ce recalcul : revenez à l'étape 1 pour le lire."))
	}
	ownersNote := widgets.Note("Solde positif : le copropriétaire doit ; solde négatif (en bleu) : le syndicat lui doit.")
	tabs := container.NewAppTabs(
		container.NewTabItem(fmt.Sprintf("Par copropriétaire (%d)", len(p.Owners)), container.NewBorder(ownersNote, nil, nil, nil, ownerView)),
		container.NewTabItem(fmt.Sprintf("Par clé de répartition (%d)", len(keys)), keyView))
	return container.NewBorder(top, nil, nil, nil, tabs)
}

// regulWords says which way a régularisation goes.
func regulWords(a ledger.Amount) string {
	switch {
	case a > 0:
		return "à appeler en plus auprès des copropriétaires"
	case a < 0:
		return "à rendre aux copropriétaires"
	}
	return "rien à appeler ni à rendre"
}

// confirmStep is step 3: what the closing will do, before doing it.
func (a *closingAssistant) confirmStep() fyne.CanvasObject {
	p := a.plan
	next := "l'exercice suivant"
	if p.Next.ID != 0 {
		next = "l'exercice " + p.Next.Name()
	}
	q := widget.NewLabel(fmt.Sprintf("Clôturer l'exercice %s ? Les écritures de %s ne pourront plus être modifiées.", a.ex.Name(), a.ex.Name()))
	q.TextStyle.Bold = true
	q.Wrapping = fyne.TextWrapWord
	q.Importance = widget.DangerImportance
	what := widgets.Note(fmt.Sprintf("Tantième va, en une seule opération :\n"+
		"• passer les %d écritures de clôture (répartition des charges nettes, régularisation de %s — %s — entre %d copropriétaire%s, reports à nouveau) ;\n"+
		"• verrouiller l'exercice %s : il restera consultable et imprimable, mais plus modifiable ;\n"+
		"• faire de %s l'exercice en cours.\n\n"+
		"Les copropriétaires retenus sont ceux du %s. Une clôture ne s'annule pas : une correction se fera par une écriture en %s.\n\n"+
		"Pour clôturer, cliquez sur le bouton rouge « Clôturer l'exercice "+a.ex.Name()+" » (par prudence, la touche Entrée ne le fait pas). « Précédent » revient à l'aperçu, « Annuler » ferme sans rien changer.",
		len(p.Entries), p.Regularisation.Abs().String(), regulWords(p.Regularisation), len(p.Owners), fr.S(len(p.Owners)), a.ex.Name(), next,
		ledger.FrenchDate(p.OwnersAt), strings.TrimPrefix(next, "l'exercice ")))
	return container.NewVBox(widgets.StepTitle(widgets.StepText(3, 3, "Clôture")), container.NewBorder(nil, nil,
		container.NewCenter(widget.NewIcon(theme.NewWarningThemedResource(theme.WarningIcon()))), nil, q), what,
		container.NewHBox(a.s.lawLink("(loi 1965 art. 14-1 et 18-1)", "loi1965-14-1"), a.s.lawLink("(arrêté du 14 mars 2005)", "arrete2005")))
}

// next goes to the following step, or closes on the last one.
func (a *closingAssistant) next() error {
	switch a.step {
	case 1:
		if a.plan.Blocked() {
			return a.plan.Err()
		}
		a.step = 2
	case 2:
		if a.plan.Blocked() {
			return a.plan.Err()
		}
		if d, err := a.day(); err != nil {
			return err
		} else if !d.Equal(a.plan.OwnersAt) {
			// the date was changed without recalculating: do it first
			a.recompute(2)
			return errStay
		}
		a.step = 3
	default:
		a.post()
		return errStay
	}
	a.fill()
	a.resize()
	return errStay
}

func (a *closingAssistant) back() {
	if a.step > 1 {
		a.step--
		a.f.clearError()
		a.fill()
	}
}

// day reads the attribution date.
func (a *closingAssistant) day() (time.Time, error) {
	d, err := ledger.ParseDate(strings.TrimSpace(a.ownersAt.Text))
	if err != nil {
		a.s.win.Canvas().Focus(a.ownersAt)
		return d, ledger.Wrap(ledger.Invalid, err, "Date de répartition : %s", ledger.Message(err))
	}
	return d, nil
}

// recompute makes the plan again (after a correction, or with another
// attribution date) and shows step.
func (a *closingAssistant) recompute(step int) {
	opt := closing.Options{}
	if step == 2 {
		d, err := a.day()
		if err != nil {
			a.f.fail(err)
			return
		}
		opt.OwnersAt = d
	}
	res, ex := a.s.res, a.ex
	var plan *closing.Plan
	a.s.runLong("Calcul de la clôture…", func() (err error) {
		plan, err = closing.Prepare(res, ex, opt)
		return err
	}, func() {
		a.plan = plan
		a.ownersAt.SetText(ledger.FrenchDate(plan.OwnersAt))
		a.f.initial[0] = a.ownersAt.Text
		a.step = step
		a.fill()
		a.resize()
	})
}

// post closes the exercise behind a progress bar and says what it did.
func (a *closingAssistant) post() {
	s := a.s
	res, plan := s.res, a.plan
	var result closing.Result
	s.runLong(fmt.Sprintf("Clôture de l'exercice %s…", a.ex.Name()), func() (err error) {
		result, err = closing.Post(res, plan)
		return err
	}, func() {
		a.f.close()
		s.changed()
		if result.Next.ID != 0 {
			s.setExercise(s.working)
		}
		said := fmt.Sprintf("Exercice %s clôturé : %d écriture%s passée%s, régularisation de %s (%s) répartie entre %d copropriétaire%s",
			result.Exercise.Name(), len(result.Entries), fr.S(len(result.Entries)), fr.S(len(result.Entries)),
			result.Regularisation.Abs().String(), regulWords(result.Regularisation), result.Owners, fr.S(result.Owners))
		s.say(said)
		s.closingDone(result, said)
	})
}

// closingFolder is where a closing's documents go: « Clôture 2025 » in
// the residence's documents folder.
func (s *Shell) closingFolder(ex ledger.Exercise) string {
	return s.lettersDir(app.ClosingFolder(ex))
}

// closingDone says what the closing did and offers its documents.
func (s *Shell) closingDone(result closing.Result, said string) {
	f := s.newForm("Exercice "+result.Exercise.Name()+" clôturé", "Fermer")
	f.cancel.Hide()
	f.ok.Importance = widget.MediumImportance
	f.width = 720
	ex := result.Exercise
	annexes := widgets.NewButton("Ouvrir les annexes", theme.DocumentPrintIcon(), widget.HighImportance, func() { s.openAnnexes(ex, s.closingFolder(ex)) })
	decomptes := widgets.NewButton("Éditer les décomptes", theme.MailSendIcon(), widget.MediumImportance, func() { s.writeDecomptes(ex, s.closingFolder(ex)) })
	// The fiche synthétique is updated once the accounts are closed (loi
	// 1965 art. 8-2).
	fiche := widgets.NewButton("Fiche synthétique…", theme.DocumentIcon(), widget.MediumImportance, s.ficheForm)
	annexes.Keys, decomptes.Keys, fiche.Keys = f.keys, f.keys, f.keys
	f.extra = []fyne.CanvasObject{fiche, decomptes, annexes}
	next := ""
	if result.Next.ID != 0 {
		next = fmt.Sprintf(" L'exercice en cours est maintenant %s.", result.Next.Name())
	}
	text := fmt.Sprintf("✓ %s.%s\n\nL'exercice %s est verrouillé : ses écritures restent consultables mais ne peuvent plus être modifiées. "+
		"Imprimez maintenant les annexes pour l'assemblée générale et les décomptes à envoyer aux copropriétaires ; ils seront écrits dans le dossier %s. "+
		"La fiche synthétique de la copropriété reprend ces comptes : mettez-la à jour (loi 1965 art. 8-2).",
		said, next, ex.Name(), s.closingFolder(ex))
	if result.SafetyCopy != "" {
		text += "\n\nCopie de sécurité prise avant : " + result.SafetyCopy
	}
	icon := container.NewVBox(container.NewPadded(widget.NewIcon(theme.NewSuccessThemedResource(theme.ConfirmIcon()))))
	f.show(container.NewBorder(nil, nil, icon, nil, container.NewVBox(widgets.Note(text),
		container.NewHBox(s.lawLink("(arrêté du 14 mars 2005 : les annexes)", "arrete2005")))), annexes)
	refit(f)
}

// openAnnexes writes the five annexes of ex into dir, shows their
// cross-checks and opens the combined PDF.
func (s *Shell) openAnnexes(ex ledger.Exercise, dir string) {
	res := s.res
	var files closing.AnnexFiles
	s.runLong("Écriture des annexes…", func() (err error) {
		files, err = closing.WriteAnnexes(res, dir, ex, s.now())
		return err
	}, func() {
		said := fmt.Sprintf("Annexes 1 à 5 de l'exercice %s enregistrées dans %s", ex.Name(), dir)
		s.showWritten("Annexes écrites", fmt.Sprintf("Les cinq annexes de l'exercice %s sont écrites dans le dossier %s : une par fichier, et les cinq ensemble dans %s.",
			ex.Name(), dir, filepath.Base(files.Combined)), files.Combined, dir, annexChecks(files.Data))
		s.openWritten(said, files.Combined)
	})
}

// writeDecomptes writes the décomptes of ex into dir and opens the PDF to
// print.
func (s *Shell) writeDecomptes(ex ledger.Exercise, dir string) {
	res := s.res
	var files closing.DecompteFiles
	s.runLong("Écriture des décomptes…", func() (err error) {
		files, err = closing.WriteDecomptes(res, dir, ex, closing.DecompteOptions{Printed: s.now()})
		return err
	}, func() {
		n := len(files.Owners)
		what := fmt.Sprintf("%d décompte%s de l'exercice %s écrit%s dans %s", n, fr.S(n), ex.Name(), fr.S(n), dir)
		if files.Preview {
			what += " (aperçu : l'exercice n'est pas clos)"
		}
		s.showWritten("Décomptes écrits", fr.UpperFirst(what)+" : un PDF par copropriétaire, et tous ensemble dans "+filepath.Base(files.Combined)+" pour l'impression.",
			files.Combined, dir, nil)
		s.openWritten(what, files.Combined)
	})
}

// annexChecks are the lines telling the annexes' cross-checks: failures
// in red, never hidden; warnings in orange; a green line when all hold.
func annexChecks(d *closing.AnnexesData) []fyne.CanvasObject {
	if d == nil {
		return nil
	}
	var out []fyne.CanvasObject
	if d.Provisional {
		out = append(out, caution("PROJET : l'exercice "+d.Exercise.Name()+" n'est pas clos, la répartition des annexes est une projection de sa clôture."))
	}
	failed := 0
	for _, c := range d.Checks {
		if c.OK() {
			continue
		}
		text := fmt.Sprintf("Annexe %d — %s : %s et %s ne concordent pas (écart %s).", c.Annexe, c.Text, c.Left.String(), c.Right.String(), (c.Left - c.Right).String())
		if c.Warning {
			out = append(out, caution("À vérifier : "+text))
		} else {
			failed++
			out = append(out, warn("Contrôle en échec : "+text))
		}
	}
	if failed == 0 {
		out = append(out, ok(fmt.Sprintf("Les %d contrôles croisés des annexes concordent.", len(d.Checks))))
	}
	return out
}

// showWritten says what was written and where, with buttons to open the
// document and its folder.
func (s *Shell) showWritten(title, text, file, dir string, more []fyne.CanvasObject) {
	f := s.newForm(title, "Fermer")
	f.cancel.Hide()
	f.ok.Importance = widget.MediumImportance
	f.width = 760
	open := widgets.NewButton("Ouvrir le PDF", theme.DocumentPrintIcon(), widget.HighImportance, func() { s.openPath(file) })
	openDir := widgets.NewButton("Ouvrir le dossier", theme.FolderOpenIcon(), widget.MediumImportance, func() { s.openPath(dir) })
	open.Keys, openDir.Keys = f.keys, f.keys
	if strings.HasSuffix(strings.ToLower(file), ".pdf") {
		f.extra = []fyne.CanvasObject{openDir, open}
	} else {
		f.extra = []fyne.CanvasObject{openDir}
	}
	icon := container.NewVBox(container.NewPadded(widget.NewIcon(theme.NewSuccessThemedResource(theme.ConfirmIcon()))))
	body := container.NewVBox(widgets.Note("✓ " + text))
	for _, o := range more {
		body.Add(o)
	}
	f.show(container.NewBorder(nil, nil, icon, nil, body), f.ok)
	refit(f)
}
