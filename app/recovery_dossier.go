package app

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/reports"
)

// DossierFileName is the default name of an owner's recovery file:
// DOSSIER_RECOUVREMENT_450004_NOM.pdf.
func DossierFileName(owner, name string) string {
	return fmt.Sprintf("DOSSIER_RECOUVREMENT_%s_%s.pdf", owner, fr.FileName(name))
}

// WriteRecoveryDossier writes the file for an injonction de payer against
// owner at day at (zero: the last entry date) as one PDF: a cover page
// listing the pieces, his statement, the calls made to him, the AG's
// approvals as the books know them, the mises en demeure and their
// receipts. path "" writes it into the documents' Recouvrement folder.
// The file is registered; its path is returned.
func (r *Residence) WriteRecoveryDossier(owner, path string, at time.Time) (string, error) {
	var pdf []byte
	var name string
	var exID int64
	err := r.View(func(tx *ledger.Tx) error {
		f, err := recoveryFile(tx, owner, at)
		if err != nil {
			return err
		}
		at = f.At
		notices := 0
		for _, s := range f.Steps {
			if s.Kind == ledger.StepNotice {
				notices++
			}
		}
		if notices == 0 {
			return ledger.Errorf(ledger.Invalid, "Le dossier d'injonction de payer demande une mise en demeure : envoyez-en une à %s d'abord", f.Name)
		}
		if f.Owed() <= 0 {
			return ledger.Errorf(ledger.Invalid, "%s ne doit rien au %s : pas de dossier de recouvrement à constituer", f.Name, ledger.FrenchDate(at))
		}
		o, err := tx.Owner(owner)
		if err != nil {
			return err
		}
		name = o.Name
		ex, err := tx.ExerciseAt(at)
		if err != nil {
			return err
		}
		exID = ex.ID
		d, err := dossier(tx, f, o, ex)
		if err != nil {
			return err
		}
		if pdf, err = reports.RecoveryDossiers(d, at); err != nil {
			return ledger.Wrap(ledger.Internal, err, "Le dossier de recouvrement n'a pas pu être mis en page")
		}
		return nil
	})
	if err != nil {
		return "", err
	}
	if path == "" {
		dir, err := r.DocumentsSubfolder(FolderRecovery)
		if err != nil {
			return "", err
		}
		path = filepath.Join(dir, DossierFileName(owner, name))
	}
	return path, r.WriteDocument(pdf, Produced{Path: path, Kind: "recovery_file", Date: at, Exercise: exID, Owners: []string{owner},
		Title: DocumentTitle("Dossier de recouvrement au "+ledger.FrenchDate(at), name)})
}

func dossier(tx *ledger.Tx, f RecoveryFile, o ledger.Owner, ex ledger.Exercise) (*reports.RecoveryDossier, error) {
	kit, err := NewLetterKit(tx, f.At)
	if err != nil {
		return nil, err
	}
	res := kit.Residence()
	lots, err := ownerLotsAt(tx, o.Account, f.At)
	if err != nil {
		return nil, err
	}
	letter, err := kit.Letter(kit.Fields(o, lots), o, []reports.Ref{{Label: "Copropriétaire", Value: o.Account}, {Label: "Au", Value: ledger.FrenchDate(f.At)}},
		fmt.Sprintf("%s – dossier de recouvrement – %s", res.Name, o.Account))
	if err != nil {
		return nil, err
	}
	letter.Closing, letter.Signature = "", nil
	d := &reports.RecoveryDossier{Letter: letter, Title: "Dossier de recouvrement – injonction de payer"}
	creditor := "Syndicat des copropriétaires " + res.Name
	if addr := strings.TrimSpace(strings.Join(fr.NonEmpty(res.Address, strings.TrimSpace(res.Zip+" "+res.City)), ", ")); addr != "" {
		creditor += ", " + addr
	}
	if res.SyndicName != "" {
		creditor += ", représenté par son syndic " + res.SyndicName
	}
	debtor := o.DisplayName()
	if addr := strings.TrimSpace(strings.Join(fr.NonEmpty(o.Address, strings.TrimSpace(o.Zip+" "+o.City)), ", ")); addr != "" {
		debtor += ", " + strings.ReplaceAll(addr, "\n", ", ")
	}
	switch len(lots) {
	case 0:
	case 1:
		debtor += ", copropriétaire du " + lotsText(lots)
	default:
		debtor += ", copropriétaire des " + lotsText(lots)
	}
	costs := ""
	for _, s := range f.Steps {
		if s.Kind == ledger.StepCost {
			costs = ", frais de recouvrement de l'article 10-1 compris"
		}
	}
	d.Summary = []string{
		"Créancier : " + creditor + ".",
		"Débiteur : " + debtor + " (compte " + o.Account + ").",
		fmt.Sprintf("Somme due au %s : %s, charges et provisions de copropriété appelées et impayées (loi du 10 juillet 1965, art. 10, 14-1 et 19-2)%s.", ledger.FrenchDate(f.At), f.Owed(), costs),
	}
	if f.Doubtful != 0 {
		d.Summary = append(d.Summary, fmt.Sprintf("Dont %s portés au compte des créances douteuses (%s).", f.Doubtful, mustDoubtful(o.Account)))
	}
	d.Pieces = []string{
		"Relevé du compte du copropriétaire, exercice " + ex.Name(),
		"Appels de fonds adressés au copropriétaire",
		"Budget et comptes votés en assemblée générale",
		"Mise en demeure et avis de réception",
	}
	for _, s := range f.Steps {
		amount := ""
		if s.Amount != 0 {
			amount = s.Amount.String()
		}
		d.Steps = append(d.Steps, reports.Row{Cells: []string{ledger.FrenchDate(s.Date), RecoveryStepText(s), amount}})
	}
	if d.Statement, err = statement(tx, o.Account, ex, f.At); err != nil {
		return nil, err
	}
	d.Statement.Title = "Compte " + o.Account + " – " + o.DisplayName() + " – exercice " + ex.Name()
	calls, err := tx.Calls(ledger.CallFilter{ExerciseID: ex.ID, Live: true})
	if err != nil {
		return nil, err
	}
	var ids []int64
	for _, c := range calls {
		ids = append(ids, c.ID)
	}
	parts, err := tx.CallParts(ids...)
	if err != nil {
		return nil, err
	}
	for _, c := range calls {
		var amt ledger.Amount
		for _, p := range parts[c.ID] {
			if p.Owner == o.Account {
				amt += p.Amount
			}
		}
		if amt != 0 && !c.Due.After(f.At) {
			d.Calls = append(d.Calls, reports.DossierCall{Due: ledger.FrenchDate(c.Due), Piece: c.Piece, Label: c.Label, Amount: amt.String()})
		}
	}
	for _, s := range f.Steps {
		if s.Kind == ledger.StepAcceleration || s.Kind == ledger.StepCost {
			e, err := tx.Entry(s.EntryID)
			if err != nil {
				return nil, err
			}
			d.Calls = append(d.Calls, reports.DossierCall{Due: ledger.FrenchDate(s.Date), Piece: e.Piece, Label: e.Label, Amount: s.Amount.String()})
		}
	}
	d.CallsNote = "Chaque appel a été adressé au copropriétaire par un avis d'appel de fonds ; son montant est sa part, calculée sur ses tantièmes, du montant appelé sur chaque clé de répartition."
	if d.Approvals, err = approvals(tx, ex); err != nil {
		return nil, err
	}
	for _, s := range f.Steps {
		if s.Kind != ledger.StepNotice {
			continue
		}
		l, err := formalNoticeLetter(tx, kit, o, s.Date, s.LetterNumber, s.Amount)
		if err != nil {
			return nil, err
		}
		l.Place = strings.Replace(l.Place, ledger.FrenchDate(f.At), ledger.FrenchDate(s.Date), 1)
		d.Notices = append(d.Notices, l)
		d.Service = append(d.Service, serviceText(s))
	}
	return d, nil
}

func mustDoubtful(owner string) string {
	a, _ := ledger.DoubtfulAccount(owner)
	return a
}

// RecoveryStepText names a step on the dossier, the owner card and the CLI.
func RecoveryStepText(s ledger.RecoveryStep) string {
	switch s.Kind {
	case ledger.StepNotice:
		return serviceText(s)
	case ledger.StepReminder:
		return "Relance"
	}
	if s.Label != "" {
		return s.Kind.Label() + " : " + s.Label
	}
	return s.Kind.Label()
}

// serviceText says how a mise en demeure was sent and served.
func serviceText(s ledger.RecoveryStep) string {
	t := "Mise en demeure du " + ledger.FrenchDate(s.Date) + " par lettre recommandée avec accusé de réception"
	if s.LetterNumber != "" {
		t += " n° " + s.LetterNumber
	}
	switch {
	case s.Received.IsZero():
		t += " ; avis de réception non encore enregistré"
	case s.Unclaimed:
		t += ", présentée le " + ledger.FrenchDate(s.Received) + " et non réclamée"
	default:
		t += ", reçue le " + ledger.FrenchDate(s.Received)
	}
	return t + "."
}

// approvals say what the books know of the AG's votes behind the sums
// claimed: the budget voted for the exercise, the previous exercise's
// accounts closed. The minutes themselves are the syndic's to attach.
func approvals(tx *ledger.Tx, ex ledger.Exercise) ([]string, error) {
	var out []string
	budget, err := tx.Budget(ex.ID)
	if err != nil {
		return nil, err
	}
	var total ledger.Amount
	for _, b := range budget {
		if ledger.AccountClass(b.Account) == 6 {
			total += b.Amount
		}
	}
	if total != 0 {
		out = append(out, fmt.Sprintf("Budget prévisionnel de l'exercice %s (du %s au %s) voté par l'assemblée générale : %s de charges, appelées par provisions (loi 1965 art. 14-1).",
			ex.Name(), ledger.FrenchDate(ex.Start), ledger.FrenchDate(ex.End), total))
	} else {
		out = append(out, fmt.Sprintf("Aucun budget n'est enregistré pour l'exercice %s.", ex.Name()))
	}
	exs, err := tx.Exercises()
	if err != nil {
		return nil, err
	}
	for _, x := range exs {
		if !x.End.Before(ex.Start) {
			continue
		}
		if rec, ok, err := tx.ClosingRecordOf(x.ID); err != nil {
			return nil, err
		} else if ok {
			out = append(out, fmt.Sprintf("Comptes de l'exercice %s arrêtés et répartis le %s, soumis à l'approbation de l'assemblée générale (loi 1965 art. 18-1).", x.Name(), ledger.FrenchDate(rec.PostedAt)))
		}
	}
	docs, err := tx.Documents(ledger.DocumentFilter{Kind: "ag_minutes"})
	if err != nil {
		return nil, err
	}
	for _, doc := range docs {
		out = append(out, "Procès-verbal enregistré au registre des documents : "+doc.Title+" ("+ledger.FrenchDate(doc.Date)+").")
	}
	out = append(out, "Joindre au dossier les procès-verbaux des assemblées générales qui ont voté ce budget et approuvé ces comptes, avec la preuve de leur notification au copropriétaire.")
	return out, nil
}
