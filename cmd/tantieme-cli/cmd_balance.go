package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"tantieme/app"
	"tantieme/ledger"
)

type balanceJSON struct {
	Year        int                  `json:"year"`
	Accounts    []accountBalanceJSON `json:"accounts"`
	TotalDebit  string               `json:"total_debit"`
	TotalCredit string               `json:"total_credit"`
}

type accountBalanceJSON struct {
	Account string `json:"account"`
	Label   string `json:"label"`
	Debit   string `json:"debit"`
	Credit  string `json:"credit"`
	Balance string `json:"balance"`
}

func init() {
	commands["balance"] = command{
		usage: "balance FICHIER [--year N] [--json]",
		setup: func(fs *flag.FlagSet) func([]string, io.Writer) error {
			year := fs.Int("year", 0, "exercice commençant en N (par défaut l'exercice en cours)")
			asJSON := fs.Bool("json", false, "sortie JSON")
			return func(pos []string, out io.Writer) error {
				if err := needArgs(pos, 1, "un fichier de résidence (.copro)"); err != nil {
					return err
				}
				r, err := app.OpenReadOnly(pos[0])
				if err != nil {
					return err
				}
				defer r.Close()
				ex, err := r.ExerciseOfYear(*year)
				if err != nil {
					return err
				}
				rows, err := r.TrialBalanceOf(ex)
				if err != nil {
					return err
				}
				doc := balanceJSON{Year: ex.Year(), Accounts: []accountBalanceJSON{}}
				var td, tc ledger.Amount
				for _, b := range rows {
					td += b.Debit
					tc += b.Credit
					doc.Accounts = append(doc.Accounts, accountBalanceJSON{Account: b.Account, Label: b.Label,
						Debit: b.Debit.Plain(), Credit: b.Credit.Plain(), Balance: b.Balance().Plain()})
				}
				doc.TotalDebit, doc.TotalCredit = td.Plain(), tc.Plain()
				if *asJSON {
					return writeJSON(out, doc)
				}
				t := newTable([]string{"Compte", "Libellé", "Débit", "Crédit", "Solde"}, 2, 3, 4)
				for _, b := range rows {
					t.add(b.Account, b.Label, b.Debit.Format(), b.Credit.Format(), b.Balance().Format())
				}
				t.add("Total", "", td.Format(), tc.Format(), "")
				fmt.Fprintf(out, "Balance de l'exercice %s\n", ex.Name())
				return t.write(out)
			}
		},
	}
}

func writeJSON(out io.Writer, v any) error {
	enc := json.NewEncoder(out)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
