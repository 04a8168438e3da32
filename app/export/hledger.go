package export

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"tantieme/app"
	"tantieme/ledger"
)

// Hledger writes the entries of exercise ex as an hledger journal, so
// that `hledger -f PATH bal` gives the same balance per account as the
// trial balance. Accounts are named by their code (labels go in comments),
// amounts in EUR with a dot, keys as `clé:` tags.
func Hledger(r *app.Residence, w io.Writer, ex ledger.Exercise) error {
	bw := bufio.NewWriter(w)
	err := r.View(func(tx *ledger.Tx) error {
		res, err := tx.Residence()
		if err != nil {
			return err
		}
		entries, err := tx.Entries(ledger.EntryFilter{From: ex.Start, To: ex.End})
		if err != nil {
			return err
		}
		accounts, err := tx.Accounts()
		if err != nil {
			return err
		}
		used := map[string]bool{}
		for _, e := range entries {
			for _, l := range e.Lines {
				used[l.Account] = true
			}
		}
		fmt.Fprintf(bw, "; %s — exercice %s (du %s au %s), exporté par Tantième\n", hledgerText(res.Name), ex.Name(),
			ledger.FrenchDate(ex.Start), ledger.FrenchDate(ex.End))
		fmt.Fprintf(bw, "decimal-mark .\ncommodity 1000.00 EUR\n\n")
		for _, a := range accounts {
			if used[a.Code] {
				fmt.Fprintf(bw, "account %s  ; %s\n", a.Code, hledgerText(a.Label))
			}
		}
		for _, e := range entries {
			fmt.Fprintf(bw, "\n%s", ledger.ISO(e.Date))
			if e.Piece != "" {
				fmt.Fprintf(bw, " (%s)", hledgerCode(e.Piece))
			}
			fmt.Fprintf(bw, " %s  ; journal:%s\n", hledgerText(e.Label), hledgerText(e.Journal))
			for _, l := range e.Lines {
				fmt.Fprintf(bw, "    %-8s  %14s EUR", hledgerText(l.Account), l.Balance().Plain())
				var tags []string
				if l.Key != "" {
					tags = append(tags, "clé:"+hledgerText(l.Key))
				}
				if l.Label != "" && l.Label != e.Label {
					tags = append(tags, hledgerText(l.Label))
				}
				if len(tags) > 0 {
					fmt.Fprintf(bw, "  ; %s", strings.Join(tags, ", "))
				}
				bw.WriteByte('\n')
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return ledger.Wrap(ledger.Internal, err, "Écriture du journal hledger impossible")
	}
	return nil
}

// hledgerText keeps free text on one line and out of hledger's syntax
// (";" starts a comment, "|" splits payee and note); control characters,
// possible in a residence written before the text rules, are replaced
// (ledger.SafeText).
func hledgerText(s string) string {
	return strings.NewReplacer(";", ",", "|", "/").Replace(ledger.SafeText(s, false))
}

func hledgerCode(s string) string {
	return strings.NewReplacer("(", "[", ")", "]").Replace(hledgerText(s))
}
