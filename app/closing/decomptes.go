package closing

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/shopspring/decimal"

	"tantieme/app"
	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/reports"
	"tantieme/templates"
)

// DecompteOptions are the choices of a run of owner statements
// (décomptes individuels).
type DecompteOptions struct {
	Printed  time.Time // the letters' date; zero: today
	Accounts []string  // only these owners; nil: every owner the closing concerns
	// OwnersAt is passed to the closing's preview when the exercise is not
	// closed yet (see Options).
	OwnersAt time.Time
}

// DecompteFiles says where the statements were written.
type DecompteFiles struct {
	Combined string   // every statement, for printing
	Owners   []string // one file per owner, by account
	Preview  bool     // the exercise is not closed: the statements are a projection
}

// Of returns what the closing of exercise ex distributed: read
// from its record when ex was closed, or previewed (preview true) when it
// is still open. Sections carry no account detail when read from a record.
func Of(r *app.Residence, ex ledger.Exercise, opt Options) (p *Plan, preview bool, err error) {
	err = r.View(func(tx *ledger.Tx) error {
		p, preview, err = closingOf(tx, ex.ID, opt)
		return err
	})
	return p, preview, err
}

func closingOf(tx *ledger.Tx, exerciseID int64, opt Options) (*Plan, bool, error) {
	exs, err := tx.Exercises()
	if err != nil {
		return nil, false, err
	}
	var ex ledger.Exercise
	for _, x := range exs {
		if x.ID == exerciseID {
			ex = x
		}
	}
	if ex.ID == 0 {
		return nil, false, ledger.Errorf(ledger.NotFound, "L'exercice demandé n'existe pas")
	}
	if !ex.Closed {
		p, err := planClosing(tx, ex.ID, opt)
		if err != nil {
			return nil, false, err
		}
		if err := p.Err(); err != nil {
			return nil, false, err
		}
		return p, true, nil
	}
	rec, ok, err := tx.ClosingRecordOf(ex.ID)
	if err != nil {
		return nil, false, err
	}
	if !ok {
		return nil, false, ledger.Errorf(ledger.NotFound, "L'exercice %s a été clos sans le traitement de clôture de Tantième : sa répartition n'est pas connue", ex.Name())
	}
	p, err := closingFromRecord(tx, ex, rec)
	return p, false, err
}

// closingFromRecord rebuilds what a posted closing distributed, as its
// record keeps it, with the owners' balances of the books.
func closingFromRecord(tx *ledger.Tx, ex ledger.Exercise, rec ledger.ClosingRecord) (*Plan, error) {
	b, err := loadBooks(tx)
	if err != nil {
		return nil, err
	}
	p := &Plan{Exercise: ex, OwnersAt: rec.OwnersAt, record: rec}
	sections := map[string]*Section{}
	keyOf := map[[2]string]ledger.ClosingKey{}
	section := func(code string) *Section {
		if sections[code] == nil {
			sections[code] = &Section{Code: code, Label: b.sectionLabel(code), Works: b.works[code]}
		}
		return sections[code]
	}
	for _, k := range rec.Keys {
		s := section(k.Section)
		s.Keys = append(s.Keys, Key{Key: k.Key, Label: b.keyLabel(k.Key), TotalShares: k.TotalShares, Charges: k.Charges, Income: k.Income})
		s.Charges += k.Charges
		s.Income += k.Income
		keyOf[[2]string{k.Section, k.Key}] = k
	}
	owners := map[string]*Owner{}
	for _, pt := range rec.Parts {
		s := section(pt.Section)
		s.Provisions += pt.Called
		o := owners[pt.Owner]
		if o == nil {
			o = &Owner{Account: pt.Owner, Name: b.ownerName(pt.Owner)}
			owners[pt.Owner] = o
		}
		if len(o.Sections) == 0 || o.Sections[len(o.Sections)-1].Code != pt.Section {
			o.Sections = append(o.Sections, OwnerSection{Code: pt.Section, Label: s.Label})
		}
		os := &o.Sections[len(o.Sections)-1]
		k := keyOf[[2]string{pt.Section, pt.Key}]
		os.Parts = append(os.Parts, OwnerPart{Key: pt.Key, Label: b.keyLabel(pt.Key), Shares: pt.Shares, TotalShares: k.TotalShares,
			KeyNet: k.Net(), Part: pt.Part, Called: pt.Called, Moved: pt.Moved})
		os.Charges += pt.Part
		os.Called += pt.Called
		os.Moved += pt.Moved
	}
	for code, s := range sections {
		for i := range s.Keys {
			for _, pt := range rec.Parts {
				if pt.Section == code && pt.Key == s.Keys[i].Key {
					s.Keys[i].Provisions += pt.Called
				}
			}
		}
	}
	for _, code := range sectionOrder(sections) {
		s := sections[code]
		p.Sections = append(p.Sections, *s)
		p.NetCharges += s.Net()
		p.Provisions += s.Provisions
	}
	p.Regularisation = p.NetCharges - p.Provisions
	after, err := tx.OwnerBalances(ex.End)
	if err != nil {
		return nil, err
	}
	_, lotsOf, err := (&lotIndex{tx: tx, byDate: map[time.Time]map[string][]string{}, lotAt: map[time.Time]map[string]string{}}).at(rec.OwnersAt)
	if err != nil {
		return nil, err
	}
	for _, acc := range sortedKeys(owners) {
		o := owners[acc]
		sort.SliceStable(o.Sections, func(i, j int) bool { return sectionRank(o.Sections[i].Code) < sectionRank(o.Sections[j].Code) })
		for _, s := range o.Sections {
			o.Charges += s.Charges
			o.Provisions += s.Provisions()
		}
		o.Regularisation = o.Charges - o.Provisions
		o.BalanceAfter = after[acc]
		o.BalanceBefore = o.BalanceAfter - o.Regularisation
		o.Lots = lotsOf[acc]
		p.Owners = append(p.Owners, *o)
	}
	return p, nil
}

// sectionRank orders sections: current operations, campaigns, exceptional.
func sectionRank(code string) string {
	switch code {
	case CurrentSection:
		return "0"
	case ExceptionalSection:
		return "2"
	}
	return "1" + code
}

func sectionOrder[V any](m map[string]V) []string {
	out := sortedKeys(m)
	sort.SliceStable(out, func(i, j int) bool { return sectionRank(out[i]) < sectionRank(out[j]) })
	return out
}

// saleMove is a sale of lots during the period a closing covers, from one
// owner's side.
type saleMove struct {
	lots   []string
	date   time.Time
	other  string
	bought bool
}

// saleMoves lists, per owner, the lots he bought or sold between the
// start of ex and the attribution date.
func saleMoves(tx *ledger.Tx, ex ledger.Exercise, ownersAt time.Time) (map[string][]saleMove, error) {
	lots, err := tx.Lots()
	if err != nil {
		return nil, err
	}
	type pair struct {
		from, to string
		date     time.Time
	}
	byPair := map[pair][]string{}
	var order []pair
	for _, l := range lots {
		hist, err := tx.LotHistory(l.Number)
		if err != nil {
			return nil, err
		}
		for i := 1; i < len(hist); i++ {
			h := hist[i]
			if h.From.After(ex.Start) && !h.From.After(ownersAt) {
				k := pair{hist[i-1].Owner, h.Owner, h.From}
				if _, ok := byPair[k]; !ok {
					order = append(order, k)
				}
				byPair[k] = append(byPair[k], l.Number)
			}
		}
	}
	out := map[string][]saleMove{}
	for _, k := range order {
		out[k.to] = append(out[k.to], saleMove{lots: byPair[k], date: k.date, other: k.from, bought: true})
		out[k.from] = append(out[k.from], saleMove{lots: byPair[k], date: k.date, other: k.to})
	}
	return out, nil
}

// Decomptes returns the décomptes of exercise ex as data, for a
// screen's preview: the owners' accounts and their statements, in account
// order.
func Decomptes(r *app.Residence, ex ledger.Exercise, opt DecompteOptions) ([]string, []reports.Decompte, bool, error) {
	var owners []string
	var list []reports.Decompte
	var preview bool
	err := r.View(func(tx *ledger.Tx) error {
		var err error
		owners, _, list, preview, err = buildDecomptes(tx, ex.ID, opt)
		return err
	})
	return owners, list, preview, err
}

// WriteDecomptes writes the décomptes of exercise ex: one PDF per
// owner, DIR/DECOMPTE_2025_450001_NOM.pdf (Val Compta's names), and all of
// them in DIR/DECOMPTES_2025_TOUS.pdf for printing. For an exercise not
// closed yet they are a projection of the closing, named APERCU_….
func WriteDecomptes(r *app.Residence, dir string, ex ledger.Exercise, opt DecompteOptions) (DecompteFiles, error) {
	var sf DecompteFiles
	if opt.Printed.IsZero() {
		opt.Printed = ledger.Now()
	}
	opt.Printed = ledger.Date(opt.Printed.Year(), opt.Printed.Month(), opt.Printed.Day())
	var owners, names []string
	var list []reports.Decompte
	err := r.View(func(tx *ledger.Tx) error {
		var err error
		owners, names, list, sf.Preview, err = buildDecomptes(tx, ex.ID, opt)
		return err
	})
	if err != nil {
		return sf, err
	}
	if len(list) == 0 {
		return sf, ledger.Errorf(ledger.NotFound, "Aucun décompte à écrire pour l'exercice %s", ex.Name())
	}
	if sf.Preview {
		r.NoteFingerprint(ex, "décomptes (aperçu)")
	} else {
		r.NoteFingerprint(ex, "décomptes")
	}
	letters, err := reports.Decomptes(list, opt.Printed)
	if err != nil {
		return sf, ledger.Wrap(ledger.Internal, err, "Les décomptes n'ont pas pu être mis en page")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return sf, ledger.Wrap(ledger.Invalid, err, "Le dossier « %s » ne peut pas être créé", dir)
	}
	prefix := ""
	if sf.Preview {
		prefix = "APERCU_"
	}
	year := ex.Year()
	sf.Combined = filepath.Join(dir, fmt.Sprintf("%sDECOMPTES_%d_TOUS.pdf", prefix, year))
	if err := ledger.WriteOutputBytes(sf.Combined, letters.Combined); err != nil {
		return sf, err
	}
	// Each owner's décompte is registered (a draft too, its title says
	// so), never the combined « _TOUS » file: it holds every owner's
	// décompte and must not reach one of them.
	what := fmt.Sprintf("Décompte de charges %s", ex.Name())
	if sf.Preview {
		what += " (projet)"
	}
	var produced []app.Produced
	for i, o := range owners {
		path := filepath.Join(dir, fmt.Sprintf("%sDECOMPTE_%d_%s_%s.pdf", prefix, year, o, fr.FileName(names[i])))
		if err := ledger.WriteOutputBytes(path, letters.Each[i]); err != nil {
			return sf, err
		}
		sf.Owners = append(sf.Owners, path)
		produced = append(produced, app.Produced{Path: path, Kind: "decompte", Date: ex.End, Exercise: ex.ID, Owners: []string{o},
			Title: app.DocumentTitle(what, names[i])})
	}
	return sf, r.RegisterWritten(produced...)
}

func buildDecomptes(tx *ledger.Tx, exerciseID int64, opt DecompteOptions) (owners, names []string, list []reports.Decompte, preview bool, err error) {
	p, preview, err := closingOf(tx, exerciseID, Options{OwnersAt: opt.OwnersAt})
	if err != nil {
		return nil, nil, nil, false, err
	}
	ex := p.Exercise
	printed := opt.Printed
	if printed.IsZero() {
		printed = ledger.Now()
	}
	kit, err := app.NewLetterKit(tx, printed)
	if err != nil {
		return nil, nil, nil, false, err
	}
	fingerprint, err := app.FingerprintText(tx, ex)
	if err != nil {
		return nil, nil, nil, false, err
	}
	moves, err := saleMoves(tx, ex, p.OwnersAt)
	if err != nil {
		return nil, nil, nil, false, err
	}
	kindOf, err := app.CallKinds(tx)
	if err != nil {
		return nil, nil, nil, false, err
	}
	vat, err := vatShares(tx, p)
	if err != nil {
		return nil, nil, nil, false, err
	}
	wanted := map[string]bool{}
	for _, a := range opt.Accounts {
		wanted[a] = true
	}
	for _, oc := range p.Owners {
		if len(wanted) > 0 && !wanted[oc.Account] {
			continue
		}
		o, err := tx.Owner(oc.Account)
		if err != nil {
			return nil, nil, nil, false, err
		}
		acct, err := app.ReadOwnerMoves(tx, oc.Account, ex, ex.End, !preview, kindOf)
		if err != nil {
			return nil, nil, nil, false, err
		}
		st, err := ownerDecompte(kit, ex, p, oc, o, moves[oc.Account], preview, func(acc string) string {
			if other, err := tx.Owner(acc); err == nil {
				return other.DisplayName()
			}
			return acc
		})
		if err != nil {
			return nil, nil, nil, false, err
		}
		if o.VATRegistered && vat[oc.Account].Total != 0 {
			st.Notes = append(st.Notes, vatNote(vat[oc.Account]))
		}
		decompteAccount(&st, ex, oc, acct, preview)
		st.Fingerprint = fingerprint
		owners = append(owners, oc.Account)
		names = append(names, o.Name)
		list = append(list, st)
	}
	if len(wanted) > 0 && len(owners) < len(wanted) {
		for _, a := range opt.Accounts {
			if !containsString(owners, a) {
				return nil, nil, nil, false, ledger.Errorf(ledger.NotFound, "Le copropriétaire %s n'a aucune part dans la répartition de l'exercice %s", a, ex.Name())
			}
		}
	}
	return owners, names, list, preview, nil
}

// owedLabel names a balance from the owner's side.
func owedLabel(a ledger.Amount, debit, credit, zero string) string {
	switch {
	case a > 0:
		return debit
	case a < 0:
		return credit
	}
	return zero
}

func ownerDecompte(kit *app.LetterKit, ex ledger.Exercise, p *Plan, oc Owner, o ledger.Owner, moves []saleMove, preview bool, nameOf func(string) string) (reports.Decompte, error) {
	st := reports.Decompte{
		Title:    "Décompte individuel de charges – exercice " + ex.Name(),
		Subtitle: fmt.Sprintf("Répartition des charges de l'exercice du %s au %s", ledger.FrenchDate(ex.Start), ledger.FrenchDate(ex.End)),
	}
	if preview {
		st.Preview = fmt.Sprintf("PROJET : l'exercice %s n'est pas encore clôturé ; ce décompte montre la répartition telle qu'elle serait passée (régularisation attribuée aux propriétaires du %s).",
			ex.Name(), ledger.FrenchDate(p.OwnersAt))
	}
	f := kit.Fields(o, oc.Lots)
	f.Exercise = ex.Name()
	refs := []reports.Ref{{Label: "Copropriétaire", Value: oc.Account}}
	if len(oc.Lots) > 0 {
		refs = append(refs, reports.Ref{Label: "Lots", Value: fr.Join(oc.Lots, "et")})
	}
	refs = append(refs, reports.Ref{Label: "Exercice", Value: ex.Name()}, reports.Ref{Label: "Arrêté au", Value: ledger.FrenchDate(ex.End)})
	var err error
	st.Letter, err = kit.Letter(f, o, refs, fmt.Sprintf("%s – décompte de l'exercice %s – %s", kit.Residence().Name, ex.Name(), oc.Account))
	if err != nil {
		return st, err
	}
	lotsText := "de vos lots (" + lotsTextFR(oc.Lots) + ")"
	if len(oc.Lots) == 0 {
		lotsText = "des lots que vous déteniez"
	}
	// Short, so that the décompte fits one page for most owners: the
	// account's table says the rest, line by line.
	st.Opening = templates.Salutation(o.Civility, o.LegalPerson()) + ",\n\n" +
		"Voici le décompte de vos charges de l'exercice " + ex.Name() + " : pour chaque clé de répartition, les charges nettes " +
		"(charges moins produits affectés à la clé), votre quote-part selon les tantièmes " + lotsText +
		" et les provisions appelées. La différence, la régularisation, est portée à votre compte sous réserve de l'approbation des comptes par l'assemblée générale."

	for _, s := range oc.Sections {
		sec := reports.DecompteSection{Title: s.Label}
		var prov ledger.Amount
		for _, pp := range s.Parts {
			row := reports.DecompteRow{Key: pp.Key, Label: pp.Label, Provisions: app.BlankZero(pp.Called)}
			if pp.Key == "" {
				row.Key, row.Label = "–", "Provisions saisies sans clé"
			} else if !pp.TotalShares.IsZero() || pp.Part != 0 {
				row.Shares, row.KeyTotal = sharesOrDash(pp.Shares), fr.Shares(pp.TotalShares)
				row.KeyNet, row.Part = pp.KeyNet.Format(), pp.Part.Format()
			}
			prov += pp.Called
			if pp.Part != 0 || pp.Called != 0 || pp.Key != "" && !pp.Shares.IsZero() {
				sec.Rows = append(sec.Rows, row)
			}
		}
		if s.Moved != 0 {
			// Wrapped in its column, never cut: the seller reads why his
			// provisions leave his décompte (rowsWrapped).
			label := "Provisions du vendeur reprises"
			if s.Moved < 0 {
				label = "Provisions reportées sur l'acquéreur"
			}
			sec.Rows = append(sec.Rows, reports.DecompteRow{Label: label, Provisions: s.Moved.Format()})
			prov += s.Moved
		}
		sec.Total = reports.DecompteRow{Label: "Total", Part: s.Charges.Format(), Provisions: prov.Format()}
		st.Sections = append(st.Sections, sec)
	}
	for _, m := range moves {
		name := nameOf(m.other)
		if m.bought {
			st.Notes = append(st.Notes, fmt.Sprintf("Vous avez acquis %s le %s de %s : la régularisation de l'exercice %s vous revient (décret n° 67-223 du 17 mars 1967, art. 6-2), avec les provisions appelées au vendeur pendant l'exercice.",
				lotsTextFR(m.lots), ledger.FrenchDate(m.date), name, fr.Word(len(m.lots), "sur ce lot", "sur ces lots")))
		} else {
			st.Notes = append(st.Notes, fmt.Sprintf("Vous avez vendu %s le %s à %s : les provisions que vous avez versées %s restent acquises au syndicat, et la régularisation de l'exercice revient à l'acquéreur (décret n° 67-223 du 17 mars 1967, art. 6-2).",
				lotsTextFR(m.lots), ledger.FrenchDate(m.date), name, fr.Word(len(m.lots), "pour ce lot", "pour ces lots")))
		}
	}
	reg := oc.Regularisation
	regLine := [2]string{owedLabel(reg, "Régularisation : complément à payer", "Régularisation : trop versé en votre faveur", "Régularisation"), reg.Abs().String()}
	// With one section the account's table already shows the
	// régularisation: the box keeps only the result.
	st.Summary = nil
	if len(oc.Sections) > 1 {
		// One section's total row already gives both totals.
		st.Summary = [][2]string{{"Total de vos quotes-parts", oc.Charges.String()}, {"Total de vos provisions", oc.Provisions.String()}, regLine}
	}
	// The balance before the distribution is on the account's table
	// (decompteAccount), with the lines that make it.
	after := oc.BalanceAfter
	st.ResultLabel = owedLabel(after, "Solde à payer après répartition", "Solde en votre faveur après répartition", "Solde après répartition")
	st.Result = after.Abs().String()
	if after > 0 {
		b := kit.BankDetails(oc.Account)
		st.Bank = &b
	} else {
		// The letters' footer asks for a reference « sur votre virement »:
		// an owner with nothing to pay read it as a demand (issue 16,
		// item 11).
		st.Letter.Closing = nothingToPay(after, f)
	}
	return st, nil
}

// nothingToPay closes the décompte of an owner who owes nothing after the
// distribution, in place of the footer that asks for a payment: what
// becomes of his credit, and whom to ask.
func nothingToPay(after ledger.Amount, f templates.Fields) string {
	text := "Vous n'avez rien à payer."
	if after < 0 {
		text = "Vous n'avez rien à payer : la somme en votre faveur reste à votre compte et viendra en déduction de vos prochains appels de fonds."
	}
	if f.Syndic.Name != "" {
		text += "\nPour toute question, votre syndic bénévole, " + f.Syndic.Name
		if f.Syndic.Phone != "" {
			text += " (" + f.Syndic.Phone + ")"
		}
		text += ", se tient à votre disposition."
	}
	return text
}

// decompteAccount adds the owner's account over the exercise to his
// décompte: the balance brought forward, each call (budget, works, works
// fund) and payment, the balance before the distribution, the
// régularisation and the balance after it. For a closed exercise the
// régularisation is the closing's entries on his account, so every figure
// is the books'; for a preview it is the projected one.
func decompteAccount(st *reports.Decompte, ex ledger.Exercise, oc Owner, m app.OwnerMoves, preview bool) {
	reg := m.Closing
	if preview {
		reg = oc.Regularisation
	}
	before := m.Before()
	after := before + reg
	rows := m.Rows()
	rows = append(rows, reports.AccountRow{Date: ledger.FrenchDate(ex.End), Label: "Solde avant répartition" + app.OwedSide(before), Balance: before.Format(), Strong: true})
	regRow := reports.AccountRow{Date: ledger.FrenchDate(ex.End), Label: "Régularisation de l'exercice (ci-dessus)", Balance: after.Format()}
	if reg > 0 {
		regRow.Debit = reg.Format()
	} else {
		regRow.Credit = (-reg).Format()
	}
	rows = append(rows, regRow,
		reports.AccountRow{Date: ledger.FrenchDate(ex.End), Label: "Solde après répartition" + app.OwedSide(after), Balance: after.Format(), Strong: true})
	st.AccountTitle = "Votre compte de l'exercice " + ex.Name() + " : des appels au solde"
	st.Account = rows
	st.AccountNotes = m.Notes()
}

func sharesOrDash(d decimal.Decimal) string {
	if d.IsZero() {
		return "–"
	}
	return fr.Shares(d)
}

// lotsTextFR names lots: "le lot 5", "les lots 5 et 16".
func lotsTextFR(lots []string) string {
	switch len(lots) {
	case 0:
		return "aucun lot"
	case 1:
		return "le lot " + lots[0]
	}
	return "les lots " + fr.Join(lots, "et")
}
