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
}

func init() {
	commands["loans"] = command{
		usage: "loans FICHIER [--year N] [--remaining X] [--json]",
		setup: func(fs *flag.FlagSet) func([]string, io.Writer) error {
			year := fs.Int("year", 0, "exercice commençant en N (par défaut l'exercice en cours)")
			remaining := fs.String("remaining", "", "capital des emprunts restant dû à la fin de l'exercice (annexe 1) ; sans lui, montre le montant enregistré")
			asJSON := fs.Bool("json", false, "sortie JSON")
			return func(pos []string, out io.Writer) error {
				if err := needArgs(pos, 1, "un fichier de résidence (.copro)"); err != nil {
					return err
				}
				open := app.OpenReadOnly
				if *remaining != "" {
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
				if *remaining != "" {
					a, err := ledger.ParseAmount(*remaining)
					if err != nil {
						return ledger.Wrap(ledger.Invalid, err, "--remaining « %s » : %s", *remaining, ledger.Message(err))
					}
					if err := closing.SetLoansRemaining(r, ex.Year(), a); err != nil {
						return err
					}
				}
				a, err := closing.LoansRemaining(r, ex.Year())
				if err != nil {
					return err
				}
				if *asJSON {
					return writeJSON(out, loansJSON{Year: ex.Year(), Remaining: a.Plain()})
				}
				_, err = fmt.Fprintf(out, "Emprunts : montant restant dû à la fin de l'exercice %s : %s (annexe 1, hors totaux)\n", ex.Name(), a.String())
				return err
			}
		},
	}
}
