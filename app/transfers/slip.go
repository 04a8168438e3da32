package transfers

import (
	"strings"
	"time"

	"tantieme/app"
	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/reports"
)

// Slip prints the transfer slip (bordereau de virement, seed 001 step 2):
// one page per transfer with the residence, both accounts with their
// IBAN and BIC, the amount, the date, the reason and the syndic's
// signature box. files, when given (after Post), names each transfer's
// SEPA file by its index in ts.
func Slip(r *app.Residence, ts []Transfer, files map[int]string) ([]byte, error) {
	var s reports.TransferSlip
	err := r.View(func(tx *ledger.Tx) error {
		info, err := tx.Residence()
		if err != nil {
			return err
		}
		banks, err := tx.BankAccounts()
		if err != nil {
			return err
		}
		byCode := map[string]ledger.BankAccount{}
		for _, b := range banks {
			byCode[b.Account] = b
		}
		side := func(code string) reports.SlipAccount {
			b := byCode[code]
			return reports.SlipAccount{Label: b.Label, Account: code, IBAN: fr.IBAN(b.IBAN), BIC: b.BIC}
		}
		s = reports.TransferSlip{Residence: info.Name, Holder: "Syndicat des copropriétaires " + info.Name,
			Address: strings.Join(fr.NonEmpty(info.Address, strings.TrimSpace(info.Zip+" "+info.City)), ", "),
			Syndic:  info.SyndicName, Printed: time.Now()}
		for i, t := range ts {
			s.Transfers = append(s.Transfers, reports.SlipTransfer{From: side(t.From), To: side(t.To),
				Amount: fr.Euros(int64(t.Amount)), Date: ledger.FrenchDate(t.Date), Reason: t.text(), File: files[i]})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(s.Transfers) == 0 {
		return nil, ledger.Errorf(ledger.Invalid, "Aucun virement à imprimer")
	}
	pdf, err := reports.TransferSlipPDF(s)
	if err != nil {
		return nil, ledger.Wrap(ledger.Internal, err, "Le bordereau de virement n'a pas pu être imprimé")
	}
	return pdf, nil
}

// SlipName is the file name of the slip of transfers dated day.
func SlipName(day time.Time) string {
	return "Bordereau de virement du " + day.Format("2006-01-02") + ".pdf"
}

// WriteSlip writes the slip of ts at path and registers it (binder
// « Bordereaux »), dated its first transfer's day.
func WriteSlip(r *app.Residence, path string, ts []Transfer, files map[int]string) error {
	pdf, err := Slip(r, ts, files)
	if err != nil {
		return err
	}
	day := ts[0].Date
	return r.WriteDocument(pdf, app.Produced{Path: path, Kind: "transfer_slip", Date: day, Exercise: r.ExerciseIDAt(day),
		Title: "Bordereau de virement du " + ledger.FrenchDate(day)})
}
