package debits

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"tantieme/app"
	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/sepa"
)

// Options say how the batch's file is written.
type Options struct {
	// Version is pain.008.001.08 (the default, "") or pain.008.001.02 for
	// a bank that still wants it.
	Version sepa.Version
	// Folder is where the file is written, after the books are committed.
	Folder string
	// Name is the file's name; "" names it PRELEV_<Résidence>_<AAAAMMJJ>_
	// <banque>_<compteur>.xml.
	Name string
}

// Result is what Post did.
type Result struct {
	Batch    Batch
	File     ledger.SEPAFile // recorded, with its content
	Path     string          // the file on disk; "" when writing it failed
	Receipts []app.ReceiptResult
}

// Post collects the batch: in ONE transaction the batch is computed again
// (it must be the one shown, or the syndic is asked to look again), each
// owner's receipt is posted on the collection date through app.ReceiveIn
// (it settles his oldest calls first), the mandates' first and last
// collections are updated, and the pain.008 file, built in memory, is
// recorded whole with one payment per owner tied to his receipt. Only
// after the commit is the file written into opt.Folder (temporary file
// and rename). When that write fails the books stay posted and the error
// says so: WriteFile writes the recorded file again, byte for byte —
// never a second file for the same money. Any refusal leaves the books
// as they were and no file.
func Post(r *app.Residence, b Batch, opt Options) (Result, error) {
	res := Result{}
	switch opt.Version {
	case "", sepa.Pain008v08, sepa.Pain008v02:
	default:
		return res, ledger.Errorf(ledger.Invalid, "Format « %s » inconnu pour un prélèvement (pain.008.001.08 ou pain.008.001.02)", opt.Version)
	}
	if strings.TrimSpace(opt.Folder) == "" {
		return res, ledger.Errorf(ledger.Invalid, "Choisissez le dossier où écrire le fichier de prélèvement")
	}
	if err := ledger.CheckOutputDir(opt.Folder); err != nil {
		return res, err
	}
	err := r.Update(func(tx *ledger.Tx) error {
		fresh, err := planIn(tx, b.Date, b.Bank.Account)
		if err != nil {
			return err
		}
		if len(fresh.Lines) == 0 {
			return ledger.Errorf(ledger.NotFound, "Aucun prélèvement à faire au %s : aucun copropriétaire ayant un mandat en vigueur n'a d'appel échu à payer", ledger.FrenchDate(b.Date))
		}
		if !sameLines(fresh, b) {
			return ledger.Errorf(ledger.Conflict, "Les comptes ont changé depuis le calcul du lot du %s : affichez-le à nouveau avant de le comptabiliser", ledger.FrenchDate(b.Date))
		}
		res.Batch = fresh
		res.File, res.Receipts, err = postIn(tx, fresh, opt.Version, opt.Name)
		return err
	})
	if err != nil {
		return Result{}, err
	}
	path := filepath.Join(opt.Folder, res.File.Name)
	if err := ledger.WriteOutputBytes(path, res.File.Content); err != nil {
		return res, ledger.Wrap(ledger.KindOf(err), err, "Le lot du %s est comptabilisé, mais le fichier « %s » n'a pas pu être écrit : écrivez-le à nouveau (« Réécrire le fichier ») sans recomptabiliser",
			ledger.FrenchDate(b.Date), res.File.Name)
	}
	res.Path = path
	return res, nil
}

func sameLines(a, b Batch) bool {
	if len(a.Lines) != len(b.Lines) || a.Bank.Account != b.Bank.Account {
		return false
	}
	for i := range a.Lines {
		x, y := a.Lines[i], b.Lines[i]
		if x.Owner.Account != y.Owner.Account || x.Amount != y.Amount || x.Sequence != y.Sequence || x.Mandate.ID != y.Mandate.ID {
			return false
		}
	}
	return true
}

func postIn(tx *ledger.Tx, b Batch, v sepa.Version, name string) (ledger.SEPAFile, []app.ReceiptResult, error) {
	var f ledger.SEPAFile
	res, err := tx.Residence()
	if err != nil {
		return f, nil, err
	}
	msgID, err := tx.NextSEPAMsgID(ledger.SEPADebit)
	if err != nil {
		return f, nil, err
	}
	now := ledger.Now()
	dd := sepa.DirectDebit{
		MsgID: msgID, Created: now, CollectionDate: b.Date, CreditorID: b.Bank.ICS,
		Creditor: sepa.Party{Name: b.Creditor, IBAN: b.Bank.IBAN, BIC: b.Bank.BIC,
			Address: postal(res.Address, res.Zip, res.City, "")},
	}
	pieces := tx.PieceCounter()
	var receipts []app.ReceiptResult
	for k, l := range b.Lines {
		e2e := ledger.SEPAEndToEnd(msgID, k+1)
		piece, err := pieces.NextOn(ledger.JournalBank, b.Date)
		if err != nil {
			return f, nil, err
		}
		// No payment mode says « prélèvement » (ledger.PaymentModes): the
		// money arrives on the account like a transfer.
		rr, err := app.ReceiveIn(tx, app.ReceiptInput{Owner: l.Owner.Account, Amount: l.Amount, Date: b.Date,
			Mode: ledger.ByDebit, BankAccount: b.Bank.Account, Piece: piece})
		if err != nil {
			return f, nil, err
		}
		receipts = append(receipts, rr)
		if err := tx.MandateCollected(l.Mandate.ID, b.Date); err != nil {
			return f, nil, err
		}
		dd.Debits = append(dd.Debits, sepa.Debit{
			EndToEnd: e2e, Amount: int64(l.Amount), MandateID: l.Mandate.RUM, MandateSigned: l.Mandate.Signed,
			Sequence: sepa.Sequence(l.Sequence),
			Debtor: sepa.Party{Name: l.Owner.Name, IBAN: l.Mandate.IBAN, BIC: l.Mandate.BIC,
				Address: postal(l.Owner.Address, l.Owner.Zip, l.Owner.City, l.Owner.Country)},
			Remittance: remittance(res.Name, l),
		})
		f.Payments = append(f.Payments, ledger.SEPAPayment{EndToEnd: e2e, EntryID: rr.Entry.ID, Account: l.Owner.Account,
			Amount: l.Amount, MandateID: l.Mandate.ID, Sequence: l.Sequence})
	}
	var buf bytes.Buffer
	if err := sepa.WriteDirectDebit(&buf, dd, v); err != nil {
		return f, nil, ledger.Errorf(ledger.Invalid, "Fichier de prélèvement refusé, rien n'est comptabilisé : %s", err.Error())
	}
	if v == "" {
		v = sepa.Pain008v08
	}
	f.MsgID, f.Kind, f.Schema, f.BankAccount = msgID, ledger.SEPADebit, string(v), b.Bank.Account
	f.Created, f.Execution, f.Content = ledger.Date(now.Year(), now.Month(), now.Day()), b.Date, buf.Bytes()
	if f.Name = name; f.Name == "" {
		f.Name = fileName(res.Name, b.Date, b.Bank.IBAN, msgID)
	}
	if err := tx.SaveSEPAFile(&f); err != nil {
		return f, nil, err
	}
	return f, receipts, nil
}

// fileName names a batch's file as the transfer files are named (seed
// 001): PRELEV_<RÉSIDENCE>_<AAAAMMJJ>_<banque>_<compteur>.xml, the bank
// code inside the IBAN, the counter the message id's.
func fileName(residence string, d time.Time, iban, msgID string) string {
	counter := strings.TrimLeft(msgID[strings.LastIndexAny(msgID, "P")+1:], "0")
	return fmt.Sprintf("PRELEV_%s_%s_%s_%s.xml", fr.FileName(residence), d.Format("20060102"), ledger.IBANBankCode(iban), counter)
}

// remittance is what the owner reads on his statement.
func remittance(residence string, l Line) string {
	s := "Charges de copropriete " + residence
	if n := len(l.Calls); n > 0 {
		s += " - appel du " + ledger.FrenchDate(l.Calls[n-1].Date)
	}
	return s
}

// WriteFile writes a recorded SEPA file again into folder, byte for byte
// as it was made (its checksum is checked on reading): for a file whose
// first write failed, or that was lost before being sent.
func WriteFile(r *app.Residence, id int64, folder string) (string, error) {
	var f ledger.SEPAFile
	if err := r.View(func(tx *ledger.Tx) (err error) { f, err = tx.SEPAFile(id); return err }); err != nil {
		return "", err
	}
	if err := ledger.CheckOutputDir(folder); err != nil {
		return "", err
	}
	return r.WriteSEPAFile(f.MsgID, folder, ledger.SEPADebit)
}
