package closing

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"tantieme/app"
	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/reports"
)

// QuotePartsPDF prints the quote-parts: each key's budget and actual, then
// each owner's share of them per key (only account's when given).
func QuotePartsPDF(r *app.Residence, q *QuoteParts, account string, printed time.Time) ([]byte, error) {
	info, err := r.Info()
	if err != nil {
		return nil, err
	}
	if printed.IsZero() {
		printed = ledger.Now()
	}
	sections := QuotePartsSections(q, account)
	title := "Détail des répartitions"
	if q.Provisional {
		title += " (provisoire)"
	}
	pdf, err := reports.List(reports.Page{Title: title, Subtitle: "Exercice " + q.Exercise.Name(), Residence: info.Name, Printed: printed, Landscape: true}, sections)
	if err != nil {
		return nil, ledger.Wrap(ledger.Internal, err, "La mise en page du détail des répartitions a échoué")
	}
	return pdf, nil
}

// QuotePartsSections are the quote-parts as printed sections, for this
// document and the owner's full file.
func QuotePartsSections(q *QuoteParts, account string) []reports.ListSection {
	intro := fmt.Sprintf("Charges courantes de l'exercice %s (du %s au %s), réparties entre les copropriétaires au %s.", q.Exercise.Name(),
		ledger.FrenchDate(q.Exercise.Start), ledger.FrenchDate(q.Exercise.End), ledger.FrenchDate(q.OwnersAt))
	actual := "Le réel est la répartition de la clôture de l'exercice."
	if q.Provisional {
		actual = "PROVISOIRE : l'exercice n'est pas clos ; le réel est une projection des comptes à ce jour, qui changera avec les écritures à venir."
	}
	money := func(title string) reports.Column { return reports.Column{Title: title, Width: 30, Right: true} }
	var keyRows []reports.Row
	for _, k := range q.Keys {
		keyRows = append(keyRows, reports.Row{Cells: []string{k.Key, k.Label, fr.Shares(k.TotalShares), k.Budget.Format(), k.Actual.Format(), (k.Actual - k.Budget).Format()}})
	}
	keyRows = append(keyRows, reports.Row{Strong: true, Cells: []string{"Total", "", "", q.Budget.Format(), q.Actual.Format(), (q.Actual - q.Budget).Format()}})
	out := []reports.ListSection{{Heading: "Par clé de répartition", Intro: []string{intro, actual},
		Columns: []reports.Column{{Title: "Clé", Width: 18}, {Title: "Libellé"}, {Title: "Tantièmes", Width: 28, Right: true},
			money("Budget voté"), money("Réel"), money("Écart")}, Rows: keyRows}}
	var rows []reports.Row
	for _, o := range q.Owners {
		if account != "" && o.Account != account {
			continue
		}
		for i, pt := range o.Parts {
			who, lots := "", ""
			if i == 0 {
				who, lots = o.Account+" "+o.Name, strings.Join(o.Lots, ", ")
			}
			rows = append(rows, reports.Row{Cells: []string{who, lots, pt.Key + " " + pt.Label, fr.Shares(pt.Shares) + " / " + fr.Shares(pt.TotalShares),
				pt.Budget.Format(), pt.Actual.Format(), (pt.Actual - pt.Budget).Format()}})
		}
		rows = append(rows, reports.Row{Strong: true, Cells: []string{"Total " + o.Account, "", "", "", o.Budget.Format(), o.Actual.Format(), (o.Actual - o.Budget).Format()}})
	}
	out = append(out, reports.ListSection{Heading: "Par copropriétaire",
		Columns: []reports.Column{{Title: "Copropriétaire"}, {Title: "Lots", Width: 28}, {Title: "Clé", Width: 50}, {Title: "Tantièmes", Width: 32, Right: true},
			money("Budget voté"), money("Réel"), money("Écart")}, Rows: rows})
	return out
}

// QuotePartsProduced is the register's line of the quote-parts written in
// dir (only account's when given: it then concerns him).
func QuotePartsProduced(r *app.Residence, dir string, q *QuoteParts, account string, printed time.Time) app.Produced {
	name := fmt.Sprintf("REPARTITIONS_%s", q.Exercise.Name())
	title := "Détail des répartitions " + q.Exercise.Name()
	var owners []string
	if account != "" {
		name += "_" + account
		title += " — " + account
		owners = []string{account}
	}
	if q.Provisional {
		name += "_provisoire"
		title += " (provisoire)"
	}
	return app.Produced{Path: filepath.Join(dir, name+".pdf"), Kind: "quote_parts", Date: printed, Exercise: q.Exercise.ID, Owners: owners, Title: title}
}
