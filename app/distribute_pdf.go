package app

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/reports"
)

// DistributionPDF prints a distribution: the key, the amount and the day,
// then each owner's lots, shares and part, with the totals.
func (r *Residence) DistributionPDF(d Distribution, printed time.Time) ([]byte, error) {
	name, err := r.residenceName()
	if err != nil {
		return nil, err
	}
	if printed.IsZero() {
		printed = ledger.Now()
	}
	cols := []reports.Column{{Title: "Compte", Width: 20}, {Title: "Copropriétaire"}, {Title: "Lots", Width: 35},
		{Title: "Tantièmes", Width: 22, Right: true}, {Title: "Part", Width: 28, Right: true}}
	var rows []reports.Row
	for _, row := range d.Rows {
		rows = append(rows, reports.Row{Cells: []string{row.Account, row.Name, strings.Join(row.Lots, ", "), fr.Shares(row.Shares), row.Part.Format()}})
	}
	rows = append(rows, reports.Row{Strong: true, Cells: []string{"", fr.Count(len(d.Rows), "copropriétaire", "copropriétaires"), "", fr.Shares(d.TotalShares), d.Total().Format()}})
	intro := []string{
		fmt.Sprintf("Montant réparti : %s sur la clé %s « %s », entre les copropriétaires au %s.", d.Amount, d.Key.Code, d.Key.Label, ledger.FrenchDate(d.At)),
		"Chaque part est calculée au prorata des tantièmes de ses lots, au centime près : les centimes restants vont aux plus forts restes, si bien que les parts font exactement le montant.",
	}
	pdf, err := reports.List(reports.Page{Title: "Répartition d'un montant", Subtitle: "Clé " + d.Key.Code + " – " + ledger.FrenchDate(d.At),
		Residence: name, Printed: printed}, []reports.ListSection{{Intro: intro, Columns: cols, Rows: rows}})
	return pdfResult(pdf, err, "la répartition")
}

// DistributionProduced is the register's line of a printed distribution
// written in dir.
func (r *Residence) DistributionProduced(dir string, d Distribution) Produced {
	return Produced{Path: filepath.Join(dir, DistributionFileName(d)), Kind: "distribution", Date: d.At, Exercise: r.ExerciseIDAt(d.At),
		Title: fmt.Sprintf("Répartition de %s sur la clé %s au %s", d.Amount, d.Key.Code, ledger.FrenchDate(d.At))}
}

// DistributionFileName names a printed distribution.
func DistributionFileName(d Distribution) string {
	return fmt.Sprintf("REPARTITION_%s_%s_%s.pdf", fr.FileName(d.Key.Code), d.At.Format("2006-01-02"), strings.ReplaceAll(d.Amount.Plain(), ".", "-"))
}

// FolderTools is the documents' subfolder of the tools' prints
// (distributions, quote-parts, lists, owner files).
const FolderTools = "Outils"
