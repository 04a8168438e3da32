package main

import (
	"flag"
	"fmt"
	"io"

	"tantieme/app"
	"tantieme/ledger"
)

func init() {
	commands["check"] = command{
		usage: "check FICHIER",
		setup: func(fs *flag.FlagSet) func([]string, io.Writer) error {
			return func(pos []string, out io.Writer) error {
				if err := needArgs(pos, 1, "un fichier de résidence (.copro)"); err != nil {
					return err
				}
				r, err := app.OpenInspect(pos[0])
				if err != nil {
					return err
				}
				defer r.Close()
				if h := r.Crashed(); h != nil {
					fmt.Fprintf(out, "%s : %s s'est arrêté sans fermer la résidence ; ses opérations inachevées ont été annulées.\n", pos[0], h)
				}
				problems, err := r.Check(true)
				if err != nil {
					return err
				}
				for _, p := range problems {
					fmt.Fprintln(out, p)
				}
				if len(problems) > 0 {
					return ledger.Errorf(ledger.Invalid, "%s : %d problème(s) trouvé(s)", pos[0], len(problems))
				}
				fmt.Fprintf(out, "%s : aucun problème.\n", pos[0])
				return nil
			}
		},
	}
}
