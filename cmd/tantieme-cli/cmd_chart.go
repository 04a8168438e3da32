package main

import (
	"flag"
	"fmt"
	"io"

	"tantieme/app"
	"tantieme/ledger"
)

// accountJSON is one account of `accounts FILE --json`.
type accountJSON struct {
	Account string `json:"account"`
	Label   string `json:"label"`
	Hidden  bool   `json:"hidden"`
}

// journalJSON is one journal of `journals FILE --json`.
type journalJSON struct {
	Code     string `json:"code"`
	Label    string `json:"label"`
	Standard bool   `json:"standard"`
}

func init() {
	commands["accounts"] = command{
		usage: "accounts FICHIER [--delete COMPTE] [--json]",
		setup: func(fs *flag.FlagSet) func([]string, io.Writer) error {
			del := fs.String("delete", "", "supprime un sous-compte jamais utilisé (ni écriture, ni budget, ni appel, ni facture, ni banque, ni campagne de travaux)")
			asJSON := fs.Bool("json", false, "sortie JSON")
			return func(pos []string, out io.Writer) error {
				if err := needArgs(pos, 1, "un fichier de résidence (.copro)"); err != nil {
					return err
				}
				open := app.OpenReadOnly
				if *del != "" {
					open = app.Open
				}
				r, err := open(pos[0])
				if err != nil {
					return err
				}
				defer r.Close()
				if *del != "" {
					if err := r.DeleteAccount(*del); err != nil {
						return err
					}
					if !*asJSON {
						_, err := fmt.Fprintf(out, "Compte %s supprimé du plan comptable\n", *del)
						return err
					}
				}
				list, err := r.Accounts()
				if err != nil {
					return err
				}
				if *asJSON {
					docs := make([]accountJSON, 0, len(list))
					for _, a := range list {
						docs = append(docs, accountJSON{Account: a.Code, Label: a.Label, Hidden: a.Hidden})
					}
					return writeJSON(out, docs)
				}
				t := newTable([]string{"Compte", "Libellé", "Masqué"})
				for _, a := range list {
					t.add(a.Code, a.Label, map[bool]string{true: "oui", false: ""}[a.Hidden])
				}
				return t.write(out)
			}
		},
	}
	commands["journals"] = command{
		usage: "journals FICHIER [--add CODE --label L | --rename CODE --label L | --delete CODE] [--json]",
		setup: func(fs *flag.FlagSet) func([]string, io.Writer) error {
			add := fs.String("add", "", "ajoute un journal (code de 1 à 4 caractères)")
			rename := fs.String("rename", "", "change le libellé d'un journal")
			del := fs.String("delete", "", "supprime un journal sans écriture (jamais AC, BQ, OD ni AN)")
			label := fs.String("label", "", "libellé du journal")
			asJSON := fs.Bool("json", false, "sortie JSON")
			return func(pos []string, out io.Writer) error {
				if err := needArgs(pos, 1, "un fichier de résidence (.copro)"); err != nil {
					return err
				}
				n := 0
				for _, v := range []string{*add, *rename, *del} {
					if v != "" {
						n++
					}
				}
				switch {
				case n > 1:
					return usagef("une seule opération à la fois : --add, --rename ou --delete")
				case (*add != "" || *rename != "") && *label == "":
					return usagef("--add et --rename demandent --label")
				case *label != "" && *add == "" && *rename == "":
					return usagef("--label accompagne --add ou --rename")
				}
				open := app.OpenReadOnly
				if n > 0 {
					open = app.Open
				}
				r, err := open(pos[0])
				if err != nil {
					return err
				}
				defer r.Close()
				switch {
				case *add != "":
					err = r.AddJournal(ledger.Journal{Code: *add, Label: *label})
				case *rename != "":
					err = r.RenameJournal(ledger.Journal{Code: *rename, Label: *label})
				case *del != "":
					err = r.DeleteJournal(*del)
				}
				if err != nil {
					return err
				}
				list, err := r.JournalList()
				if err != nil {
					return err
				}
				if *asJSON {
					docs := make([]journalJSON, 0, len(list))
					for _, j := range list {
						docs = append(docs, journalJSON{Code: j.Code, Label: j.Label, Standard: ledger.IsStandardJournal(j.Code)})
					}
					return writeJSON(out, docs)
				}
				t := newTable([]string{"Journal", "Libellé"})
				for _, j := range list {
					t.add(j.Code, j.Label)
				}
				return t.write(out)
			}
		},
	}
}
