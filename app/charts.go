package app

import (
	"path/filepath"
	"sort"
	"strings"
	"time"

	"tantieme/ledger"
	"tantieme/reports"
)

// The charts of Val Compta's « Graphiques » (issue 20): budget against
// actual per account and per key, the treasury month by month, the
// owners' balances. Their figures come from the books here; the window
// draws them with Fyne's canvas and the PDF with fpdf (reports): no chart
// library, so that the printed figures stay text (pdftotext reads them)
// and the program has one dependency less to keep.

// Chart is one chart: bars in groups, one value per series in each.
type Chart struct {
	Title  string
	Series []string // « Budget », « Réalisé »…
	Groups []ChartGroup
	Note   string // what the chart counts, printed under it
}

// ChartGroup is one label with a value per series.
type ChartGroup struct {
	Label  string
	Values []ledger.Amount
}

// Charts are the four charts of an exercise.
type Charts struct {
	Exercise ledger.Exercise
	At       time.Time // the owners' balances and the treasury's last month
	Accounts Chart     // budget and actual per charge account
	Keys     Chart     // budget and actual per key (charges − income)
	Treasury Chart     // each bank account at each month's end
	Owners   Chart     // each owner's balance, debtors first
}

// Charts gathers the charts of ex; at (zero: the end of ex, or today when
// earlier) is the day of the owners' balances and the treasury's last
// month.
func (r *Residence) Charts(ex ledger.Exercise, at time.Time) (Charts, error) {
	c := Charts{Exercise: ex, At: at}
	if c.At.IsZero() {
		now := ledger.Now()
		c.At = ledger.Date(now.Year(), now.Month(), now.Day())
	}
	if c.At.After(ex.End) {
		c.At = ex.End
	}
	if c.At.Before(ex.Start) {
		c.At = ex.Start
	}
	v, err := r.BudgetView(ex.Year())
	if err != nil {
		return c, err
	}
	c.Accounts, c.Keys = budgetCharts(v)
	err = r.View(func(tx *ledger.Tx) error {
		if c.Treasury, err = treasuryChart(tx, ex, c.At); err != nil {
			return err
		}
		c.Owners, err = ownersChart(tx, c.At)
		return err
	})
	return c, err
}

// budgetCharts sums the budget view per charge account (every key) and
// takes each key's net total (charges − income, what the owners pay).
func budgetCharts(v BudgetView) (accounts, keys Chart) {
	accounts = Chart{Title: "Budget et réalisé par compte de charges", Series: []string{"Budget", "Réalisé"},
		Note: "Charges de l'exercice avant répartition (classe 6, toutes clés), budget voté de l'exercice."}
	keys = Chart{Title: "Budget et réalisé par clé", Series: []string{"Budget", "Réalisé"},
		Note: "Par clé : charges moins produits, ce que les copropriétaires supportent."}
	byAccount := map[string]*ChartGroup{}
	var order []string
	for _, k := range v.Keys {
		keys.Groups = append(keys.Groups, ChartGroup{Label: k.Key + " " + k.Label, Values: []ledger.Amount{k.Total.Budget[0], k.Total.Actual}})
		for _, row := range k.Rows {
			if row.Income {
				continue
			}
			g := byAccount[row.Account]
			if g == nil {
				g = &ChartGroup{Label: row.Account + " " + row.AccountLabel, Values: make([]ledger.Amount, 2)}
				byAccount[row.Account] = g
				order = append(order, row.Account)
			}
			g.Values[0] += row.Budget[0]
			g.Values[1] += row.Actual
		}
	}
	sort.Strings(order)
	for _, a := range order {
		if g := byAccount[a]; g.Values[0] != 0 || g.Values[1] != 0 {
			accounts.Groups = append(accounts.Groups, *g)
		}
	}
	return accounts, keys
}

// treasuryChart is each bank account's balance at the end of each month of
// ex up to at's month (at itself for that month).
func treasuryChart(tx *ledger.Tx, ex ledger.Exercise, at time.Time) (Chart, error) {
	c := Chart{Title: "Trésorerie, mois par mois", Note: "Solde de chaque compte bancaire et livret à la fin du mois (un solde négatif est un découvert)."}
	banks, err := tx.BankAccounts()
	if err != nil {
		return c, err
	}
	for _, b := range banks {
		c.Series = append(c.Series, b.Account+" "+b.Label)
	}
	for m := ex.Start; !m.After(at); m = m.AddDate(0, 1, 0) {
		end := ledger.Date(m.Year(), m.Month()+1, 1).AddDate(0, 0, -1)
		if end.After(at) {
			end = at
		}
		g := ChartGroup{Label: ledger.FrenchDate(end)[3:], Values: make([]ledger.Amount, len(banks))}
		for i, b := range banks {
			if g.Values[i], err = tx.AccountBalanceAt(b.Account, end); err != nil {
				return c, err
			}
		}
		c.Groups = append(c.Groups, g)
	}
	return c, nil
}

// ownersChart is each owner's balance at at, debtors first, the largest
// first on each side; owners who are settled are left out.
func ownersChart(tx *ledger.Tx, at time.Time) (Chart, error) {
	c := Chart{Title: "Soldes des copropriétaires au " + ledger.FrenchDate(at), Series: []string{"Solde"},
		Note: "Positif : le copropriétaire doit (débiteur) ; négatif : il a payé d'avance (créditeur). Les comptes soldés ne figurent pas."}
	owners, err := ReadOwnerSummaries(tx, at)
	if err != nil {
		return c, err
	}
	sort.SliceStable(owners, func(i, j int) bool { return owners[i].Balance > owners[j].Balance })
	for _, o := range owners {
		if o.Balance != 0 {
			c.Groups = append(c.Groups, ChartGroup{Label: o.Account + " " + o.DisplayName(), Values: []ledger.Amount{o.Balance}})
		}
	}
	return c, nil
}

// ChartsPDF prints the charts, one per page.
func (r *Residence) ChartsPDF(c Charts, printed time.Time) ([]byte, error) {
	info, err := r.Info()
	if err != nil {
		return nil, err
	}
	var out []reports.BarChart
	for _, ch := range []Chart{c.Accounts, c.Keys, c.Treasury, c.Owners} {
		bc := reports.BarChart{Title: ch.Title, Series: ch.Series, Note: ch.Note}
		for _, g := range ch.Groups {
			bg := reports.BarGroup{Label: g.Label}
			for _, v := range g.Values {
				bg.Values = append(bg.Values, int64(v))
				bg.Texts = append(bg.Texts, v.Format())
			}
			bc.Groups = append(bc.Groups, bg)
		}
		out = append(out, bc)
	}
	sub := "Exercice " + c.Exercise.Name() + " — au " + ledger.FrenchDate(c.At)
	return reports.BarChartsPDF(strings.TrimSpace(info.Name), sub, out, printed)
}

// ChartsProduced is the register's line of the charts written at path.
func ChartsProduced(path string, c Charts, printed time.Time) Produced {
	return Produced{Path: path, Kind: "charts", Date: printed, Exercise: c.Exercise.ID,
		Title: "Graphiques de l'exercice " + c.Exercise.Name() + " au " + ledger.FrenchDate(c.At)}
}

// FolderCharts is the documents subfolder of the printed charts.
const FolderCharts = "Graphiques"

// WriteCharts prints the charts of ex at at into the documents folder and
// registers them; it returns the file's path.
func (r *Residence) WriteCharts(ex ledger.Exercise, at, printed time.Time) (string, error) {
	c, err := r.Charts(ex, at)
	if err != nil {
		return "", err
	}
	pdf, err := r.ChartsPDF(c, printed)
	if err != nil {
		return "", err
	}
	dir, err := r.DocumentsSubfolder(FolderCharts)
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, "GRAPHIQUES_"+ex.Name()+"_"+c.At.Format("2006-01-02")+".pdf")
	return path, r.WriteDocument(pdf, ChartsProduced(path, c, printed))
}
