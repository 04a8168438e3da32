package main

import (
	"flag"
	"fmt"
	"io"
	"time"

	"tantieme/app"
	"tantieme/app/closing"
	"tantieme/ledger"
)

type quotePartsJSON struct {
	Year        int             `json:"year"`
	Provisional bool            `json:"provisional"`
	OwnersAt    string          `json:"owners_at"`
	Budget      string          `json:"budget"`
	Actual      string          `json:"actual"`
	Keys        []quoteKeyJSON  `json:"keys"`
	Owners      []quoteOwnerDoc `json:"owners"`
}

type quoteKeyJSON struct {
	Key         string `json:"key"`
	Label       string `json:"label"`
	TotalShares string `json:"total_shares"`
	Budget      string `json:"budget"`
	Actual      string `json:"actual"`
}

type quoteOwnerDoc struct {
	Account string          `json:"account"`
	Name    string          `json:"name"`
	Lots    []string        `json:"lots"`
	Budget  string          `json:"budget"`
	Actual  string          `json:"actual"`
	Keys    []quotePartJSON `json:"keys"`
}

type quotePartJSON struct {
	Key    string `json:"key"`
	Shares string `json:"shares"`
	Budget string `json:"budget"`
	Actual string `json:"actual"`
}

func init() {
	commands["quote-parts"] = command{
		usage: "quote-parts FICHIER --year N [--owner 450xxx] [--json] [--out PDF]",
		setup: func(fs *flag.FlagSet) func([]string, io.Writer) error {
			year := fs.Int("year", 0, "exercice commençant en N")
			owner := fs.String("owner", "", "un seul copropriétaire")
			asJSON := fs.Bool("json", false, "sortie JSON")
			pdfOut := fs.String("out", "", "PDF à écrire")
			return func(pos []string, out io.Writer) error {
				if err := needArgs(pos, 1, "un fichier de résidence (.copro)"); err != nil {
					return err
				}
				if *year == 0 {
					return usagef("--year est obligatoire")
				}
				if *asJSON && *pdfOut != "" {
					return usagef("--json et --out ne vont pas ensemble")
				}
				open := app.OpenReadOnly
				if *pdfOut != "" {
					open = func(f string) (*app.Residence, error) { return openForDocuments(f, out) }
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
				q, err := closing.QuotePartsOf(r, ex)
				if err != nil {
					return err
				}
				if *owner != "" {
					if _, ok := q.Owner(*owner); !ok {
						return ledger.Errorf(ledger.NotFound, "Le copropriétaire %s n'a aucune quote-part dans l'exercice %s", *owner, ex.Name())
					}
				}
				switch {
				case *asJSON:
					return writeJSON(out, quotePartsDoc(q, *owner))
				case *pdfOut != "":
					printed := ledger.Now()
					pdf, err := closing.QuotePartsPDF(r, q, *owner, printed)
					if err != nil {
						return err
					}
					meta := closing.QuotePartsProduced(r, "", q, *owner, printed)
					meta.Path = *pdfOut
					if err := r.WriteDocument(pdf, meta); err != nil {
						return err
					}
					fmt.Fprintf(out, "Détail des répartitions de l'exercice %s écrit dans %s%s.\n", ex.Name(), *pdfOut, provisional(q))
					return nil
				}
				t := newTable([]string{"Compte", "Copropriétaire", "Clé", "Tantièmes", "Budget", "Réel"}, 3, 4, 5)
				for _, o := range q.Owners {
					if *owner != "" && o.Account != *owner {
						continue
					}
					for _, pt := range o.Parts {
						t.add(o.Account, o.Name, pt.Key, pt.Shares.String()+"/"+pt.TotalShares.String(), pt.Budget.String(), pt.Actual.String())
					}
					t.add(o.Account, "Total", "", "", o.Budget.String(), o.Actual.String())
				}
				if *owner == "" {
					t.add("", "Total", "", "", q.Budget.String(), q.Actual.String())
				}
				if err := t.write(out); err != nil {
					return err
				}
				if q.Provisional {
					fmt.Fprintf(out, "Provisoire : l'exercice %s n'est pas clos, le réel est une projection des comptes.\n", ex.Name())
				}
				return nil
			}
		},
	}
}

func provisional(q *closing.QuoteParts) string {
	if q.Provisional {
		return " (provisoire : l'exercice n'est pas clos)"
	}
	return ""
}

func quotePartsDoc(q *closing.QuoteParts, owner string) quotePartsJSON {
	doc := quotePartsJSON{Year: q.Exercise.Year(), Provisional: q.Provisional, OwnersAt: q.OwnersAt.Format(time.DateOnly),
		Budget: q.Budget.Plain(), Actual: q.Actual.Plain(), Keys: []quoteKeyJSON{}, Owners: []quoteOwnerDoc{}}
	for _, k := range q.Keys {
		doc.Keys = append(doc.Keys, quoteKeyJSON{Key: k.Key, Label: k.Label, TotalShares: k.TotalShares.String(), Budget: k.Budget.Plain(), Actual: k.Actual.Plain()})
	}
	for _, o := range q.Owners {
		if owner != "" && o.Account != owner {
			continue
		}
		d := quoteOwnerDoc{Account: o.Account, Name: o.Name, Lots: o.Lots, Budget: o.Budget.Plain(), Actual: o.Actual.Plain(), Keys: []quotePartJSON{}}
		if d.Lots == nil {
			d.Lots = []string{}
		}
		for _, pt := range o.Parts {
			d.Keys = append(d.Keys, quotePartJSON{Key: pt.Key, Shares: pt.Shares.String(), Budget: pt.Budget.Plain(), Actual: pt.Actual.Plain()})
		}
		doc.Owners = append(doc.Owners, d)
	}
	return doc
}
