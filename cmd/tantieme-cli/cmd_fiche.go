package main

import (
	"flag"
	"fmt"
	"io"

	"tantieme/app/registry"
	"tantieme/ledger"
)

// figuresJSON are the books' figures of the fiche and the register's
// update (amounts as strings with a dot, CLI.md).
type figuresJSON struct {
	Year           int    `json:"year"`
	Provisional    bool   `json:"provisional"`
	Closing        string `json:"closing"`
	Budget         string `json:"budget"`
	CurrentCharges string `json:"current_charges"`
	OtherCharges   string `json:"other_charges"`
	Charges        string `json:"charges"`
	Unpaid         string `json:"unpaid"`
	Debtors        int    `json:"debtors_over_300"`
	Suppliers      string `json:"suppliers"`
	WorksFund      string `json:"works_fund"`
	Lots           int    `json:"lots"`
	MainLots       int    `json:"main_lots"`
	OtherLots      int    `json:"other_lots"`
	Owners         int    `json:"owners"`
}

func figuresDoc(f registry.Figures) figuresJSON {
	return figuresJSON{Year: f.Exercise.Year(), Provisional: f.Provisional, Closing: ledger.ISO(f.Exercise.End),
		Budget: f.Budget.Plain(), CurrentCharges: f.CurrentCharges.Plain(), OtherCharges: f.OtherCharges.Plain(), Charges: f.Charges().Plain(),
		Unpaid: f.Unpaid.Plain(), Debtors: f.Debtors, Suppliers: f.Suppliers.Plain(), WorksFund: f.WorksFund.Plain(),
		Lots: f.Lots, MainLots: f.MainLots, OtherLots: f.OtherLots, Owners: f.Owners}
}

// profileDoc is the profile as field → value, the names --set takes.
func profileDoc(p registry.Profile) map[string]string {
	out := map[string]string{}
	for _, f := range registry.Fields {
		out[f.Name] = p.Get(f.Name)
	}
	return out
}

// ficheJSON is `fiche FILE --out PATH --json`.
type ficheJSON struct {
	Date      string            `json:"date"`
	File      string            `json:"file"`
	Buildings int               `json:"buildings"`
	Profile   map[string]string `json:"profile"`
	figuresJSON
}

func init() {
	commands["fiche"] = command{
		usage: "fiche FICHIER --out PDF [--date AAAA-MM-JJ] [--json]",
		setup: func(fs *flag.FlagSet) func([]string, io.Writer) error {
			outPath := fs.String("out", "", "PDF à écrire")
			date := fs.String("date", "", "date de la fiche (par défaut aujourd'hui) : elle reprend le dernier exercice clos à cette date")
			asJSON := fs.Bool("json", false, "sortie JSON")
			return func(pos []string, out io.Writer) error {
				if err := needArgs(pos, 1, "un fichier de résidence (.copro)"); err != nil {
					return err
				}
				if *outPath == "" {
					return usagef("--out est obligatoire")
				}
				at := ledger.Today()
				if *date != "" {
					var err error
					if at, err = ledger.ParseDate(*date); err != nil {
						return ledger.Wrap(ledger.Invalid, err, "--date : %s", ledger.Message(err))
					}
				}
				msgs := io.Discard
				if !*asJSON {
					msgs = out
				}
				r, err := openForDocuments(pos[0], msgs)
				if err != nil {
					return err
				}
				defer r.Close()
				fiche, err := registry.WriteFiche(r, *outPath, at, ledger.Now())
				if err != nil {
					return err
				}
				if *asJSON {
					return writeJSON(out, ficheJSON{Date: ledger.ISO(at), File: *outPath, Buildings: fiche.Buildings, Profile: profileDoc(fiche.Profile), figuresJSON: figuresDoc(fiche.Figures)})
				}
				_, err = fmt.Fprintf(out, "Fiche synthétique au %s (comptes de l'exercice %s) écrite dans %s.\n", ledger.FrenchDate(at), fiche.Exercise.Name(), *outPath)
				return err
			}
		},
	}
}
