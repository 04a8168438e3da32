package ui

import (
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"tantieme/app/banking"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// ---- Step 3: the detail of an owner's payment

func (w *stmtWizard) allocPage() fyne.CanvasObject {
	w.allocHead = widgets.Note("")
	w.allocHead.TextStyle.Bold = true
	w.allocBody = container.NewStack()
	note := widgets.Note("Le règlement solde les appels dans l'ordre, du plus ancien au plus récent ; ce qui reste est un trop-perçu, gardé au crédit du copropriétaire. " +
		"Vous pouvez changer chaque montant, dans la limite de ce qui reste dû, et les libellés des écritures.")
	return container.NewBorder(container.NewVBox(w.allocHead, note), nil, nil, nil, w.allocBody)
}

// openDetail shows step 3 for line l: the choice kept for it, else the
// usual allocation of its owner.
func (w *stmtWizard) openDetail(l banking.Line) {
	owner := w.check.ownerOf(l)
	if owner == "" {
		return
	}
	amount := ledger.Amount(l.Src.Amount)
	ch, ok := w.choices[l.ID]
	if !ok || ch.Allocation == nil {
		var err error
		if ch, err = banking.Allocate(w.s.res, owner, amount); err != nil {
			w.f.fail(err)
			return
		}
	}
	name := w.check.who(l)
	w.allocFor = l.ID
	w.alloc = newAllocEditor(ch, amount, func(ok bool) {
		if w.step == 2 {
			widgets.SetEnabled(w.f.ok, ok)
		}
	})
	w.allocHead.SetText(fmt.Sprintf("Règlement de %s : %s le %s (« %s ») — sa dette : %s", name, amount, ledger.FrenchDate(l.Src.Date),
		strings.TrimSpace(l.Src.Label), ch.Owed))
	w.allocBody.Objects = []fyne.CanvasObject{w.alloc.root}
	w.allocBody.Refresh()
	w.show(2)
}

// keepDetail stores the detail edited as the line's choice, and goes back
// to the lines.
func (w *stmtWizard) keepDetail() error {
	if w.alloc == nil {
		w.show(1)
		return nil
	}
	w.alloc.grid.CommitAll()
	if !w.alloc.ok() {
		return ledger.Errorf(ledger.Invalid, "%s", w.alloc.problem.Text)
	}
	l, _ := w.check.line(w.allocFor)
	name := w.check.who(l)
	w.check.setChoice(l, w.alloc.result(), name)
	w.show(1)
	return nil
}

// ---- Step 4: the posting

func (w *stmtWizard) postPage() fyne.CanvasObject {
	w.summary = widgets.Note("")
	w.bar = widget.NewProgressBar()
	w.bar.Hide()
	w.barText = widgets.Note("")
	return container.NewVBox(stepSection("Ce qui sera comptabilisé"), w.summary, w.barText, w.bar)
}

// fillSummary says what « Comptabiliser » will write.
func (w *stmtWizard) fillSummary() {
	lines := w.check.chosen()
	var owners, suppliers, others, deposits, linked, returned int
	var ownersSum, suppliersSum, othersSum, depositsSum, linkedSum, returnedSum ledger.Amount
	perBank := map[string]ledger.Amount{}
	perBankN := map[string]int{}
	for _, l := range lines {
		a := ledger.Amount(l.Src.Amount)
		perBank[l.Bank] += a
		perBankN[l.Bank]++
		account := l.Account
		// The residence's own SEPA payments are in the books already: tied
		// to their entry, or a debit sent back reversed (sepa_match.go).
		ch, chosen := w.choices[l.ID]
		switch {
		case chosen && ch.Entry != 0, !chosen && l.Kind == banking.Linked:
			linked++
			linkedSum += a
			continue
		case chosen && ch.Return != "", !chosen && l.Kind == banking.Returned:
			returned++
			returnedSum += a
			continue
		}
		if ch, ok := w.choices[l.ID]; ok {
			account = ch.Account
		} else if l.Kind == banking.Deposit {
			deposits++
			depositsSum += a
			continue
		}
		switch {
		case ledger.IsOwnerAccount(account):
			owners++
			ownersSum += a
		case ledger.IsSupplierAccount(account):
			suppliers++
			suppliersSum += a
		default:
			others++
			othersSum += a
		}
	}
	var parts []string
	add := func(n int, one, other string, sum ledger.Amount) {
		if n > 0 {
			parts = append(parts, fmt.Sprintf("• %s : %s", importCount(n, one, other), sum))
		}
	}
	add(owners, "règlement de copropriétaire", "règlements de copropriétaires", ownersSum)
	add(suppliers, "paiement de fournisseur", "paiements de fournisseurs", suppliersSum)
	add(deposits, "remise de chèques", "remises de chèques", depositsSum)
	add(others, "ligne sur un autre compte", "lignes sur d'autres comptes", othersSum)
	add(linked, "virement ou prélèvement fait par Tantième, déjà en comptabilité : rattaché à son écriture, sans rien de plus",
		"virements ou prélèvements faits par Tantième, déjà en comptabilité : rattachés à leur écriture, sans rien de plus", linkedSum)
	add(returned, "prélèvement rejeté par la banque du copropriétaire : son règlement est annulé",
		"prélèvements rejetés par la banque des copropriétaires : leurs règlements sont annulés", returnedSum)
	var banks []string
	for b := range perBank {
		banks = append(banks, b)
	}
	sort.Strings(banks)
	text := importCount(len(lines), "ligne sera comptabilisée", "lignes seront comptabilisées") + " au journal de banque (BQ) :\n" + strings.Join(parts, "\n")
	for _, b := range banks {
		text += fmt.Sprintf("\n\nCompte %s %s : %s, total %s.", b, w.banks[b].Label, importCount(perBankN[b], "ligne", "lignes"), perBank[b])
	}
	if rest := len(w.plan.Lines) - len(lines); rest > 0 {
		them := map[bool]string{true: "vous l'affecterez", false: "vous les affecterez"}[rest == 1]
		text += fmt.Sprintf("\n\n%s en attente dans la liste « Relevés » : rien n'est perdu, %s plus tard.",
			importCount(rest, "ligne restera", "lignes resteront"), them)
	}
	text += "\n\nLa dette de chaque copropriétaire est relue au moment de comptabiliser : si elle a changé depuis, sa ligne reste en attente, avec la raison. " +
		"Tout est écrit en une seule fois : en cas d'erreur, rien n'est écrit."
	w.summary.SetText(text)
	w.barText.SetText("")
	w.bar.Hide()
}

// apply posts the lines selected, in one transaction, behind a progress bar.
func (w *stmtWizard) apply() {
	sel := banking.Selection{Choices: map[banking.LineID]banking.Choice{}}
	for _, l := range w.check.chosen() {
		sel.Lines = append(sel.Lines, l.ID)
		if ch, ok := w.choices[l.ID]; ok {
			sel.Choices[l.ID] = ch
		}
	}
	bar := w.bar
	sel.Progress = func(done, total int) {
		fyne.Do(func() {
			bar.Max = float64(total)
			bar.SetValue(float64(done))
		})
	}
	w.busy = true
	widgets.SetEnabled(w.f.ok, false)
	widgets.SetEnabled(w.prev, false)
	widgets.SetEnabled(w.f.cancel, false)
	w.bar.SetValue(0)
	w.bar.Show()
	w.barText.SetText("Comptabilisation en cours…")
	res, plan := w.s.res, w.plan
	w.s.jobs.Add(1)
	go func() {
		defer w.s.jobs.Done()
		rep, err := banking.Apply(res, plan, sel)
		fyne.Do(func() {
			w.busy = false
			widgets.SetEnabled(w.prev, true)
			widgets.SetEnabled(w.f.cancel, true)
			widgets.SetEnabled(w.f.ok, true)
			w.bar.Hide()
			if err != nil {
				w.barText.SetText("Rien n'a été écrit.")
				w.f.fail(err)
				return
			}
			w.finish(rep)
		})
	}()
}

// ---- Step 5: the report

func (w *stmtWizard) reportPage() fyne.CanvasObject {
	w.report = container.NewVBox()
	return container.NewVScroll(w.report)
}

// finish shows what Apply did.
func (w *stmtWizard) finish(rep *banking.Report) {
	w.done, w.rep = true, rep
	objs := []fyne.CanvasObject{
		ok(fmt.Sprintf("Relevé « %s » importé : %s, %s, %s.", w.plan.File,
			importCount(rep.Posted, "ligne comptabilisée", "lignes comptabilisées"),
			importCount(rep.Pending, "en attente", "en attente"),
			importCount(rep.Skipped, "déjà importée ignorée", "déjà importées ignorées"))),
	}
	if rep.Refused > 0 {
		objs = append(objs, stepSection(importCount(rep.Refused, "ligne refusée", "lignes refusées")+" (restée en attente)"))
		for i, rl := range rep.Lines {
			if i < len(w.plan.Lines) && rl.Status == banking.StatusPending && w.selected[w.plan.Lines[i].ID] {
				objs = append(objs, widgets.Note(fmt.Sprintf("• %s — %s", lineText(ledger.FrenchDate(rl.Date), rl.Amount, rl.Label), rl.Reason)))
			}
		}
	}
	if len(rep.Reconciled) > 0 {
		objs = append(objs, stepSection("Rapprochement bancaire"),
			widgets.Note("Les lignes comptabilisées sont pointées dans le rapprochement des relevés : "+strings.Join(rep.Reconciled, ", ")+"."))
	}
	if rep.Pending > 0 {
		them := map[bool]string{true: "affectez-la", false: "affectez-les"}[rep.Pending == 1]
		objs = append(objs, widgets.Note(fmt.Sprintf("%s dans la liste « Relevés » : %s à un copropriétaire, un fournisseur ou un autre compte quand vous voulez (« Voir les relevés en attente »).",
			importCount(rep.Pending, "ligne attend", "lignes attendent"), them)))
	}
	w.report.Objects = objs
	w.report.Refresh()
	w.s.changed()
	w.s.say(fmt.Sprintf("Relevé « %s » : %s, %s", w.plan.File, importCount(rep.Posted, "ligne comptabilisée", "lignes comptabilisées"),
		importCount(rep.Pending, "en attente", "en attente")))
	w.show(4)
}
