package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme/app"
	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// receiptWhat names a receipt in a sentence: "le chèque n° 555 du
// 30/06/2025 de 300,00 €", "le virement du 30/06/2025 de 300,00 €".
func receiptWhat(r ledger.Receipt) string {
	head := "le règlement"
	switch r.Mode {
	case ledger.ByCheque:
		head = "le chèque"
		if r.Cheque != "" {
			head += " n° " + r.Cheque
		}
	case ledger.ByTransfer:
		head = "le virement"
	case ledger.ByCash:
		head = "le règlement en espèces"
	case ledger.ByDebit:
		head = "le prélèvement"
	}
	return fmt.Sprintf("%s du %s de %s", head, ledger.FrenchDate(r.Date), r.Amount.String())
}

// receiptState is where a receipt stands, for the sentence of its dialog.
func receiptState(r ledger.Receipt) string {
	switch {
	case r.Bounced():
		return "revenu impayé"
	case r.Mode != ledger.ByCheque:
		return "encaissé"
	case r.Deposited():
		return "remis en banque le " + ledger.FrenchDate(r.DepositDate)
	}
	return "en attente de remise en banque"
}

// canBounce says whether the bank may return a receipt unpaid: a transfer
// or another mode once received, a cheque once deposited; not cash.
func canBounce(r ledger.Receipt) bool {
	return !r.Bounced() && r.Mode != ledger.ByCash && (r.Mode != ledger.ByCheque || r.Deposited())
}

// receiptActions is what a tap on a receipt of an owner's card opens: the
// receipt, and what can be done with it where it was recorded — correct it,
// delete it, declare it unpaid, see its entry. When it can no longer change
// (deposited, bounced, closed exercise) the dialog says why and what to do
// instead of offering the buttons.
func (s *Shell) receiptActions(owner ledger.Owner, r ledger.Receipt) {
	// The lists leave a receipt's other parts out: read it whole.
	if full, err := s.res.Receipt(r.EntryID); err == nil {
		r = full
	}
	what := receiptWhat(r)
	f := s.newForm(fmt.Sprintf("Règlement %s — %s", r.Piece, owner.DisplayName()), "Fermer")
	f.cancel.Hide()
	f.width = 640
	lines := []fyne.CanvasObject{widgets.Note(fmt.Sprintf("%s — %s.", fr.UpperFirst(what), receiptState(r)))}
	if r.Label != "" {
		lines = append(lines, widgets.Note("Libellé : "+r.Label))
	}
	if others := othersSaid(r); others != "" {
		lines = append(lines, widgets.Note(fmt.Sprintf("Réparti : %s au compte de %s, %s.", r.OwnerShare().String(), owner.DisplayName(), others)))
	}
	locked := app.ReceiptLocked(r, s.exercises)
	if s.readOnly() {
		locked = "Le fichier est ouvert en lecture seule : rien ne peut y être modifié."
	}
	act := func(do func()) func() {
		return func() { f.close(); do() }
	}
	// The actions in a grid of two columns above Fermer, not in the button
	// row: four buttons side by side would widen the dialog past a small
	// screen at large text.
	var actions []fyne.CanvasObject
	see := widgets.NewButton("Voir l'écriture", theme.ListIcon(), widget.MediumImportance, act(func() { s.showEntry(r.EntryID, r.Date) }))
	if locked == "" {
		edit := widgets.NewButton("Modifier…", theme.DocumentCreateIcon(), widget.MediumImportance, act(func() { s.receiptDialog(owner.Account, r.EntryID, nil) }))
		del := widgets.NewButton("Supprimer…", theme.DeleteIcon(), widget.MediumImportance, act(func() { s.deleteReceipt(owner, r) }))
		actions = append(actions, edit, del)
	} else {
		why := widget.NewLabel(locked)
		why.Wrapping = fyne.TextWrapWord
		why.Importance = widget.WarningImportance
		lines = append(lines, why)
	}
	if canBounce(r) && !s.readOnly() {
		bounce := widgets.NewButton("Chèque impayé…", theme.WarningIcon(), widget.MediumImportance, act(func() { s.bounceForm(owner, r) }))
		if r.Mode != ledger.ByCheque {
			bounce.SetText("Règlement impayé…")
		}
		actions = append(actions, bounce)
	}
	actions = append(actions, see)
	lines = append(lines, container.NewGridWithColumns(2, actions...))
	f.show(container.NewVBox(lines...), nil)
}

// deleteReceipt deletes a receipt once the syndic has read what it does.
func (s *Shell) deleteReceipt(owner ledger.Owner, r ledger.Receipt) {
	what := receiptWhat(r)
	s.confirmAction("Supprimer un règlement", fmt.Sprintf("Supprimer %s reçu de %s (pièce %s) ? Son écriture disparaît du journal BQ "+
		"(l'historique des écritures la garde) ; les appels qu'il réglait redeviennent dus, et ses autres règlements encore libres "+
		"sont lettrés de nouveau, les plus anciens appels d'abord.", what, owner.DisplayName(), r.Piece),
		"Supprimer le règlement", func() error {
			if _, err := s.res.DeleteReceipt(r.EntryID); err != nil {
				return err
			}
			s.say(fmt.Sprintf("Règlement %s supprimé : %s de %s", r.Piece, what, owner.DisplayName()))
			s.changed()
			return nil
		})
}
