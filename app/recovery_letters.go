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

// FolderRecovery is the documents' subfolder of the recovery's letters and
// files.
const FolderRecovery = "Recouvrement"

// FormalNoticeOptions say which mise en demeure to send.
type FormalNoticeOptions struct {
	Owner  string
	Date   time.Time // the letter's date, the day it is sent
	Number string    // the registered letter's number, when known
	Path   string    // the PDF; "" for the documents' Recouvrement folder
}

// FormalNoticeResult is the mise en demeure written and recorded.
type FormalNoticeResult struct {
	Path   string
	Amount ledger.Amount
	Step   ledger.RecoveryStep
}

// FormalNoticeFileName is the default name of a mise en demeure:
// MISE_EN_DEMEURE_DU_02_03_2025_450004_NOM.pdf.
func FormalNoticeFileName(owner, name string, d time.Time) string {
	return fmt.Sprintf("MISE_EN_DEMEURE_DU_%s_%s_%s.pdf", d.Format("02_01_2006"), owner, fr.FileName(name))
}

// SendFormalNotice writes the mise en demeure of loi 1965 art. 19-2 to an owner
// who owes at opt.Date, registers it and records it as a step of his
// recovery (its receipt is recorded when the notice of receipt comes
// back).
func (r *Residence) SendFormalNotice(opt FormalNoticeOptions) (FormalNoticeResult, error) {
	var res FormalNoticeResult
	if opt.Date.IsZero() {
		return res, ledger.Errorf(ledger.Invalid, "Indiquez la date d'envoi de la mise en demeure")
	}
	var pdf []byte
	var name string
	var exID int64
	err := r.View(func(tx *ledger.Tx) error {
		o, err := tx.Owner(opt.Owner)
		if err != nil {
			return err
		}
		name = o.Name
		bal, err := tx.AccountBalanceAt(opt.Owner, opt.Date)
		if err != nil {
			return err
		}
		if bal <= 0 {
			return ledger.Errorf(ledger.Invalid, "%s ne doit rien au %s : pas de mise en demeure à envoyer", o.DisplayName(), ledger.FrenchDate(opt.Date))
		}
		res.Amount = bal
		kit, err := NewLetterKit(tx, opt.Date)
		if err != nil {
			return err
		}
		letter, err := formalNoticeLetter(tx, kit, o, opt.Date, opt.Number, bal)
		if err != nil {
			return err
		}
		exID = exerciseIDAt(tx, opt.Date)
		letters, err := reports.FormalNotices([]reports.Reminder{letter}, opt.Date)
		if err != nil {
			return ledger.Wrap(ledger.Internal, err, "La mise en demeure n'a pas pu être mise en page")
		}
		pdf = letters.Each[0]
		return nil
	})
	if err != nil {
		return res, err
	}
	if res.Path = opt.Path; res.Path == "" {
		dir, err := r.DocumentsSubfolder(FolderRecovery)
		if err != nil {
			return res, err
		}
		res.Path = filepath.Join(dir, FormalNoticeFileName(opt.Owner, name, opt.Date))
	}
	res.Step = ledger.RecoveryStep{Owner: opt.Owner, Kind: ledger.StepNotice, Date: opt.Date, Amount: res.Amount, LetterNumber: opt.Number,
		Label: "Mise en demeure du " + ledger.FrenchDate(opt.Date)}
	if err := r.Update(func(tx *ledger.Tx) error { return tx.AddRecoveryStep(&res.Step) }); err != nil {
		return res, err
	}
	return res, r.WriteDocument(pdf, Produced{Path: res.Path, Kind: "formal_notice", Date: opt.Date, Exercise: exID, Owners: []string{opt.Owner},
		Title: DocumentTitle("Mise en demeure du "+ledger.FrenchDate(opt.Date), name)})
}

// RecordFormalNoticeService records the receipt of the owner's latest mise en
// demeure: received (or, unclaimed, first presented) on day; number is the
// registered letter's number when it was not given at sending.
func (r *Residence) RecordFormalNoticeService(owner string, day time.Time, unclaimed bool, number string) (ledger.RecoveryStep, error) {
	var n ledger.RecoveryStep
	err := r.Update(func(tx *ledger.Tx) error {
		steps, err := tx.RecoverySteps(owner)
		if err != nil {
			return err
		}
		var ok bool
		if n, ok = ledger.LastNotice(steps, day); !ok {
			return ledger.Errorf(ledger.NotFound, "Aucune mise en demeure n'a été envoyée au copropriétaire %s avant le %s", owner, ledger.FrenchDate(day))
		}
		if err := tx.RecordNoticeService(n.ID, day, unclaimed, number); err != nil {
			return err
		}
		n.Received, n.Unclaimed = day, unclaimed
		if strings.TrimSpace(number) != "" {
			n.LetterNumber = strings.TrimSpace(number)
		}
		return nil
	})
	return n, err
}

// formalNoticeLetter lays out a mise en demeure to o dated d for amount owed.
func formalNoticeLetter(tx *ledger.Tx, kit *LetterKit, o ledger.Owner, d time.Time, number string, owed ledger.Amount) (reports.Reminder, error) {
	ex, err := tx.ExerciseAt(d)
	if err != nil {
		return reports.Reminder{}, err
	}
	lots, err := ownerLotsAt(tx, o.Account, d)
	if err != nil {
		return reports.Reminder{}, err
	}
	f := kit.Fields(o, lots)
	refs := []reports.Ref{{Label: "Copropriétaire", Value: o.Account}}
	if len(lots) > 0 {
		refs = append(refs, reports.Ref{Label: "Lots", Value: fr.Join(lots, "et")})
	}
	subtitle := "Lettre recommandée avec accusé de réception"
	if number = strings.TrimSpace(number); number != "" {
		subtitle += " n° " + number
		refs = append(refs, reports.Ref{Label: "LRAR", Value: number})
	}
	letter, err := kit.Letter(f, o, refs, fmt.Sprintf("%s – mise en demeure du %s – %s", kit.res.Name, ledger.FrenchDate(d), o.Account))
	if err != nil {
		return reports.Reminder{}, err
	}
	kindOf, err := CallKinds(tx)
	if err != nil {
		return reports.Reminder{}, err
	}
	m, err := ReadOwnerMoves(tx, o.Account, ex, d, false, kindOf)
	if err != nil {
		return reports.Reminder{}, err
	}
	return reports.Reminder{Letter: letter, Title: "Mise en demeure", Subtitle: subtitle, Body: formalNoticeBody(f.Owner.Salutation, d, owed, ex),
		Balance: owed.String(), BalanceAt: "Sommes dues au " + ledger.FrenchDate(d),
		PayBy: "À régler sous 30 jours", Bank: kit.BankDetails(o.Account),
		Statement: m.statement("Relevé de votre compte – exercice "+ex.Name(), d), StatementNotes: m.Notes()}, nil
}

// formalNoticeBody is the mise en demeure's text: the sums due, the thirty days,
// the acceleration that follows (loi 1965 art. 19-2) and the costs (art.
// 10-1).
func formalNoticeBody(salutation string, d time.Time, owed ledger.Amount, ex ledger.Exercise) string {
	if salutation == "" {
		salutation = "Madame, Monsieur"
	}
	return strings.Join([]string{
		salutation + ",",
		fmt.Sprintf("Malgré nos relances, votre compte de copropriétaire présente au %s un solde débiteur de %s, dont le détail figure au relevé ci-dessous : provisions et charges appelées, échues et restées impayées.", ledger.FrenchDate(d), owed),
		"Par la présente, nous vous mettons en demeure de régler cette somme dans un délai de trente jours à compter de la réception de cette lettre.",
		fmt.Sprintf("À défaut de paiement dans ce délai, conformément à l'article 19-2 de la loi n° 65-557 du 10 juillet 1965, les provisions du budget prévisionnel de l'exercice %s non encore échues deviendront immédiatement exigibles, et le syndicat des copropriétaires pourra en poursuivre le recouvrement en justice.", ex.Name()),
		"Conformément à l'article 10-1 de la même loi, les frais nécessaires exposés par le syndicat pour le recouvrement de sa créance à compter de la présente mise en demeure (frais de mise en demeure, de relance, de commissaire de justice, de prise d'hypothèque) seront imputés à votre seul compte.",
	}, "\n\n")
}

// ownerLotsAt are the lots owner holds on day d, in order.
func ownerLotsAt(tx *ledger.Tx, owner string, d time.Time) ([]string, error) {
	lotOwner, err := tx.OwnersAt(d)
	if err != nil {
		return nil, err
	}
	var out []string
	for lot, o := range lotOwner {
		if o == owner {
			out = append(out, lot)
		}
	}
	ledger.SortLots(out)
	return out, nil
}
