package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"tantieme/app"
	"tantieme/internal/fr"
	"tantieme/ledger"
)

// recoverableJSON is `recoverable FILE --year N --json`: the landlords'
// statements of recoverable charges over the exercise.
type recoverableJSON struct {
	From   string                 `json:"from"`
	To     string                 `json:"to"`
	Total  string                 `json:"total"`
	Owners []recoverableOwnerJSON `json:"owners"`
	Files  []string               `json:"files"`
}

type recoverableOwnerJSON struct {
	Account string               `json:"account"`
	Name    string               `json:"name"`
	Total   string               `json:"total"`
	Lots    []recoverableLotJSON `json:"lots"`
}

type recoverableLotJSON struct {
	Lot   string               `json:"lot"`
	Label string               `json:"label"`
	Total string               `json:"total"`
	Keys  []recoverableKeyJSON `json:"keys"`
}

type recoverableKeyJSON struct {
	Key         string                `json:"key"`
	Label       string                `json:"label"`
	Shares      string                `json:"shares"`
	TotalShares string                `json:"total_shares"`
	Total       string                `json:"total"`
	Lines       []recoverableLineJSON `json:"lines"`
}

type recoverableLineJSON struct {
	Date        string `json:"date"`
	Piece       string `json:"piece"`
	Account     string `json:"account"`
	Label       string `json:"label"`
	Amount      string `json:"amount"`
	Percent     int    `json:"percent"`
	Recoverable string `json:"recoverable"`
	Part        string `json:"part"`
}

func init() {
	commands["recoverable"] = command{
		usage: "recoverable FICHIER --year N [--owner 450xxx] --out PDF [--json]",
		setup: func(fs *flag.FlagSet) func([]string, io.Writer) error {
			year := fs.Int("year", 0, "exercice commençant en N")
			owner := fs.String("owner", "", "un seul copropriétaire (compte 450xxx) ; par défaut tous les bailleurs")
			outPath := fs.String("out", "", "PDF à écrire (sans --owner : tous les relevés, et celui de chaque bailleur à côté)")
			asJSON := fs.Bool("json", false, "sortie JSON")
			return func(pos []string, out io.Writer) error {
				if err := needArgs(pos, 1, "un fichier de résidence (.copro)"); err != nil {
					return err
				}
				if *year == 0 || *outPath == "" {
					return usagef("--year et --out sont obligatoires")
				}
				return recoverable(pos[0], *year, strings.TrimSpace(*owner), *outPath, *asJSON, out)
			}
		},
	}
}

func recoverable(file string, year int, owner, outPath string, asJSON bool, out io.Writer) error {
	info := out
	if asJSON {
		info = io.Discard // --json prints the JSON document and nothing else
	}
	r, err := openForDocuments(file, info)
	if err != nil {
		return err
	}
	defer r.Close()
	ex, err := r.ExerciseOfYear(year)
	if err != nil {
		return err
	}
	opt := app.RecoverableOptions{From: ex.Start, To: ex.End}
	if owner != "" {
		opt.Owners = []string{owner}
	}
	list, err := r.RecoverableStatements(opt)
	if err != nil {
		return err
	}
	var files []string
	if owner != "" {
		if err := r.WriteRecoverableStatement(outPath, opt); err != nil {
			return err
		}
		files = []string{outPath}
	} else {
		wf, err := r.WriteRecoverableStatements(filepath.Dir(outPath), outPath, opt)
		if err != nil {
			return err
		}
		files = append([]string{wf.Combined}, wf.Owners...)
	}
	if !asJSON {
		var total ledger.Amount
		for _, st := range list {
			total += st.Total
		}
		fmt.Fprintf(out, "%s de charges récupérables de l'exercice %s (%s au total) — %s.\n",
			fr.Count(len(list), "relevé écrit", "relevés écrits"), ex.Name(), total, outPath)
		return nil
	}
	doc := recoverableJSON{From: ledger.ISO(ex.Start), To: ledger.ISO(ex.End), Owners: []recoverableOwnerJSON{}, Files: files}
	var total ledger.Amount
	for _, st := range list {
		o := recoverableOwnerJSON{Account: st.Owner.Account, Name: st.Owner.Name, Total: st.Total.Plain(), Lots: []recoverableLotJSON{}}
		for _, l := range st.Lots {
			lj := recoverableLotJSON{Lot: l.Lot, Label: l.Label, Total: l.Total.Plain()}
			for _, k := range l.Keys {
				kj := recoverableKeyJSON{Key: k.Key, Label: k.Label, Shares: k.Shares.String(), TotalShares: k.TotalShares.String(), Total: k.Total.Plain()}
				for _, ln := range k.Lines {
					kj.Lines = append(kj.Lines, recoverableLineJSON{Date: ledger.ISO(ln.Date), Piece: ln.Piece, Account: ln.Account, Label: ln.Label,
						Amount: ln.Amount.Plain(), Percent: ln.Percent, Recoverable: ln.Recoverable.Plain(), Part: ln.Part.Plain()})
				}
				lj.Keys = append(lj.Keys, kj)
			}
			o.Lots = append(o.Lots, lj)
		}
		total += st.Total
		doc.Owners = append(doc.Owners, o)
	}
	doc.Total = total.Plain()
	return writeJSON(out, doc)
}
