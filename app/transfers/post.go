package transfers

import (
	"bytes"
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"tantieme/app"
	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/sepa"
)

// Options are how the files are made.
type Options struct {
	// Version is the pain.001 version: pain.001.001.09 by default,
	// pain.001.001.03 for banks that still want it.
	Version sepa.Version
	// Folder is where the files are written, after the books.
	Folder string
	// Path, when set, is where the one file of a list issued from one
	// account on one day is written instead (the CLI's --sepa PATH).
	Path string
}

// File is a SEPA file Post made.
type File struct {
	ID        int64
	MsgID     string
	Name      string
	Path      string // where it was written; "" when writing failed
	From      string // the account it debits
	Transfers int
	Total     ledger.Amount
	// WriteErr says why the file could not be written to Folder: it is in
	// the books all the same, and WriteAgain writes it from there.
	WriteErr error
}

// Result is what Post did.
type Result struct {
	Entries []int64 // one per transfer, in the order given
	Files   []File
}

// Post posts the transfers and makes their files: one entry per transfer
// in journal BQ (debit the account credited, credit the account debited:
// DOMAIN.md §5) and one pain.001 per issuing account and date, all in one
// transaction that records each file whole (sepa_files) with each
// transaction tied to its entry; a file is thus made once and never
// twice for the same money. Only once the books are written are the files
// written to Folder (a temporary file renamed). Anything refused — a
// transfer Check forbids, a closed exercise, a text SEPA refuses — is a
// French message, and nothing is written.
func Post(r *app.Residence, ts []Transfer, o Options) (Result, error) {
	var res Result
	if len(ts) == 0 {
		return res, ledger.Errorf(ledger.Invalid, "Aucun virement à passer")
	}
	version := o.Version
	switch version {
	case "":
		version = sepa.Pain001v09
	case sepa.Pain001v09, sepa.Pain001v03:
	default:
		return res, ledger.Errorf(ledger.Invalid, "Version de fichier de virement « %s » inconnue (pain.001.001.09 ou pain.001.001.03)", version)
	}
	switch {
	case o.Path != "":
		if len(groups(ts)) > 1 {
			return res, ledger.Errorf(ledger.Invalid, "Ces virements partent de plusieurs comptes ou à plusieurs dates : ils font plusieurs fichiers, indiquez un dossier plutôt qu'un fichier")
		}
		if err := ledger.CheckOutput(o.Path); err != nil {
			return res, err
		}
	case o.Folder == "":
		return res, ledger.Errorf(ledger.Invalid, "Choisissez le dossier où écrire les fichiers de virement")
	default:
		if err := ledger.CheckOutputDir(o.Folder); err != nil {
			return res, err
		}
	}
	var made []ledger.SEPAFile
	err := r.Update(func(tx *ledger.Tx) error {
		res.Entries = make([]int64, len(ts))
		made = nil
		problems, err := check(tx, ts)
		if err != nil {
			return err
		}
		for i, p := range problems {
			if p != "" {
				return ledger.Errorf(ledger.Invalid, "Virement n° %d du compte %s vers le compte %s : %s ; rien n'a été enregistré", i+1, ts[i].From, ts[i].To, p)
			}
		}
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
		for _, g := range groups(ts) {
			f, err := postGroup(tx, info, byCode, ts, g, version)
			if err != nil {
				return err
			}
			for k, i := range g {
				res.Entries[i] = f.Payments[k].EntryID
			}
			made = append(made, f)
		}
		return nil
	})
	if err != nil {
		return Result{}, err
	}
	for _, f := range made {
		out := File{ID: f.ID, MsgID: f.MsgID, Name: f.Name, From: f.BankAccount, Transfers: f.Transactions, Total: f.Total}
		path := filepath.Join(o.Folder, f.Name)
		if o.Path != "" {
			path = o.Path
		}
		if out.WriteErr = ledger.WriteOutputBytes(path, f.Content); out.WriteErr == nil {
			out.Path = path
		}
		res.Files = append(res.Files, out)
	}
	return res, nil
}

// groups gathers the transfers by issuing account and date (one SEPA
// file has one debtor account and one execution date), in the order the
// accounts first appear.
func groups(ts []Transfer) [][]int {
	index := map[string]int{}
	var out [][]int
	for i, t := range ts {
		k := t.From + " " + ledger.ISO(t.Date)
		j, ok := index[k]
		if !ok {
			j = len(out)
			index[k] = j
			out = append(out, nil)
		}
		out[j] = append(out[j], i)
	}
	sort.SliceStable(out, func(a, b int) bool { return ts[out[a][0]].Date.Before(ts[out[b][0]].Date) })
	return out
}

// postGroup posts the transfers g of ts, all from one account on one day,
// and records their file.
func postGroup(tx *ledger.Tx, info ledger.Residence, banks map[string]ledger.BankAccount, ts []Transfer, g []int, v sepa.Version) (ledger.SEPAFile, error) {
	first := ts[g[0]]
	from := banks[first.From]
	counter, err := tx.NextSEPACounter()
	if err != nil {
		return ledger.SEPAFile{}, err
	}
	msgID, err := tx.NextSEPAMsgID(ledger.SEPATransfer)
	if err != nil {
		return ledger.SEPAFile{}, err
	}
	holder := "Syndicat des copropriétaires " + info.Name
	ct := sepa.CreditTransfer{MsgID: msgID, Created: ledger.Now(), Initiator: holder,
		Debtor:        sepa.Party{Name: holder, IBAN: from.IBAN, BIC: from.BIC},
		ExecutionDate: first.Date}
	f := ledger.SEPAFile{MsgID: msgID, Kind: ledger.SEPATransfer, Schema: string(v), BankAccount: from.Account,
		Created: ledger.Now(), Execution: first.Date,
		Name: fmt.Sprintf("VIREFOND_%s_%s_%s_%d.xml", fr.FileName(info.Name), first.Date.Format("20060102"),
			ledger.IBANBankCode(from.IBAN), counter)}
	for k, i := range g {
		t := ts[i]
		to := banks[t.To]
		label := t.text()
		e := ledger.Entry{Journal: ledger.JournalBank, Date: t.Date, Label: label, Origin: "transfer:" + msgID,
			Lines: []ledger.Line{{Account: t.To, Debit: t.Amount}, {Account: t.From, Credit: t.Amount}}}
		if err := tx.PostEntry(&e); err != nil {
			return f, err
		}
		e2e := ledger.SEPAEndToEnd(msgID, k+1)
		ct.Payments = append(ct.Payments, sepa.Payment{EndToEnd: e2e, Amount: int64(t.Amount),
			Creditor: sepa.Party{Name: holder, IBAN: to.IBAN, BIC: to.BIC}, Remittance: label})
		f.Payments = append(f.Payments, ledger.SEPAPayment{EndToEnd: e2e, EntryID: e.ID, Account: t.To, Amount: t.Amount})
	}
	var buf bytes.Buffer
	if err := sepa.WriteCreditTransfer(&buf, ct, v); err != nil {
		return f, ledger.Wrap(ledger.Invalid, err, "Fichier de virement du compte %s refusé : %s ; rien n'a été enregistré", from.Account, err.Error())
	}
	f.Content = buf.Bytes()
	return f, tx.SaveSEPAFile(&f)
}

// text is the transfer's label, or a default one.
func (t Transfer) text() string {
	if l := strings.TrimSpace(t.Label); l != "" {
		return l
	}
	return DefaultLabel("", ledger.IsSavingsAccount(t.To))
}

// WriteAgain writes a recorded file again into folder, byte for byte as it
// was made (its checksum is checked first): for a file whose writing
// failed, or that was lost before reaching the bank. to is a folder (the
// file keeps its name) or a file's path. It returns the path written.
func WriteAgain(r *app.Residence, msgID string, to string) (string, error) {
	return r.WriteSEPAFile(msgID, to, ledger.SEPATransfer)
}

// Files lists the transfer files made, newest first.
func Files(r *app.Residence) ([]ledger.SEPAFile, error) {
	var out []ledger.SEPAFile
	err := r.View(func(tx *ledger.Tx) error {
		var err error
		out, err = tx.SEPAFiles(ledger.SEPATransfer)
		return err
	})
	return out, err
}
