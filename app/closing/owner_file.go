package closing

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"tantieme/app"
	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/reports"
)

// OwnerFilePDF prints an owner's full file for exercise ex (the manual's
// « fiche copropriétaire » printed whole): his details, his lots with their
// shares per key, his quote-parts of the budget and of the actual, the
// charges allotted to him by the last closing, the provisions called from
// him in ex, and his account over ex.
func OwnerFilePDF(r *app.Residence, account string, ex ledger.Exercise, printed time.Time) ([]byte, error) {
	if printed.IsZero() {
		printed = ledger.Now()
	}
	at := app.SituationDate(ex, printed)
	card, err := r.OwnerCard(account, ex, at)
	if err != nil {
		return nil, err
	}
	info, err := r.Info()
	if err != nil {
		return nil, err
	}
	o := card.Owner
	sections := []reports.ListSection{ownerInfo(card), ownerLots(card)}
	if q, err := QuotePartsOf(r, ex); err == nil {
		part := reports.ListSection{Heading: "Quote-parts du budget et du réel — exercice " + ex.Name(), Intro: QuotePartsSections(q, account)[0].Intro}
		if qo, ok := q.Owner(account); ok {
			money := func(title string) reports.Column { return reports.Column{Title: title, Width: 28, Right: true} }
			part.Columns = []reports.Column{{Title: "Clé"}, {Title: "Tantièmes", Width: 30, Right: true}, money("Budget voté"), money("Réel"), money("Écart")}
			for _, pt := range qo.Parts {
				part.Rows = append(part.Rows, reports.Row{Cells: []string{pt.Key + " " + pt.Label, fr.Shares(pt.Shares) + " / " + fr.Shares(pt.TotalShares),
					pt.Budget.Format(), pt.Actual.Format(), (pt.Actual - pt.Budget).Format()}})
			}
			part.Rows = append(part.Rows, reports.Row{Strong: true, Cells: []string{"Total", "", qo.Budget.Format(), qo.Actual.Format(), (qo.Actual - qo.Budget).Format()}})
		} else {
			part.Intro = append(part.Intro, "Aucune quote-part dans cet exercice.")
		}
		sections = append(sections, part)
	} else {
		sections = append(sections, reports.ListSection{Heading: "Quote-parts du budget et du réel — exercice " + ex.Name(),
			Intro: []string{"Les quote-parts ne peuvent pas être calculées : " + ledger.Message(err)}})
	}
	last, err := lastClosing(r, ex)
	if err != nil {
		return nil, err
	}
	sections = append(sections, ownerCharges(last, account))
	calls, err := ownerCalls(r, account, ex)
	if err != nil {
		return nil, err
	}
	sections = append(sections, calls, ownerStatement(card))
	pdf, err := reports.List(reports.Page{Title: "Fiche complète — " + o.DisplayName(), Subtitle: "Compte " + o.Account + " · exercice " + ex.Name(),
		Residence: info.Name, Printed: printed}, sections)
	if err != nil {
		return nil, ledger.Wrap(ledger.Internal, err, "La mise en page de la fiche de %s a échoué", o.DisplayName())
	}
	return pdf, nil
}

// OwnerFileProduced is the register's line of an owner's full file
// written in dir: it concerns him.
func OwnerFileProduced(dir string, o ledger.Owner, ex ledger.Exercise, printed time.Time) app.Produced {
	return app.Produced{Path: filepath.Join(dir, fmt.Sprintf("FICHE_%s_%s_%s.pdf", o.Account, fr.FileName(o.Name), ex.Name())), Kind: "owner_file",
		Date: printed, Exercise: ex.ID, Owners: []string{o.Account}, Title: app.DocumentTitle("Fiche complète "+ex.Name(), o.DisplayName())}
}

func ownerInfo(c app.OwnerCard) reports.ListSection {
	o := c.Owner
	var rows []reports.Row
	add := func(what, value string) {
		if strings.TrimSpace(value) != "" {
			rows = append(rows, reports.Row{Cells: []string{what, value}})
		}
	}
	add("Compte", o.Account)
	add("Nom", o.DisplayName())
	var address []string
	for _, l := range strings.Split(o.Address, "\n") {
		address = append(address, strings.TrimSpace(l))
	}
	add("Adresse", strings.Join(fr.NonEmpty(append(address, strings.TrimSpace(o.Zip+" "+o.City))...), ", "))
	add("Pays", o.Country)
	add("E-mail", o.Email)
	add("Téléphone", strings.Join(fr.NonEmpty(o.Phone, o.Mobile), " – "))
	if !o.EntryDate.IsZero() {
		add("Entrée", ledger.FrenchDate(o.EntryDate))
	}
	if !o.ExitDate.IsZero() {
		add("Sortie", ledger.FrenchDate(o.ExitDate))
	}
	if o.Council {
		add("Conseil syndical", "membre")
	}
	add("Solde au "+ledger.FrenchDate(c.At), c.Statement.Closing.String()+debtorSide(c.Statement.Closing))
	return reports.ListSection{Heading: "Informations", Columns: []reports.Column{{Title: "Rubrique", Width: 40}, {Title: "Valeur"}}, Rows: rows}
}

func ownerLots(c app.OwnerCard) reports.ListSection {
	s := reports.ListSection{Heading: "Lots au " + ledger.FrenchDate(c.At)}
	if len(c.Lots) == 0 {
		s.Intro = []string{"Aucun lot à cette date."}
		return s
	}
	s.Columns = []reports.Column{{Title: "Lot", Width: 14}, {Title: "Désignation"}, {Title: "Depuis", Width: 22}}
	for _, k := range c.Keys {
		s.Columns = append(s.Columns, reports.Column{Title: "Clé " + k.Code, Width: 24, Right: true})
	}
	for _, l := range c.Lots {
		since := ""
		if !l.Since.IsZero() {
			since = ledger.FrenchDate(l.Since)
		}
		row := []string{l.Number, l.Label, since}
		for _, k := range c.Keys {
			v := ""
			if sh := l.Shares[k.Code]; !sh.IsZero() {
				v = fr.Shares(sh)
			}
			row = append(row, v)
		}
		s.Rows = append(s.Rows, reports.Row{Cells: row})
	}
	total := []string{"Total", "", ""}
	for _, k := range c.Keys {
		total = append(total, fr.Shares(c.Totals[k.Code])+" / "+fr.Shares(k.DeclaredTotal))
	}
	s.Rows = append(s.Rows, reports.Row{Strong: true, Cells: total})
	return s
}

// lastClosing is the distribution of the last exercise closed by Tantième
// up to ex (ex itself when closed); nil when none.
func lastClosing(r *app.Residence, ex ledger.Exercise) (*Plan, error) {
	exs, err := r.Exercises()
	if err != nil {
		return nil, err
	}
	sort.Slice(exs, func(i, j int) bool { return exs[i].Start.After(exs[j].Start) })
	for _, x := range exs {
		if !x.Closed || x.Start.After(ex.Start) {
			continue
		}
		p, _, err := Of(r, x, Options{})
		if ledger.KindOf(err) == ledger.NotFound {
			continue // closed outside Tantième: no distribution known
		}
		return p, err
	}
	return nil, nil
}

func ownerCharges(p *Plan, account string) reports.ListSection {
	s := reports.ListSection{Heading: "Charges réparties à la dernière clôture"}
	if p == nil {
		s.Intro = []string{"Aucun exercice n'a encore été clos par Tantième."}
		return s
	}
	s.Heading += " (exercice " + p.Exercise.Name() + ")"
	o, ok := p.Owner(account)
	if !ok {
		s.Intro = []string{"Rien ne lui a été réparti à cette clôture."}
		return s
	}
	s.Columns = []reports.Column{{Title: "Section"}, {Title: "Clé", Width: 45}, {Title: "Tantièmes", Width: 28, Right: true},
		{Title: "Charges", Width: 26, Right: true}, {Title: "Provisions", Width: 26, Right: true}}
	for _, sec := range o.Sections {
		for _, pt := range sec.Parts {
			key, shares := "provisions saisies", ""
			if pt.Key != "" {
				key, shares = pt.Key+" "+pt.Label, fr.Shares(pt.Shares)+" / "+fr.Shares(pt.TotalShares)
			}
			s.Rows = append(s.Rows, reports.Row{Cells: []string{sec.Label, key, shares, app.BlankZero(pt.Part), app.BlankZero(pt.Called + pt.Moved)}})
		}
	}
	s.Rows = append(s.Rows, reports.Row{Strong: true, Cells: []string{"Total", "", "", o.Charges.Format(), o.Provisions.Format()}})
	s.Intro = []string{fmt.Sprintf("Régularisation : %s%s.", o.Regularisation, debtorSide(o.Regularisation))}
	return s
}

func ownerCalls(r *app.Residence, account string, ex ledger.Exercise) (reports.ListSection, error) {
	s := reports.ListSection{Heading: "Provisions appelées — exercice " + ex.Name()}
	var calls []ledger.Call
	var parts map[int64][]ledger.CallPart
	err := r.View(func(tx *ledger.Tx) error {
		var err error
		if calls, err = tx.Calls(ledger.CallFilter{ExerciseID: ex.ID, Live: true}); err != nil {
			return err
		}
		ids := make([]int64, len(calls))
		for i, c := range calls {
			ids[i] = c.ID
		}
		parts, err = tx.CallParts(ids...)
		return err
	})
	if err != nil {
		return s, err
	}
	s.Columns = []reports.Column{{Title: "Échéance", Width: 22}, {Title: "Pièce", Width: 26}, {Title: "Appel"}, {Title: "Clé", Width: 18},
		{Title: "Tantièmes", Width: 22, Right: true}, {Title: "Montant", Width: 26, Right: true}}
	var total ledger.Amount
	for _, c := range calls {
		for _, pt := range parts[c.ID] {
			if pt.Owner != account {
				continue
			}
			s.Rows = append(s.Rows, reports.Row{Cells: []string{ledger.FrenchDate(c.Due), c.Piece, c.Label, pt.Key, fr.Shares(pt.Shares), pt.Amount.Format()}})
			total += pt.Amount
		}
	}
	if len(s.Rows) == 0 {
		s.Columns, s.Intro = nil, []string{"Aucun appel de fonds dans cet exercice."}
		return s, nil
	}
	s.Rows = append(s.Rows, reports.Row{Strong: true, Cells: []string{"Total", "", "", "", "", total.Format()}})
	return s, nil
}

func ownerStatement(c app.OwnerCard) reports.ListSection {
	st := c.Statement
	s := reports.ListSection{Heading: fmt.Sprintf("Compte du %s au %s", ledger.FrenchDate(st.From), ledger.FrenchDate(st.To)),
		Columns: []reports.Column{{Title: "Date", Width: 21}, {Title: "Pièce", Width: 24}, {Title: "Libellé"},
			{Title: "Débit", Width: 24, Right: true}, {Title: "Crédit", Width: 24, Right: true}, {Title: "Solde", Width: 26, Right: true}}}
	s.Rows = append(s.Rows, reports.Row{Cells: []string{ledger.FrenchDate(st.From), "", "Solde au début de la période", "", "", st.Opening.Format()}})
	for _, l := range st.Lines {
		s.Rows = append(s.Rows, reports.Row{Cells: []string{ledger.FrenchDate(l.Date), l.Piece, l.Label, app.BlankZero(l.Debit), app.BlankZero(l.Credit), l.Balance.Format()}})
	}
	s.Rows = append(s.Rows, reports.Row{Strong: true, Cells: []string{"", "", "Solde au " + ledger.FrenchDate(st.To) + debtorSide(st.Closing),
		st.TotalDebit.Format(), st.TotalCredit.Format(), st.Closing.Format()}})
	return s
}

// debtorSide says which way an owner's balance goes, for the syndic.
func debtorSide(a ledger.Amount) string {
	switch {
	case a > 0:
		return " (débiteur)"
	case a < 0:
		return " (créditeur)"
	}
	return ""
}
