package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"tantieme/app"
	"tantieme/app/export"
	"tantieme/ledger"
)

// exporters are the export kinds this build knows.
var exporters = map[string]func(r *app.Residence, ex ledger.Exercise, w io.Writer) error{
	"fec":     func(r *app.Residence, ex ledger.Exercise, w io.Writer) error { return export.FEC(r, w, ex) },
	"hledger": func(r *app.Residence, ex ledger.Exercise, w io.Writer) error { return export.Hledger(r, w, ex) },
	"xlsx":    func(r *app.Residence, ex ledger.Exercise, w io.Writer) error { return export.XLSX(r, w, ex) },
}

func init() {
	commands["export"] = command{
		usage: "export FICHIER TYPE [--year N] --out CHEMIN [--encoding utf8|latin9]   (TYPE : fec, hledger, xlsx ;" +
			" FEC : --out DOSSIER le nomme SIRENFECAAAAMMJJ.txt, " + export.FECNoSIREN + " tenant lieu de SIREN si la résidence n'en a pas)",
		setup: func(fs *flag.FlagSet) func([]string, io.Writer) error {
			year := fs.Int("year", 0, "exercice commençant en N (par défaut l'exercice en cours)")
			outPath := fs.String("out", "", "fichier à écrire (FEC : ou dossier où l'écrire sous son nom réglementaire)")
			encoding := fs.String("encoding", "", "FEC : utf8 (par défaut) ou latin9 (ISO 8859-15)")
			return func(pos []string, out io.Writer) error {
				if err := needArgs(pos, 2, "un fichier de résidence et un type d'export"); err != nil {
					return err
				}
				write, ok := exporters[pos[1]]
				if !ok {
					return usagef("type d'export inconnu « %s »", pos[1])
				}
				if *outPath == "" {
					return usagef("--out est obligatoire")
				}
				inDir := false
				if pos[1] == "fec" {
					enc, err := export.ParseFECEncoding(*encoding)
					if err != nil {
						return usagef("--encoding : utf8 ou latin9")
					}
					write = func(r *app.Residence, ex ledger.Exercise, w io.Writer) error { return export.FECEncoded(r, w, ex, enc) }
					st, err := os.Stat(*outPath)
					inDir = err == nil && st.IsDir()
				} else if *encoding != "" {
					return usagef("--encoding ne vaut que pour le FEC")
				}
				// Refused before the residence is even opened.
				if !inDir {
					if err := ledger.CheckOutput(*outPath); err != nil {
						return err
					}
				}
				r, err := app.OpenReadOnly(pos[0])
				if err != nil {
					return err
				}
				defer r.Close()
				ex, err := r.ExerciseOfYear(*year)
				if err != nil {
					return err
				}
				if inDir {
					name, err := export.FECName(r, ex)
					if err != nil {
						return err
					}
					*outPath = filepath.Join(*outPath, name)
					if err := ledger.CheckOutput(*outPath); err != nil {
						return err
					}
				}
				if err := writeFileAtomic(*outPath, func(w io.Writer) error { return write(r, ex, w) }); err != nil {
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
