package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"tantieme/app"
	"tantieme/app/registry"
	"tantieme/ledger"
)

// fieldList is a repeated --set champ=valeur.
type fieldList []string

func (l *fieldList) String() string     { return strings.Join(*l, " ") }
func (l *fieldList) Set(s string) error { *l = append(*l, s); return nil }

// registryJSON is `registry FILE --year N --out PATH --json`.
type registryJSON struct {
	Approved string `json:"approved"`
	Due      string `json:"due"`
	File     string `json:"file"`
	figuresJSON
}

// approvedJSON is `registry FILE --approved D --year N --json`.
type approvedJSON struct {
	Year     int    `json:"year"`
	Approved string `json:"approved"`
	Due      string `json:"due"`
}

func init() {
	commands["registry"] = command{
		usage: "registry FICHIER [--set champ=valeur]… [--json] | registry FICHIER --approved AAAA-MM-JJ --year N [--json] | registry FICHIER --year N --out PDF [--json]" +
			" — sans option, montre les renseignements gardés ; champs de --set : " + registry.FieldNames(),
		setup: func(fs *flag.FlagSet) func([]string, io.Writer) error {
			var set fieldList
			fs.Var(&set, "set", "champ=valeur de la fiche d'immatriculation (plusieurs fois pour plusieurs champs ; valeur vide pour effacer)")
			approved := fs.String("approved", "", "date de l'assemblée qui a approuvé les comptes de l'exercice --year (« none » efface la date)")
			year := fs.Int("year", 0, "exercice commençant en N")
			outPath := fs.String("out", "", "PDF de la mise à jour annuelle du registre à écrire")
			asJSON := fs.Bool("json", false, "sortie JSON")
			return func(pos []string, out io.Writer) error {
				if err := needArgs(pos, 1, "un fichier de résidence (.copro)"); err != nil {
					return err
				}
				modes := 0
				for _, on := range []bool{len(set) > 0, *approved != "", *outPath != ""} {
					if on {
						modes++
					}
				}
				switch {
				case modes > 1:
					return usagef("--set, --approved et --out ne vont pas ensemble : une chose à la fois")
				case (*approved != "" || *outPath != "") && *year == 0:
					return usagef("--year est obligatoire avec --approved et --out")
				case modes == 0 && *year != 0:
					return usagef("--year accompagne --approved ou --out")
				}
				switch {
				case *approved != "":
					return setApproved(pos[0], *year, *approved, *asJSON, out)
				case *outPath != "":
					return writeUpdate(pos[0], *year, *outPath, *asJSON, out)
				}
				open := app.OpenReadOnly
				if len(set) > 0 {
					open = app.Open
				}
				r, err := open(pos[0])
				if err != nil {
					return err
				}
				defer r.Close()
				var p registry.Profile
				if len(set) > 0 {
					p, err = registry.SetFields(r, set)
				} else {
					p, err = registry.LoadProfile(r)
				}
				if err != nil {
					return err
				}
				if *asJSON {
					return writeJSON(out, profileDoc(p))
				}
				t := newTable([]string{"Champ", "Valeur", "Signification"})
				for _, f := range registry.Fields {
					v := p.Get(f.Name)
					if l := registry.Label(f.Choices, v); f.Choices != nil && v != "" && l != "" {
						v += " (" + l + ")"
					}
					t.add(f.Name, v, f.Label)
				}
				return t.write(out)
			}
		},
	}
}

func setApproved(file string, year int, day string, asJSON bool, out io.Writer) error {
	var d time.Time
	if day != "none" {
		var err error
		if d, err = ledger.ParseDate(day); err != nil {
			return ledger.Wrap(ledger.Invalid, err, "--approved : %s", ledger.Message(err))
		}
	}
	r, err := app.Open(file)
	if err != nil {
		return err
	}
	defer r.Close()
	if err := registry.SetAccountsApproved(r, year, d); err != nil {
		return err
	}
	doc := approvedJSON{Year: year}
	if !d.IsZero() {
		doc.Approved, doc.Due = ledger.ISO(d), ledger.ISO(registry.UpdateDue(d))
	}
	if asJSON {
		return writeJSON(out, doc)
	}
	if d.IsZero() {
		_, err = fmt.Fprintf(out, "Date d'approbation des comptes de l'exercice commençant en %d effacée.\n", year)
		return err
	}
	_, err = fmt.Fprintf(out, "Comptes de l'exercice commençant en %d approuvés le %s : mise à jour du registre à déclarer au plus tard le %s.\n",
		year, ledger.FrenchDate(d), ledger.FrenchDate(registry.UpdateDue(d)))
	return err
}

func writeUpdate(file string, year int, path string, asJSON bool, out io.Writer) error {
	msgs := io.Discard
	if !asJSON {
		msgs = out
	}
	r, err := openForDocuments(file, msgs)
	if err != nil {
		return err
	}
	defer r.Close()
	u, err := registry.WriteAnnualUpdate(r, path, year, ledger.Now())
	if err != nil {
		return err
	}
	if asJSON {
		return writeJSON(out, registryJSON{Approved: ledger.ISO(u.Approved), Due: ledger.ISO(u.Due), File: path, figuresJSON: figuresDoc(u.Figures)})
	}
	_, err = fmt.Fprintf(out, "Mise à jour du registre de l'exercice %s écrite dans %s : à déclarer au plus tard le %s.\n", u.Exercise.Name(), path, ledger.FrenchDate(u.Due))
	return err
}
