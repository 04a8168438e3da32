package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"tantieme/app"
	"tantieme/ledger"
)

func init() {
	commands["check"] = command{
		usage: "check FICHIER [--year N --seal EMPREINTE]",
		setup: func(fs *flag.FlagSet) func([]string, io.Writer) error {
			year := fs.Int("year", 0, "avec --seal : l'exercice commençant en N dont un document porte l'empreinte")
			seal := fs.String("seal", "", "empreinte imprimée sur un document (XXXX-XXXX-XXXX-XXXX) : vérifie que la chaîne des écritures passe toujours par elle")
			return func(pos []string, out io.Writer) error {
				if err := needArgs(pos, 1, "un fichier de résidence (.copro)"); err != nil {
					return err
				}
				if (*seal == "") != (*year == 0) {
					return usagef("--seal et --year vont ensemble : check FICHIER --year 2025 --seal XXXX-XXXX-XXXX-XXXX")
				}
				r, err := app.OpenInspect(pos[0])
				if err != nil {
					return err
				}
				defer r.Close()
				if h := r.Crashed(); h != nil {
					fmt.Fprintf(out, "%s : %s s'est arrêté sans fermer la résidence ; ses opérations inachevées ont été annulées.\n", pos[0], h)
				}
				problems, err := r.Check(true)
				if err != nil {
					return err
				}
				for _, p := range problems {
					fmt.Fprintln(out, p)
				}
				if len(problems) > 0 {
					return ledger.Errorf(ledger.Invalid, "%s : %d problème(s) trouvé(s)", pos[0], len(problems))
				}
				if len(r.Damage()) == 0 {
					if err := printFingerprints(out, r); err != nil {
						return err
					}
				}
				if *seal != "" {
					return checkSeal(out, r, pos[0], *year, *seal)
				}
				fmt.Fprintf(out, "%s : aucun problème.\n", pos[0])
				return nil
			}
		},
	}
}

// printFingerprints says each exercise's fingerprint: what documents print
// now, to be compared with the ones printed before.
func printFingerprints(out io.Writer, r *app.Residence) error {
	list, err := r.CurrentFingerprints()
	if err != nil {
		return err
	}
	current := ""
	for _, f := range list {
		switch {
		case f.Fingerprint == "":
		case f.Sealed:
			fmt.Fprintf(out, "Exercice %s : scellé de la clôture %s\n", f.Exercise.Name(), f.Fingerprint)
		default:
			current = f.Fingerprint // the chain's last link, the same for every open exercise
		}
	}
	if current != "" {
		fmt.Fprintf(out, "Empreinte actuelle des comptes (exercices ouverts) : %s\n", current)
	}
	return nil
}

// checkSeal tells whether the chain of entries still passes through a
// fingerprint printed on a document about the exercise of year.
func checkSeal(out io.Writer, r *app.Residence, file string, year int, seal string) error {
	v, err := r.VerifyFingerprint(year, seal)
	if err != nil {
		return err
	}
	name := v.Exercise.Name()
	if !v.Found {
		return ledger.Errorf(ledger.Invalid, "%s : l'empreinte %s ne figure pas dans la chaîne des écritures : les comptes de l'exercice %s ne sont plus ceux qu'elle a scellés (modifiés hors de Tantième, ou fichier remplacé), à moins qu'elle ait été mal recopiée", file, v.Fingerprint, name)
	}
	what := "la chaîne des écritures passe toujours par elle"
	if v.Sealed {
		what += " ; c'est le scellé de la clôture de l'exercice " + name
	}
	fmt.Fprintf(out, "Empreinte %s (rang %d) : %s.\n", v.Fingerprint, v.Record.Seq, what)
	if len(v.Changed) == 0 {
		fmt.Fprintf(out, "Aucune écriture de l'exercice %s présente à ce moment n'a été modifiée ni supprimée depuis.\n", name)
	} else {
		fmt.Fprintf(out, "Depuis, dans l'exercice %s (par Tantième, chaque version est gardée dans l'historique de l'écriture) : %s.\n", name, strings.Join(v.Changed, ", "))
	}
	if v.Added > 0 {
		fmt.Fprintf(out, "Écritures de l'exercice %s ajoutées depuis (clôture, saisies tardives) : %d.\n", name, v.Added)
	}
	return nil
}
