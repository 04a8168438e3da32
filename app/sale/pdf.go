package sale

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

// Title is the document's title.
func (d *EtatDate) Title() string {
	if d.Pre {
		return "Pré-état daté"
	}
	return "État daté"
}

// LotsText names the lots: « lot 2 » or « lots 2, 14 ».
func (d *EtatDate) LotsText() string { return d.lotsText() }

func (d *EtatDate) lotsText() string {
	if len(d.Lots) == 1 {
		return "lot " + d.Lots[0].Number
	}
	return "lots " + strings.Join(d.LotNumbers(), ", ")
}

// PDF renders the état daté (or the pre-sale sheet), printed on day printed.
func (d *EtatDate) PDF(printed time.Time) ([]byte, error) {
	if printed.IsZero() {
		printed = ledger.Now()
	}
	doc := reports.EtatDate{Page: reports.Page{Title: d.Title(), Subtitle: strings.ToUpper(d.lotsText()[:1]) + d.lotsText()[1:] + " — situation au " + ledger.FrenchDate(d.At),
		Residence: d.Residence, Printed: printed}}
	doc.Head = d.head()
	doc.Summary = [][2]string{{"Sommes dues par le vendeur au syndicat", d.SellerOwes.Format() + " €"}}
	if !d.Pre {
		doc.Summary = append(doc.Summary, [2]string{"Sommes dues par le syndicat au vendeur", d.SyndicatOwes.Format() + " €"},
			[2]string{"Sommes qui incomberont à l'acquéreur (appels à échoir)", d.BuyerWillOwe.Format() + " €"})
	}
	doc.Summary = append(doc.Summary, [2]string{"Part des lots dans le fonds de travaux (non remboursée au vendeur)", d.WorksFundShare.Format() + " €"})
	if d.Pre {
		doc.Sections = append(doc.Sections, d.chargesSections()...)
		doc.Sections = append(doc.Sections, d.part1("Sommes dues par le vendeur au syndicat"), d.fundSection(), d.proceduresSection())
	} else {
		doc.Sections = append(doc.Sections, d.part1("Première partie — sommes dues par le vendeur au syndicat (décret 1967, art. 5 1°)"),
			d.part2(), d.part3())
		annex := d.chargesSections()
		annex[0].Heading = "Annexe — " + annex[0].Heading
		doc.Sections = append(doc.Sections, annex...)
		doc.Sections = append(doc.Sections, d.fundSection(), d.proceduresSection())
	}
	if d.Buyer != nil {
		doc.Sections = append(doc.Sections, reports.ListSection{Heading: "Acquéreur — réponse à la notification de l'article 20 II de la loi du 10 juillet 1965",
			Intro: []string{d.Buyer.Text}})
	}
	if len(d.Notes) > 0 {
		doc.Sections = append(doc.Sections, reports.ListSection{Heading: "Observations", Intro: d.Notes})
	}
	syndic := d.Syndic
	if syndic == "" {
		syndic = "le syndic"
	}
	doc.Closing = []string{fmt.Sprintf("Certifié exact d'après la comptabilité du syndicat au %s. Fait le %s.", ledger.FrenchDate(d.At), ledger.FrenchDate(printed)),
		"Le syndic : " + syndic + "          Signature :"}
	pdf, err := reports.EtatDatePDF(doc)
	if err != nil {
		return nil, ledger.Wrap(ledger.Internal, err, "La mise en page de l'%s a échoué", strings.ToLower(d.Title()))
	}
	return pdf, nil
}

func (d *EtatDate) head() []string {
	what := "Document établi à la demande du notaire chargé de la vente (décret n° 67-223 du 17 mars 1967, art. 5)"
	if d.Pre {
		what = "Informations remises avant la promesse de vente (loi n° 65-557 du 10 juillet 1965, art. 46 ; code de la construction et de l'habitation, art. L. 721-2)"
	}
	out := []string{what + ", au " + ledger.FrenchDate(d.At) + "."}
	out = append(out, fmt.Sprintf("Vendeur : %s (compte %s). %s vendu%s :", d.Seller.DisplayName(), d.Seller.Account, capital(d.lotsText()), plural(len(d.Lots))))
	for _, l := range d.Lots {
		label := ""
		if l.Label != "" {
			label = " (" + l.Label + ")"
		}
		out = append(out, fmt.Sprintf("   • lot %s%s : %s / %s tantièmes de la clé %s %s", l.Number, label, fr.Shares(l.Shares), fr.Shares(d.KeyTotal), d.Key.Code, d.Key.Label))
	}
	return out
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func plural(n int) string {
	if n > 1 {
		return "s"
	}
	return ""
}

func money(title string) reports.Column { return reports.Column{Title: title, Width: 26, Right: true} }

func (d *EtatDate) part1(heading string) reports.ListSection {
	s := reports.ListSection{Heading: heading,
		Columns: []reports.Column{{Title: "Échéance", Width: 22}, {Title: "Pièce", Width: 24, Whole: true}, {Title: "Nature"}, money("Montant"), money("Reste dû")}}
	if d.Earlier > 0 {
		s.Rows = append(s.Rows, reports.Row{Cells: []string{ledger.FrenchDate(d.Exercise.Start), "", "Charges impayées des exercices antérieurs", d.Earlier.Format(), d.Earlier.Format()}})
	}
	for _, c := range d.Calls {
		s.Rows = append(s.Rows, reports.Row{Cells: []string{ledger.FrenchDate(c.Due), c.Piece, c.Label, c.Amount.Format(), c.Owed.Format()}})
	}
	for _, c := range d.Costs {
		s.Rows = append(s.Rows, reports.Row{Cells: []string{ledger.FrenchDate(c.Date), "", c.Label + " (loi 1965 art. 10-1)", c.Amount.Format(), c.Owed.Format()}})
	}
	if d.Accelerated > 0 {
		s.Rows = append(s.Rows, reports.Row{Cells: []string{"", "", "Provisions exigées par anticipation (art. 19-2)", "", d.Accelerated.Format()}})
	}
	for _, c := range d.Others {
		s.Rows = append(s.Rows, reports.Row{Cells: []string{ledger.FrenchDate(c.Date), "", c.Label, c.Amount.Format(), c.Owed.Format()}})
	}
	if d.Doubtful > 0 {
		s.Rows = append(s.Rows, reports.Row{Cells: []string{"", "", "Créance douteuse (compte 459)", "", d.Doubtful.Format()}})
	}
	if d.Fee > 0 && !d.FeePosted {
		s.Rows = append(s.Rows, reports.Row{Cells: []string{"", "", "Honoraires de l'état daté (loi 1965 art. 10-1)", d.Fee.Format(), d.Fee.Format()}})
	}
	if len(s.Rows) == 0 {
		s.Intro = []string{fmt.Sprintf("Le vendeur ne doit aucune somme au syndicat au %s.", ledger.FrenchDate(d.At))}
		s.Columns = nil
		return s
	}
	s.Intro = []string{"Appels échus et impayés, charges des exercices antérieurs et sommes mises à la charge du seul vendeur. Ses paiements sont imputés sur les sommes les plus anciennes."}
	s.Rows = append(s.Rows, reports.Row{Strong: true, Cells: []string{"Total", "", "", "", d.SellerOwes.Format()}})
	return s
}

func (d *EtatDate) part2() reports.ListSection {
	s := reports.ListSection{Heading: "Deuxième partie — sommes dont le syndicat est débiteur envers le vendeur (art. 5 2°)",
		Columns: []reports.Column{{Title: "Compte", Width: 22}, {Title: "Nature"}, money("Montant")}}
	for _, a := range d.Advances {
		s.Rows = append(s.Rows, reports.Row{Cells: []string{a.Account, a.Label + " – avance remboursable au vendeur (loi 1965 art. 45-1)", a.Amount.Format()}})
	}
	if d.Overpayment > 0 {
		s.Rows = append(s.Rows, reports.Row{Cells: []string{d.Seller.Account, "Trop-versé : solde créditeur du compte du vendeur", d.Overpayment.Format()}})
	}
	if len(s.Rows) == 0 {
		s.Intro = []string{"Le syndicat ne doit aucune somme au vendeur."}
		s.Columns = nil
	} else {
		s.Rows = append(s.Rows, reports.Row{Strong: true, Cells: []string{"Total", "", d.SyndicatOwes.Format()}})
	}
	s.Intro = append(s.Intro, WorksFundSentence)
	return s
}

func (d *EtatDate) part3() reports.ListSection {
	s := reports.ListSection{Heading: "Troisième partie — sommes qui incomberont au nouveau copropriétaire (art. 5 3°)",
		Intro:   []string{fmt.Sprintf("Appels du budget, du fonds de travaux et des travaux votés exigibles après le %s, pour la part des lots vendus : ils sont dus par celui qui est copropriétaire à leur échéance (décret 1967, art. 6-2 2°).", ledger.FrenchDate(d.At))},
		Columns: []reports.Column{{Title: "Échéance", Width: 22}, {Title: "Pièce", Width: 24, Whole: true}, {Title: "Nature"}, money("Part des lots")}}
	for _, f := range d.Future {
		piece := f.Piece
		if piece == "" {
			piece = "à appeler"
		}
		s.Rows = append(s.Rows, reports.Row{Cells: []string{ledger.FrenchDate(f.Due), piece, f.Label, f.Amount.Format()}})
	}
	if len(s.Rows) == 0 {
		s.Intro = []string{"Aucun appel n'est prévu après le " + ledger.FrenchDate(d.At) + "."}
		s.Columns = nil
		return s
	}
	s.Rows = append(s.Rows, reports.Row{Strong: true, Cells: []string{"Total", "", "", d.BuyerWillOwe.Format()}})
	return s
}

// chargesSections are the lots' quote-parts: the current budget, then the
// last two closed exercises' charges.
func (d *EtatDate) chargesSections() []reports.ListSection {
	cols := []reports.Column{{Title: "Clé"}, {Title: "Tantièmes des lots", Width: 36, Right: true}, {Title: "Montant de la clé", Width: 34, Right: true}, money("Part des lots")}
	table := func(c Charges) []reports.Row {
		var rows []reports.Row
		for _, k := range c.Keys {
			rows = append(rows, reports.Row{Cells: []string{k.Key + " " + k.Label, fr.Shares(k.Shares) + " / " + fr.Shares(k.TotalShares), k.KeyAmount.Format(), k.Amount.Format()}})
		}
		return append(rows, reports.Row{Strong: true, Cells: []string{"Total", "", "", c.Total.Format()}})
	}
	out := []reports.ListSection{{Heading: "Quote-part des lots dans le budget prévisionnel " + d.Budget.Exercise.Name(), Columns: cols, Rows: table(d.Budget)}}
	for _, c := range d.Past {
		out = append(out, reports.ListSection{Heading: "Quote-part des lots dans les charges de l'exercice " + c.Exercise.Name() + " (comptes approuvés)", Columns: cols, Rows: table(c)})
	}
	return out
}

func (d *EtatDate) fundSection() reports.ListSection {
	s := reports.ListSection{Heading: "Fonds de travaux (loi 1965, art. 14-2-1)", Intro: []string{
		fmt.Sprintf("Solde du fonds de travaux au %s : %s €. Part attachée aux lots vendus, selon leurs tantièmes de la clé %s : %s €.", ledger.FrenchDate(d.At), d.WorksFund.Format(), d.WorksFundKey, d.WorksFundShare.Format())}}
	if d.Pre {
		// The état daté says it in its second part, where a refund is looked for.
		s.Intro = append(s.Intro, WorksFundSentence)
	}
	return s
}

func (d *EtatDate) proceduresSection() reports.ListSection {
	text := strings.TrimSpace(d.Procedures)
	if text == "" {
		text = "Aucune procédure en cours n'est signalée par le syndic."
	}
	return reports.ListSection{Heading: "Procédures en cours", Intro: strings.Split(text, "\n")}
}

// Produced is the register's line of the document written in dir: in the
// binder of its kind, concerning the seller.
func (d *EtatDate) Produced(dir string, printed time.Time) app.Produced {
	kind, name := "etat_date", "ETAT_DATE"
	if d.Pre {
		kind, name = "pre_etat_date", "PRE_ETAT_DATE"
	}
	name += "_LOT_" + strings.Join(d.LotNumbers(), "-") + "_" + d.At.Format("2006-01-02")
	return app.Produced{Path: filepath.Join(dir, name+".pdf"), Kind: kind, Date: printed, Exercise: d.Exercise.ID, Owners: []string{d.Seller.Account},
		Title: app.DocumentTitle(d.Title()+" — "+d.lotsText()+" au "+ledger.FrenchDate(d.At), d.Seller.DisplayName())}
}

// Write renders the document and writes it at p.Path, registered.
func (d *EtatDate) Write(r *app.Residence, p app.Produced) error {
	pdf, err := d.PDF(p.Date)
	if err != nil {
		return err
	}
	return r.WriteDocument(pdf, p)
}

// SetProcedures keeps the pending lawsuits' text for the next états datés.
// An option is one line: the lines typed are kept joined by « ; ».
func SetProcedures(r *app.Residence, text string) error {
	var lines []string
	for _, l := range strings.FieldsFunc(text, func(c rune) bool { return c == '\n' || c == '\r' }) {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	text, err := ledger.CleanText("procédures en cours", strings.Join(lines, " ; "), ledger.OptionText)
	if err != nil {
		return err
	}
	return r.Update(func(tx *ledger.Tx) error { return tx.SetOption(OptProcedures, text) })
}

// Procedures reads the pending lawsuits' text.
func Procedures(r *app.Residence) (string, error) {
	var s string
	err := r.View(func(tx *ledger.Tx) error {
		var err error
		s, err = tx.Option(OptProcedures, "")
		return err
	})
	return s, err
}

// Folder is the subfolder of the documents folder where the window writes
// the états datés.
const Folder = "Ventes"
