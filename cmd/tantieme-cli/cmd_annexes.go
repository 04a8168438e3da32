package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"tantieme/app/closing"
	"tantieme/internal/fr"
	"tantieme/ledger"
)

// reportAnnexe writes annexe n of the exercise (0: the five in one PDF)
// into the file --out. The cross-checks are printed in the PDF; when one
// fails the file is still written, and the command says so and exits 1, so
// that a script never takes wrong annexes for good ones.
func reportAnnexe(n int) func(file string, a reportArgs, out io.Writer) error {
	return func(file string, a reportArgs, out io.Writer) error {
		r, err := openForDocuments(file, out)
		if err != nil {
			return err
		}
		defer r.Close()
		ex, err := r.ExerciseOfYear(a.year)
		if err != nil {
			return err
		}
		var which []int
		what, written := "Annexes 1 à 5", "écrites"
		if n > 0 {
			which = []int{n}
			what, written = fmt.Sprintf("Annexe n° %d", n), "écrite"
		}
		pdf, d, err := closing.AnnexesPDF(r, ex, which, ledger.Now())
		if err != nil {
			return err
		}
		if dir := filepath.Dir(a.out); dir != "" {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return ledger.Wrap(ledger.Invalid, err, "Le dossier « %s » ne peut pas être créé", dir)
			}
		}
		if err := ledger.WriteOutputBytes(a.out, pdf); err != nil {
			return err
		}
		draft := ""
		if d.Provisional {
			draft = " (PROJET : l'exercice n'est pas clôturé)"
		}
		checks, failed := 0, []string{}
		for _, c := range d.Checks {
			if n != 0 && c.Annexe != n {
				continue
			}
			if c.Warning {
				if !c.OK() {
					fmt.Fprintf(out, "Attention : %s (%s / %s).\n", c.Text, c.Left, c.Right)
				}
				continue
			}
			checks++
			if !c.OK() {
				failed = append(failed, fmt.Sprintf("%s : %s au lieu de %s", c.Text, c.Left, c.Right))
			}
		}
		if len(failed) > 0 {
			return ledger.Errorf(ledger.Invalid, "%s de l'exercice %s %s dans %s, mais %d contrôle(s) sur %d ne sont pas vérifiés : %s",
				what, ex.Name(), written, a.out, len(failed), checks, strings.Join(failed, " ; "))
		}
		fmt.Fprintf(out, "%s de l'exercice %s %s dans %s%s — %s vérifiés.\n", what, ex.Name(), written, a.out, draft,
			fr.Count(checks, "contrôle", "contrôles"))
		return nil
	}
}

// reportDecomptes writes the owners' statements of the exercise into the
// folder --out.
func reportDecomptes(file string, a reportArgs, out io.Writer) error {
	r, err := openForDocuments(file, out)
	if err != nil {
		return err
	}
	defer r.Close()
	ex, err := r.ExerciseOfYear(a.year)
	if err != nil {
		return err
	}
	df, err := closing.WriteDecomptes(r, a.out, ex, closing.DecompteOptions{})
	if err != nil {
		return err
	}
	draft := ""
	if df.Preview {
		draft = " (APERÇU : l'exercice n'est pas clôturé)"
	}
	fmt.Fprintf(out, "%s de l'exercice %s dans %s%s.\n", fr.Count(len(df.Owners), "décompte écrit", "décomptes écrits"), ex.Name(), a.out, draft)
	return nil
}
