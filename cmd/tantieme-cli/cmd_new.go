package main

import (
	"flag"
	"fmt"
	"io"

	"tantieme/app"
	"tantieme/ledger"
)

func init() {
	commands["new"] = command{
		usage: "new FICHIER --name NOM --start AAAA-MM-JJ [--end AAAA-MM-JJ] [--address A --zip CP --city VILLE --syndic NOM]",
		setup: func(fs *flag.FlagSet) func([]string, io.Writer) error {
			name := fs.String("name", "", "nom de la résidence")
			start := fs.String("start", "", "début du premier exercice")
			end := fs.String("end", "", "fin du premier exercice (par défaut 12 mois)")
			address := fs.String("address", "", "adresse")
			zip := fs.String("zip", "", "code postal")
			city := fs.String("city", "", "ville")
			syndic := fs.String("syndic", "", "nom du syndic bénévole")
			return func(pos []string, out io.Writer) error {
				if err := needArgs(pos, 1, "un fichier de résidence (.copro)"); err != nil {
					return err
				}
				if *name == "" || *start == "" {
					return usagef("--name et --start sont obligatoires")
				}
				setup := ledger.Setup{Residence: ledger.Residence{Name: *name, Address: *address, Zip: *zip, City: *city, SyndicName: *syndic}}
				var err error
				if setup.FirstStart, err = ledger.ParseDate(*start); err != nil {
					return err
				}
				if *end != "" {
					if setup.FirstEnd, err = ledger.ParseDate(*end); err != nil {
						return err
					}
				}
				r, err := app.Create(pos[0], setup)
				if err != nil {
					return err
				}
				defer r.Close()
				fmt.Fprintf(out, "Résidence « %s » créée dans %s (exercices à partir du %s).\n", *name, pos[0], ledger.FrenchDate(setup.FirstStart))
				return nil
			}
		},
	}
	commands["demo"] = command{
		usage: "demo FICHIER",
		setup: func(fs *flag.FlagSet) func([]string, io.Writer) error {
			return func(pos []string, out io.Writer) error {
				if err := needArgs(pos, 1, "un fichier de résidence (.copro)"); err != nil {
					return err
				}
				r, err := app.WriteDemo(pos[0])
				if err != nil {
					return err
				}
				defer r.Close()
				fmt.Fprintf(out, "Résidence de démonstration écrite dans %s.\n", pos[0])
				return nil
			}
		},
	}
}
