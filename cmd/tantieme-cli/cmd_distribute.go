package main

import (
	"flag"
	"io"
	"strings"
	"time"

	"tantieme/app"
	"tantieme/ledger"
)

type distributionJSON struct {
	Key         string            `json:"key"`
	Amount      string            `json:"amount"`
	Date        string            `json:"date"`
	TotalShares string            `json:"total_shares"`
	Owners      []distributionRow `json:"owners"`
}

type distributionRow struct {
	Account string   `json:"account"`
	Name    string   `json:"name"`
	Lots    []string `json:"lots"`
	Shares  string   `json:"shares"`
	Part    string   `json:"part"`
}

func init() {
	commands["distribute"] = command{
		usage: "distribute FICHIER --key CLÉ --amount MONTANT [--date AAAA-MM-JJ] [--json]",
		setup: func(fs *flag.FlagSet) func([]string, io.Writer) error {
			key := fs.String("key", "", "clé de répartition")
			amount := fs.String("amount", "", "montant à répartir")
			date := fs.String("date", "", "les copropriétaires de ce jour (par défaut aujourd'hui)")
			asJSON := fs.Bool("json", false, "sortie JSON")
			return func(pos []string, out io.Writer) error {
				if err := needArgs(pos, 1, "un fichier de résidence (.copro)"); err != nil {
					return err
				}
				if *key == "" || *amount == "" {
					return usagef("--key et --amount sont obligatoires")
				}
				a, err := ledger.ParseAmount(*amount)
				if err != nil {
					return err
				}
				now := ledger.Now()
				day := ledger.Date(now.Year(), now.Month(), now.Day())
				if *date != "" {
					if day, err = ledger.ParseDate(*date); err != nil {
						return err
					}
				}
				r, err := app.OpenReadOnly(pos[0])
				if err != nil {
					return err
				}
				defer r.Close()
				d, err := r.Distribute(*key, a, day)
				if err != nil {
					return err
				}
				if *asJSON {
					return writeJSON(out, distributionDoc(d))
				}
				t := newTable([]string{"Compte", "Copropriétaire", "Lots", "Tantièmes", "Part"}, 3, 4)
				for _, row := range d.Rows {
					t.add(row.Account, row.Name, strings.Join(row.Lots, ", "), row.Shares.String(), row.Part.String())
				}
				t.add("", "Total", "", d.TotalShares.String(), d.Total().String())
				return t.write(out)
			}
		},
	}
}

func distributionDoc(d app.Distribution) distributionJSON {
	doc := distributionJSON{Key: d.Key.Code, Amount: d.Amount.Plain(), Date: d.At.Format(time.DateOnly), TotalShares: d.TotalShares.String(),
		Owners: []distributionRow{}}
	for _, row := range d.Rows {
		doc.Owners = append(doc.Owners, distributionRow{Account: row.Account, Name: row.Name, Lots: row.Lots, Shares: row.Shares.String(), Part: row.Part.Plain()})
	}
	return doc
}
