package export

import (
	"bufio"
	"io"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/transform"

	"tantieme/app"
	"tantieme/ledger"
)

// The FEC (fichier des écritures comptables, art. A47 A-1 of the livre des
// procédures fiscales) is the format accountants' software reads. A
// syndicat de copropriétaires is not bound to produce one; the export
// follows the format so that an accountant or an auditor can load the
// books. Choices, where the format leaves room or the books differ:
//
//   - One file per exercise: its opening entries (AN), its entries and its
//     closing entries, counted as the books count them (app.PeriodEntries).
//   - One line per entry line, in date then entry-number order.
//   - EcritureNum is the entry's number in Tantième, the one printed in the
//     journals and the grand livre (a deleted entry leaves a gap).
//   - Owners and suppliers are auxiliary accounts: CompteNum is the
//     collective account (450000 « Copropriétaires », 401000 « Fournisseurs »)
//     and CompAuxNum / CompAuxLib the owner's 450xxx or the supplier's 401xxx
//     account and name. Other accounts leave CompAux* empty.
//   - PieceRef is the entry's piece number, or its entry number when it has
//     none (the field may not be empty); PieceDate is the entry's date (the
//     books keep no other date for a piece).
//   - EcritureLib is the line's text, or the entry's.
//   - EcritureLet is the matching letter; DateLet, which the books do not
//     record, is the date of the latest line of the group: the day the group
//     could be matched at the earliest.
//   - ValidDate is the day the entry was validated: posted, or last
//     replaced (ledger.EntriesValidated), which may be after its date (a
//     December invoice typed in February) or before it (a year's calls
//     posted in January). An entry posted before Tantième kept that day
//     (migration 008) has its own date instead.
//   - Amounts: "1234,56", no thousands separator, "0,00" on the other side;
//     Montantdevise and Idevise stay empty (everything is in euros).
//   - TAB-separated, lines ending with CR LF; TABs and line breaks inside
//     texts are made spaces, and any other control character (possible in
//     a residence written before the text rules, or edited with raw SQL) is
//     replaced, so that no field can split a line or a column
//     (ledger.SafeText).
//   - Characters: art. A47 A-1 allows ASCII, ISO 8859-15 or UTF-8 (among
//     others): every character of the file is one of ISO 8859-15, so that
//     the file reads the same in either encoding. The typographic ones the
//     books use are written the way a typewriter would (« – » and « — » as
//     "-", curly quotes as straight ones, « … » as "..."), an accented
//     letter outside ISO 8859-15 loses its accent (« ő » as "o"), and any
//     other character is written "?". The file is in UTF-8 (FECUTF8, the
//     default) or ISO 8859-15 (FECLatin9).

// FECColumns are the 18 fields of a FEC line, in order.
var FECColumns = []string{"JournalCode", "JournalLib", "EcritureNum", "EcritureDate", "CompteNum", "CompteLib",
	"CompAuxNum", "CompAuxLib", "PieceRef", "PieceDate", "EcritureLib", "Debit", "Credit", "EcritureLet", "DateLet",
	"ValidDate", "Montantdevise", "Idevise"}

// Collective accounts of the FEC's auxiliary accounts.
const (
	fecOwners    = ledger.OwnersCollective
	fecSuppliers = ledger.SuppliersCollective
)

// FECNoSIREN stands for the SIREN in the FEC's name when the syndicat has
// none (most have not: only a syndicat that employs staff is registered).
const FECNoSIREN = "000000000"

// FECFileName is the file's name, SIRENFECAAAAMMJJ.txt (art. A47 A-1 of
// the livre des procédures fiscales; AAAAMMJJ is the exercise's last day).
// The SIREN is the residence's option "siren" when it holds nine digits,
// else FECNoSIREN.
func FECFileName(siren string, ex ledger.Exercise) string {
	siren = strings.ReplaceAll(siren, " ", "")
	if len(siren) != 9 || strings.Trim(siren, "0123456789") != "" {
		siren = FECNoSIREN
	}
	return siren + "FEC" + ex.End.Format("20060102") + ".txt"
}

// FECName is FECFileName with the residence's own SIREN, if it has one.
func FECName(r *app.Residence, ex ledger.Exercise) (string, error) {
	var siren string
	err := r.View(func(tx *ledger.Tx) (err error) {
		siren, err = tx.Option(ledger.OptionSIREN, "")
		return err
	})
	return FECFileName(siren, ex), err
}

// FECEncoding is the encoding of a FEC file.
type FECEncoding int

// The encodings art. A47 A-1 allows that the export writes.
const (
	FECUTF8   FECEncoding = iota // UTF-8, the default
	FECLatin9                    // ISO 8859-15
)

// ParseFECEncoding reads "utf8" (or "utf-8", or "") and "latin9" (or
// "iso-8859-15").
func ParseFECEncoding(s string) (FECEncoding, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "utf8", "utf-8":
		return FECUTF8, nil
	case "latin9", "iso-8859-15", "iso8859-15":
		return FECLatin9, nil
	}
	return FECUTF8, ledger.Errorf(ledger.Invalid, "Encodage du FEC inconnu « %s » : utf8 ou latin9 (ISO 8859-15)", s)
}

// FEC writes the FEC of exercise ex in UTF-8.
func FEC(r *app.Residence, w io.Writer, ex ledger.Exercise) error {
	return FECEncoded(r, w, ex, FECUTF8)
}

// FECEncoded writes the FEC of exercise ex in the encoding enc.
func FECEncoded(r *app.Residence, w io.Writer, ex ledger.Exercise, enc FECEncoding) error {
	if enc == FECLatin9 {
		// Every character is ISO 8859-15's already (fecText): the encoder
		// never meets one it cannot write.
		tw := transform.NewWriter(w, charmap.ISO8859_15.NewEncoder())
		if err := writeFEC(r, tw, ex); err != nil {
			return err
		}
		if err := tw.Close(); err != nil {
			return ledger.Wrap(ledger.Internal, err, "Écriture du FEC impossible")
		}
		return nil
	}
	return writeFEC(r, w, ex)
}

func writeFEC(r *app.Residence, w io.Writer, ex ledger.Exercise) error {
	bw := bufio.NewWriter(w)
	err := r.View(func(tx *ledger.Tx) error {
		p := app.BookPeriod{Exercise: ex, From: ex.Start, To: ex.End}
		entries, err := app.PeriodEntries(tx, p, "")
		if err != nil {
			return err
		}
		labels, err := app.AccountLabels(tx)
		if err != nil {
			return err
		}
		journals, err := tx.Journals()
		if err != nil {
			return err
		}
		jl := map[string]string{}
		for _, j := range journals {
			jl[j.Code] = j.Label
		}
		letDates, err := letterDates(tx, entries)
		if err != nil {
			return err
		}
		validated, err := tx.EntriesValidated(ex.Start, ex.End)
		if err != nil {
			return err
		}
		bw.WriteString(strings.Join(FECColumns, "\t") + "\r\n")
		for _, e := range entries {
			date := fecDate(e.Date)
			num := strconv.FormatInt(e.ID, 10)
			piece := e.Piece
			if strings.TrimSpace(piece) == "" {
				piece = num
			}
			valid := date
			if d, ok := validated[e.ID]; ok {
				valid = fecDate(d)
			}
			for _, l := range e.Lines {
				account, accLabel, aux, auxLabel := l.Account, labels[l.Account], "", ""
				if c := fecCollective(l.Account); c != "" {
					account, aux, auxLabel = c, l.Account, labels[l.Account]
					accLabel = "Copropriétaires"
					if c == fecSuppliers {
						accLabel = "Fournisseurs"
					}
				}
				text := l.Label
				if text == "" {
					text = e.Label
				}
				letDate := ""
				if l.Letter != "" {
					letDate = fecDate(letDates[matchKey{l.Account, l.Letter}])
				}
				fields := []string{e.Journal, jl[e.Journal], num, date, account, accLabel, aux, auxLabel, piece, date, text,
					fecAmount(l.Debit), fecAmount(l.Credit), l.Letter, letDate, valid, "", ""}
				for i, f := range fields {
					fields[i] = fecText(f)
				}
				bw.WriteString(strings.Join(fields, "\t") + "\r\n")
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return ledger.Wrap(ledger.Internal, err, "Écriture du FEC impossible")
	}
	return nil
}

// fecCollective is the collective account of an owner's or a supplier's
// account, "" for other accounts (and for the collective accounts
// themselves).
func fecCollective(account string) string {
	switch {
	case ledger.InOwnersRange(account) && account != fecOwners:
		return fecOwners
	case ledger.IsSupplierAccount(account) && account != fecSuppliers:
		return fecSuppliers
	}
	return ""
}

type matchKey struct{ account, letter string }

// letterDates finds, for each matching group used by the entries, the date
// of its latest line in the books (the group may end in a later exercise:
// a December invoice paid in January).
func letterDates(tx *ledger.Tx, entries []ledger.Entry) (map[matchKey]time.Time, error) {
	out := map[matchKey]time.Time{}
	accounts := map[string]bool{}
	for _, e := range entries {
		for _, l := range e.Lines {
			if l.Letter != "" {
				accounts[l.Account] = true
				k := matchKey{l.Account, l.Letter}
				if e.Date.After(out[k]) {
					out[k] = e.Date
				}
			}
		}
	}
	if len(accounts) == 0 {
		return out, nil
	}
	exercises, err := tx.Exercises()
	if err != nil {
		return nil, err
	}
	first, last := exercises[0].Start, exercises[len(exercises)-1].End
	for acc := range accounts {
		st, err := tx.AccountStatement(acc, first, last)
		if err != nil {
			return nil, err
		}
		for _, l := range st.Lines {
			k := matchKey{acc, l.Letter}
			if d, ok := out[k]; ok && l.Date.After(d) {
				out[k] = l.Date
			}
		}
	}
	return out, nil
}

func fecDate(d time.Time) string {
	if d.IsZero() {
		return ""
	}
	return d.Format("20060102")
}

// fecAmount writes cents as "1234,56" ("0,00" for zero).
func fecAmount(a ledger.Amount) string { return strings.Replace(a.Plain(), ".", ",", 1) }

// fecText keeps a field on its line and in its column, in the characters
// of ISO 8859-15.
func fecText(s string) string {
	return strings.TrimSpace(latin9(ledger.SafeText(s, false)))
}
