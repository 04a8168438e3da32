package app

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/reports"
	"tantieme/templates"
)

// FolderRecoverable is the documents subfolder of the landlords'
// statements of recoverable charges.
const FolderRecoverable = "Charges récupérables"

// RecoverableOptions choose a run of landlords' statements.
type RecoverableOptions struct {
	From, To time.Time
	// Owners are the owners to state; nil: every owner flagged landlord.
	Owners  []string
	Printed time.Time // the letters' date; zero: today
}

// RecoverableLine is one charge line in a lot's statement: the line, the
// part of it a landlord may recover, and that lot's share of that part.
type RecoverableLine struct {
	Date        time.Time
	Piece       string
	Account     string
	Label       string
	Amount      ledger.Amount // the line, TTC (negative for a credit note)
	Percent     int           // its recoverable share
	Recoverable ledger.Amount // the recoverable part of the line
	Part        ledger.Amount // the lot's share of it
}

// RecoverableKey is a lot's recoverable charges on one key.
type RecoverableKey struct {
	Key, Label  string
	Shares      decimal.Decimal // the lot's
	TotalShares decimal.Decimal
	Lines       []RecoverableLine
	Total       ledger.Amount
}

// RecoverableLot is one lot of a landlord's statement.
type RecoverableLot struct {
	Lot, Label string
	Keys       []RecoverableKey
	Total      ledger.Amount
}

// RecoverableStatement is a landlord's statement of recoverable charges
// (décret n° 87-713 du 26 août 1987) over a period: per lot and per key,
// his share of every recoverable charge line, for his tenants.
type RecoverableStatement struct {
	Owner    ledger.Owner
	From, To time.Time
	Lots     []RecoverableLot
	Total    ledger.Amount
}

// RecoverableStatements computes the statements of the period. Each
// recoverable line's recoverable part is split over the lots of its key in
// proportion to their shares, to the cent (ledger.Allocate, ties to the
// lower lot number), and each lot's part goes to whoever owned the lot on
// the line's date: a lot sold during the period is stated to each owner
// for his own time.
func (r *Residence) RecoverableStatements(opt RecoverableOptions) ([]RecoverableStatement, error) {
	var out []RecoverableStatement
	err := r.View(func(tx *ledger.Tx) (err error) {
		out, err = recoverableStatements(tx, opt)
		return err
	})
	return out, err
}

func recoverableStatements(tx *ledger.Tx, opt RecoverableOptions) ([]RecoverableStatement, error) {
	if opt.From.IsZero() || opt.To.IsZero() || opt.To.Before(opt.From) {
		return nil, ledger.Errorf(ledger.Invalid, "Charges récupérables : indiquez une période dont le début précède la fin")
	}
	owners, err := tx.Owners()
	if err != nil {
		return nil, err
	}
	wanted := map[string]bool{}
	byAccount := map[string]ledger.Owner{}
	for _, o := range owners {
		byAccount[o.Account] = o
		if opt.Owners == nil && o.Landlord {
			wanted[o.Account] = true
		}
	}
	for _, a := range opt.Owners {
		if _, ok := byAccount[a]; !ok {
			return nil, ledger.Errorf(ledger.NotFound, "Le copropriétaire %s n'existe pas", a)
		}
		wanted[a] = true
	}
	if len(wanted) == 0 {
		return nil, ledger.Errorf(ledger.NotFound, "Aucun copropriétaire n'est indiqué comme bailleur : cochez « Bailleur » sur la fiche de ceux qui louent leurs lots.")
	}
	lots, err := tx.Lots()
	if err != nil {
		return nil, err
	}
	lotLabel := map[string]string{}
	for _, l := range lots {
		lotLabel[l.Number] = l.Label
	}
	keys, err := tx.Keys()
	if err != nil {
		return nil, err
	}
	keyLabel := map[string]string{}
	for _, k := range keys {
		keyLabel[k.Code] = k.Label
	}
	shares, err := tx.Shares()
	if err != nil {
		return nil, err
	}
	weights := map[string][]ledger.Weight{} // key → lots, by number
	lotShares := map[[2]string]decimal.Decimal{}
	totals := map[string]decimal.Decimal{}
	for _, s := range shares {
		if s.Shares.IsPositive() {
			weights[s.Key] = append(weights[s.Key], ledger.Weight{Code: s.Lot, Weight: s.Shares})
			lotShares[[2]string{s.Lot, s.Key}] = s.Shares
			totals[s.Key] = totals[s.Key].Add(s.Shares)
		}
	}
	accounts, err := tx.Accounts()
	if err != nil {
		return nil, err
	}
	accountLabel := map[string]string{}
	for _, a := range accounts {
		accountLabel[a.Code] = a.Label
	}
	entries, err := tx.Entries(ledger.EntryFilter{From: opt.From, To: opt.To})
	if err != nil {
		return nil, err
	}
	type lk struct{ lot, key string }
	found := map[string]map[lk]*RecoverableKey{} // owner → lot and key
	ownersAt := map[time.Time]map[string]string{}
	for _, e := range entries {
		for _, l := range e.Lines {
			if l.Recoverable == 0 || ledger.AccountClass(l.Account) != 6 || l.Key == "" {
				continue
			}
			amount := l.Debit - l.Credit
			rec := ledger.RecoverablePart(amount, l.Recoverable)
			ws := weights[l.Key]
			if rec == 0 || len(ws) == 0 {
				continue
			}
			parts, err := ledger.Allocate(rec, ws)
			if err != nil {
				return nil, err
			}
			at, ok := ownersAt[e.Date]
			if !ok {
				if at, err = tx.OwnersAt(e.Date); err != nil {
					return nil, err
				}
				ownersAt[e.Date] = at
			}
			for i, w := range ws {
				o := at[w.Code]
				if !wanted[o] {
					continue
				}
				if found[o] == nil {
					found[o] = map[lk]*RecoverableKey{}
				}
				k := found[o][lk{w.Code, l.Key}]
				if k == nil {
					k = &RecoverableKey{Key: l.Key, Label: keyLabel[l.Key], Shares: lotShares[[2]string{w.Code, l.Key}], TotalShares: totals[l.Key]}
					found[o][lk{w.Code, l.Key}] = k
				}
				label := l.Label
				if label == "" {
					label = e.Label
				}
				k.Lines = append(k.Lines, RecoverableLine{Date: e.Date, Piece: e.Piece, Account: l.Account,
					Label: strings.TrimSpace(accountLabel[l.Account] + " – " + label), Amount: amount, Percent: l.Recoverable,
					Recoverable: rec, Part: parts[i]})
				k.Total += parts[i]
			}
		}
	}
	var accountsWanted []string
	for a := range wanted {
		accountsWanted = append(accountsWanted, a)
	}
	sort.Strings(accountsWanted)
	var out []RecoverableStatement
	for _, acc := range accountsWanted {
		st := RecoverableStatement{Owner: byAccount[acc], From: opt.From, To: opt.To}
		byLot := map[string]*RecoverableLot{}
		var lotOrder []string
		for k, v := range found[acc] {
			if byLot[k.lot] == nil {
				byLot[k.lot] = &RecoverableLot{Lot: k.lot, Label: lotLabel[k.lot]}
				lotOrder = append(lotOrder, k.lot)
			}
			byLot[k.lot].Keys = append(byLot[k.lot].Keys, *v)
			byLot[k.lot].Total += v.Total
		}
		sort.Slice(lotOrder, func(i, j int) bool { return ledger.CompareLots(lotOrder[i], lotOrder[j]) < 0 })
		for _, n := range lotOrder {
			l := byLot[n]
			sort.Slice(l.Keys, func(i, j int) bool { return l.Keys[i].Key < l.Keys[j].Key })
			st.Lots = append(st.Lots, *l)
			st.Total += l.Total
		}
		out = append(out, st)
	}
	return out, nil
}

// RecoverableFiles says where the statements were written.
type RecoverableFiles struct {
	Combined string   // every statement, for printing ("" for one owner)
	Owners   []string // one file per owner, registered
}

// WriteRecoverableStatements writes the statements of the period into
// dir: one PDF per owner, registered (kind « recoverable »), and all of
// them in one file for printing, at combined (by default, for more than
// one owner, RECUPERABLES_…_TOUS.pdf in dir), not registered: it holds
// every landlord's statement and must not reach one of them.
func (r *Residence) WriteRecoverableStatements(dir, combined string, opt RecoverableOptions) (RecoverableFiles, error) {
	var files RecoverableFiles
	if opt.Printed.IsZero() {
		opt.Printed = ledger.Now()
	}
	var list []RecoverableStatement
	var docs []reports.Recoverable
	var exID int64
	err := r.View(func(tx *ledger.Tx) error {
		var err error
		if list, err = recoverableStatements(tx, opt); err != nil {
			return err
		}
		exID = exerciseIDAt(tx, opt.To)
		kit, err := NewLetterKit(tx, opt.Printed)
		if err != nil {
			return err
		}
		for _, st := range list {
			d, err := recoverableDocument(kit, st)
			if err != nil {
				return err
			}
			docs = append(docs, d)
		}
		return nil
	})
	if err != nil {
		return files, err
	}
	letters, err := reports.RecoverableStatements(docs, opt.Printed)
	if err != nil {
		return files, ledger.Wrap(ledger.Internal, err, "Les relevés de charges récupérables n'ont pas pu être mis en page")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return files, ledger.Wrap(ledger.Invalid, err, "Le dossier « %s » ne peut pas être créé : choisissez-en un autre ou vérifiez les droits", dir)
	}
	period := fmt.Sprintf("%s_%s", ledger.ISO(opt.From), ledger.ISO(opt.To))
	if combined == "" && len(list) > 1 {
		combined = filepath.Join(dir, "RECUPERABLES_"+period+"_TOUS.pdf")
	}
	if combined != "" {
		files.Combined = combined
		if err := writeFile(files.Combined, letters.Combined); err != nil {
			return files, err
		}
	}
	var produced []Produced
	for i, st := range list {
		path := filepath.Join(dir, fmt.Sprintf("RECUPERABLES_%s_%s_%s.pdf", period, st.Owner.Account, fr.FileName(st.Owner.Name)))
		if err := writeFile(path, letters.Each[i]); err != nil {
			return files, err
		}
		files.Owners = append(files.Owners, path)
		produced = append(produced, Produced{Path: path, Kind: "recoverable", Date: opt.To, Exercise: exID, Owners: []string{st.Owner.Account},
			Title: recoverableTitle(opt, st.Owner.Name)})
	}
	return files, r.RegisterWritten(produced...)
}

// WriteRecoverableStatement writes one owner's statement at path,
// registered: what the owner card and the CLI's --owner produce.
func (r *Residence) WriteRecoverableStatement(path string, opt RecoverableOptions) error {
	if len(opt.Owners) != 1 {
		return ledger.Errorf(ledger.Invalid, "Charges récupérables : choisissez un copropriétaire")
	}
	if opt.Printed.IsZero() {
		opt.Printed = ledger.Now()
	}
	var st RecoverableStatement
	var doc reports.Recoverable
	var exID int64
	err := r.View(func(tx *ledger.Tx) error {
		list, err := recoverableStatements(tx, opt)
		if err != nil {
			return err
		}
		st = list[0]
		exID = exerciseIDAt(tx, opt.To)
		kit, err := NewLetterKit(tx, opt.Printed)
		if err != nil {
			return err
		}
		doc, err = recoverableDocument(kit, st)
		return err
	})
	if err != nil {
		return err
	}
	letters, err := reports.RecoverableStatements([]reports.Recoverable{doc}, opt.Printed)
	if err != nil {
		return ledger.Wrap(ledger.Internal, err, "Le relevé de charges récupérables n'a pas pu être mis en page")
	}
	return r.WriteDocument(letters.Combined, Produced{Path: path, Kind: "recoverable", Date: opt.To, Exercise: exID,
		Owners: []string{st.Owner.Account}, Title: recoverableTitle(opt, st.Owner.Name)})
}

func recoverableTitle(opt RecoverableOptions, name string) string {
	return DocumentTitle(fmt.Sprintf("Charges récupérables du %s au %s", ledger.FrenchDate(opt.From), ledger.FrenchDate(opt.To)), name)
}

// recoverableDocument lays a statement out as a letter to the landlord.
func recoverableDocument(kit *LetterKit, st RecoverableStatement) (reports.Recoverable, error) {
	var lots []string
	for _, l := range st.Lots {
		lots = append(lots, l.Lot)
	}
	f := kit.Fields(st.Owner, lots)
	period := fmt.Sprintf("du %s au %s", ledger.FrenchDate(st.From), ledger.FrenchDate(st.To))
	refs := []reports.Ref{{Label: "Copropriétaire", Value: st.Owner.Account}}
	if len(lots) > 0 {
		refs = append(refs, reports.Ref{Label: "Lots", Value: fr.Join(lots, "et")})
	}
	refs = append(refs, reports.Ref{Label: "Du", Value: ledger.FrenchDate(st.From)}, reports.Ref{Label: "Au", Value: ledger.FrenchDate(st.To)})
	letter, err := kit.Letter(f, st.Owner, refs, fmt.Sprintf("%s – charges récupérables %s – %s", kit.Residence().Name, period, st.Owner.Account))
	if err != nil {
		return reports.Recoverable{}, err
	}
	d := reports.Recoverable{Letter: letter,
		Title:    "Relevé des charges récupérables",
		Subtitle: "Période " + period,
		Opening: templates.Salutation(st.Owner.Civility, st.Owner.LegalPerson()) + ",\n\n" +
			"Voici, lot par lot et clé par clé, votre quote-part des charges de la copropriété que le bailleur peut récupérer sur son locataire " +
			"(décret n° 87-713 du 26 août 1987) : pour chaque dépense, la part récupérable et la part de votre lot selon ses tantièmes.",
		Total: st.Total.String(),
	}
	for _, l := range st.Lots {
		lot := reports.RecoverableLot{Lot: l.Lot, Title: "Lot " + l.Lot, Total: l.Total.Format()}
		if l.Label != "" {
			lot.Title += " – " + l.Label
		}
		for _, k := range l.Keys {
			rk := reports.RecoverableKey{Title: fmt.Sprintf("Clé %s %s : %s / %s tantièmes", k.Key, k.Label, fr.Shares(k.Shares), fr.Shares(k.TotalShares)),
				Total: k.Total.Format()}
			for _, ln := range k.Lines {
				rk.Rows = append(rk.Rows, reports.RecoverableRow{Date: ledger.FrenchDate(ln.Date), Label: ln.Label, Amount: ln.Amount.Format(),
					Percent: fmt.Sprintf("%d %%", ln.Percent), Recoverable: ln.Recoverable.Format(), Part: ln.Part.Format()})
			}
			lot.Keys = append(lot.Keys, rk)
		}
		d.Lots = append(d.Lots, lot)
	}
	if len(st.Lots) == 0 {
		d.Notes = append(d.Notes, "Aucune charge récupérable n'a été comptabilisée sur vos lots pendant la période.")
	}
	closing := "Ce relevé vous permet de justifier auprès de votre locataire la régularisation annuelle des charges récupérables."
	if f.Syndic.Name != "" {
		closing += "\nPour toute question, votre syndic bénévole, " + f.Syndic.Name
		if f.Syndic.Phone != "" {
			closing += " (" + f.Syndic.Phone + ")"
		}
		closing += ", se tient à votre disposition."
	}
	d.Letter.Closing = closing
	return d, nil
}
