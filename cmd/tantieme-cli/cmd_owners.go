package main

import (
	"flag"
	"io"
	"strings"
	"time"

	"tantieme/app"
	"tantieme/ledger"
)

type ownerJSON struct {
	Account string            `json:"account"`
	Name    string            `json:"name"`
	Lots    []string          `json:"lots"`
	Shares  map[string]string `json:"shares"`
	Balance string            `json:"balance"`
}

func init() {
	commands["owners"] = command{
		usage: "owners FICHIER [--at AAAA-MM-JJ] [--json]",
		setup: func(fs *flag.FlagSet) func([]string, io.Writer) error {
			at := fs.String("at", "", "date du solde (par défaut la date de la dernière écriture)")
			asJSON := fs.Bool("json", false, "sortie JSON")
			return func(pos []string, out io.Writer) error {
				if err := needArgs(pos, 1, "un fichier de résidence (.copro)"); err != nil {
					return err
				}
				var day time.Time
				if *at != "" {
					var err error
					if day, err = ledger.ParseDate(*at); err != nil {
						return err
					}
				}
				r, err := app.OpenReadOnly(pos[0])
				if err != nil {
					return err
				}
				defer r.Close()
				list, err := r.OwnerSummaries(day)
				if err != nil {
					return err
				}
				if *asJSON {
					docs := make([]ownerJSON, 0, len(list))
					for _, o := range list {
						d := ownerJSON{Account: o.Account, Name: o.Name, Lots: o.Lots, Shares: map[string]string{}, Balance: o.Balance.Plain()}
						if d.Lots == nil {
							d.Lots = []string{}
						}
						for k, s := range o.Shares {
							if !s.IsZero() {
								d.Shares[k] = s.String()
							}
						}
						docs = append(docs, d)
					}
					return writeJSON(out, docs)
				}
				t := newTable([]string{"Compte", "Nom", "Lots", "Tantièmes 001", "Solde"}, 3, 4)
				for _, o := range list {
					t.add(o.Account, o.Name, strings.Join(o.Lots, ", "), o.GeneralShares().String(), o.Balance.String())
				}
				return t.write(out)
			}
		},
	}
}
