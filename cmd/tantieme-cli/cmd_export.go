package main

import (
	"flag"
	"fmt"
	"io"

	"tantieme/app"
	"tantieme/ledger"
)

// exporters are the export kinds this build knows.
var exporters = map[string]func(r *app.Residence, ex ledger.Exercise, w io.Writer) error{
	"fec":     func(r *app.Residence, ex ledger.Exercise, w io.Writer) error { return r.ExportFEC(w, ex) },
	"hledger": func(r *app.Residence, ex ledger.Exercise, w io.Writer) error { return r.ExportHledger(w, ex) },
	"xlsx":    func(r *app.Residence, ex ledger.Exercise, w io.Writer) error { return r.ExportXLSX(w, ex) },
}

func init() {
	commands["export"] = command{
		usage: "export FICHIER TYPE [--year N] --out CHEMIN   (TYPE : fec, hledger, xlsx)",
		setup: func(fs *flag.FlagSet) func([]string, io.Writer) error {
			year := fs.Int("year", 0, "exercice commençant en N (par défaut l'exercice en cours)")
			outPath := fs.String("out", "", "fichier à écrire")
			return func(pos []string, out io.Writer) error {
				if err := needArgs(pos, 2, "un fichier de résidence et un type d'export"); err != nil {
					return err
				}
				export, ok := exporters[pos[1]]
				if !ok {
					return usagef("type d'export inconnu « %s »", pos[1])
				}
				if *outPath == "" {
					return usagef("--out est obligatoire")
				}
				// Refused before the residence is even opened.
				if err := ledger.CheckOutput(*outPath); err != nil {
					return err
				}
				r, err := app.OpenReadOnly(pos[0])
				if err != nil {
					return err
				}
				defer r.Close()
				var ex ledger.Exercise
				if err := r.View(func(tx *ledger.Tx) (err error) { ex, err = exerciseArg(tx, *year); return err }); err != nil {
					return err
				}
				if err := writeFileAtomic(*outPath, func(w io.Writer) error { return export(r, ex, w) }); err != nil {
					return err
				}
				fmt.Fprintf(out, "Export %s de l'exercice %s écrit dans %s.\n", pos[1], ex.Name(), *outPath)
				return nil
			}
		},
	}
}

// writeFileAtomic writes an output through ledger.WriteOutput: never over
// a residence, its lock or its backups, and never half a file.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	return ledger.WriteOutput(path, write)
}
