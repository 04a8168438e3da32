package main

import (
	"flag"
	"fmt"
	"io"

	"tantieme/app"
	"tantieme/app/closing"
	"tantieme/ledger"
)

// loansJSON is `loans FILE --year N [--remaining X] --json`.
type loansJSON struct {
	Year      int    `json:"year"`
	Remaining string `json:"remaining"`
	Label     string `json:"label"`
}

func init() {
	commands["loans"] = command{
		usage: "loans FICHIER [--year N] [--remaining X] [--label L] [--json]",
		setup: func(fs *flag.FlagSet) func([]string, io.Writer) error {
			year := fs.Int("year", 0, "exercice commençant en N (par défaut l'exercice en cours)")
			remaining := fs.String("remaining", "", "capital des emprunts restant dû à la fin de l'exercice (annexe 1) ; sans lui, montre le montant enregistré")
			label := fs.String("label", "", "prêteur et objet des emprunts (imprimés sous l'annexe 1) ; vide pour l'effacer")
			asJSON := fs.Bool("json", false, "sortie JSON")
			return func(pos []string, out io.Writer) error {
				if err := needArgs(pos, 1, "un fichier de résidence (.copro)"); err != nil {
					return err
				}
				labelGiven := false
				fs.Visit(func(f *flag.Flag) { labelGiven = labelGiven || f.Name == "label" })
				open := app.OpenReadOnly
				if *remaining != "" || labelGiven {
					open = app.Open
				}
				r, err := open(pos[0])
				if err != nil {
					return err
				}
				defer r.Close()
				ex, err := r.ExerciseOfYear(*year)
				if err != nil {
					return err
				}
				var amount *ledger.Amount
				if *remaining != "" {
					a, err := ledger.ParseAmount(*remaining)
					if err != nil {
						return ledger.Wrap(ledger.Invalid, err, "--remaining « %s » : %s", *remaining, ledger.Message(err))
					}
					amount = &a
				}
				var lender *string
				if labelGiven {
					lender = label
				}
				if amount != nil || lender != nil {
					if err := closing.SetLoans(r, ex.Year(), amount, lender); err != nil {
						return err
					}
				}
				a, err := closing.LoansRemaining(r, ex.Year())
				if err != nil {
					return err
				}
				l, err := closing.LoansLabel(r, ex.Year())
				if err != nil {
					return err
				}
				if *asJSON {
					return writeJSON(out, loansJSON{Year: ex.Year(), Remaining: a.Plain(), Label: l})
				}
				if l != "" {
					l = " — " + l
				}
				_, err = fmt.Fprintf(out, "Emprunts : montant restant dû à la fin de l'exercice %s : %s (annexe 1, hors totaux)%s\n", ex.Name(), a.String(), l)
				return err
			}
		},
	}
}
