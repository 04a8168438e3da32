package app

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/reports"
)

// The documents a publication adds to the spaces, per PublishSettings:
// each owner's account statement at the publication date, the residence's
// contact and bank details, the list of the exercise's expenses. They are
// written into the documents folder (« Publication ») and registered like
// any other document, so the publication sends them by the same rules and
// the register says what was given. They are printed on the day, not the
// minute: published again the same day with the same books, they are the
// same bytes and nothing is sent twice.

// publicationDir is where those documents go, inside the documents folder.
const publicationDir = "Publication"

// PublicationDocuments writes and registers the documents of a publication
// at day. A document the settings no longer want (the bank details) is
// withdrawn, so the publication removes it from the spaces.
func (r *Residence) PublicationDocuments(day time.Time, s PublishSettings) error {
	root, err := r.DocumentsFolder()
	if err != nil {
		return err
	}
	dir := filepath.Join(root, publicationDir)
	if err := ledger.CheckOutputDir(dir); err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return ledger.Wrap(ledger.Invalid, err, "Le dossier « %s » ne peut pas être créé", dir)
	}
	var ex ledger.Exercise
	var res ledger.Residence
	var owners []ledger.Owner
	var shares map[string]fundShare
	var contact reports.ResidenceContact
	var expenses reports.ExpenseList
	registered := map[string]ledger.Document{}
	err = r.View(func(tx *ledger.Tx) error {
		var err error
		if ex, err = publicationExercise(tx, day); err != nil {
			return err
		}
		if res, err = tx.Residence(); err != nil {
			return err
		}
		if owners, err = tx.Owners(); err != nil {
			return err
		}
		if shares, err = fundShares(tx, minDay(day, ex.End)); err != nil {
			return err
		}
		if contact, err = residenceContact(tx, res, day); err != nil {
			return err
		}
		if expenses, err = expenseList(tx, ex, minDay(day, ex.End), day); err != nil {
			return err
		}
		docs, err := tx.Documents(ledger.DocumentFilter{})
		for _, d := range docs {
			registered[d.File] = d
		}
		return err
	})
	if err != nil {
		return err
	}
	var produced []Produced
	var unwanted []string
	// The statements of the owners still owning at day.
	to := minDay(day, ex.End)
	var accounts []string
	for _, o := range owners {
		if !o.Left(day) {
			accounts = append(accounts, o.Account)
		}
	}
	if len(accounts) > 0 {
		list, p, err := r.OwnerAccounts(BookOptions{Exercise: ex, To: to, Accounts: accounts})
		if err != nil {
			return err
		}
		fp, err := r.fingerprint(ex)
		if err != nil {
			return err
		}
		head := reports.BookHead{Residence: res.Name, Period: p.Name(), Printed: day, Fingerprint: fp}
		for _, o := range list {
			st := ownerAccountReport(o, p)
			if s.WorksFund {
				st.Notes = shares[o.Owner.Account].notes(to)
			}
			pdf, err := reports.OwnerAccountsPDF(reports.OwnerAccountsBook{BookHead: head, Owners: []reports.OwnerAccount{st}})
			if err != nil {
				return ledger.Wrap(ledger.Internal, err, "La mise en page du relevé de compte %s a échoué", o.Owner.Account)
			}
			path := filepath.Join(dir, "Relevé de compte "+o.Owner.Account+".pdf")
			if err := writeIfChanged(path, pdf); err != nil {
				return err
			}
			produced = append(produced, Produced{Path: path, Kind: "statement", Title: "Relevé de compte au " + ledger.FrenchDate(to),
				Date: day, Exercise: ex.ID, Owners: []string{o.Owner.Account}})
		}
	}
	contactPath := filepath.Join(dir, "Coordonnées de la résidence.pdf")
	if s.NoBankDetails {
		unwanted = append(unwanted, contactPath)
	} else {
		// Printed on the day it last changed: the same details published
		// on another day are not sent to every owner again.
		if d, ok := registered[registeredName(root, contactPath)]; ok {
			again := contact
			again.Printed = d.Date
			if pdf, err := reports.ResidenceContactPDF(again); err == nil {
				if old, err := os.ReadFile(contactPath); err == nil && bytes.Equal(old, pdf) {
					contact = again
				}
			}
		}
		pdf, err := reports.ResidenceContactPDF(contact)
		if err != nil {
			return ledger.Wrap(ledger.Internal, err, "La mise en page des coordonnées de la résidence a échoué")
		}
		if err := writeIfChanged(contactPath, pdf); err != nil {
			return err
		}
		produced = append(produced, Produced{Path: contactPath, Kind: "other", Binder: "divers", Title: "Coordonnées de la résidence", Date: contact.Printed})
	}
	// The expenses: the council's binder, or one every owner sees when the
	// syndic publishes them to all; producing the file again moves it.
	pdf, err := reports.ExpensesPDF(expenses)
	if err != nil {
		return ledger.Wrap(ledger.Internal, err, "La mise en page de la liste des dépenses a échoué")
	}
	expensesPath := filepath.Join(dir, "Liste des dépenses "+fr.FileName(ex.Name())+".pdf")
	if err := writeIfChanged(expensesPath, pdf); err != nil {
		return err
	}
	binder := "conseil"
	if s.Expenses {
		binder = "releves"
	}
	produced = append(produced, Produced{Path: expensesPath, Kind: "book", Binder: binder, Title: "Liste des dépenses de l'exercice " + ex.Name(), Date: day, Exercise: ex.ID})
	if _, err := r.Register(produced...); err != nil {
		return err
	}
	return r.withdrawFiles(root, day, unwanted)
}

// withdrawFiles withdraws the live documents of these files.
func (r *Residence) withdrawFiles(root string, day time.Time, paths []string) error {
	if len(paths) == 0 {
		return nil
	}
	names := map[string]bool{}
	for _, p := range paths {
		names[registeredName(root, p)] = true
	}
	return r.Update(func(tx *ledger.Tx) error {
		docs, err := tx.Documents(ledger.DocumentFilter{})
		if err != nil {
			return err
		}
		for _, d := range docs {
			if names[d.File] {
				if err := tx.WithdrawDocument(d.ID, day); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// writeIfChanged writes data at path unless the file already holds it:
// its date stays that of the day it last changed.
func writeIfChanged(path string, data []byte) error {
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
		return nil
	}
	return ledger.WriteOutputBytes(path, data)
}

func minDay(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

// publicationExercise is the exercise of day, or the last one begun before
// it (a publication after the last exercise's end).
func publicationExercise(tx *ledger.Tx, day time.Time) (ledger.Exercise, error) {
	list, err := tx.Exercises()
	if err != nil {
		return ledger.Exercise{}, err
	}
	var ex ledger.Exercise
	for _, e := range list {
		if !e.Start.After(day) && (ex.Start.IsZero() || e.Start.After(ex.Start)) {
			ex = e
		}
	}
	if ex.Start.IsZero() {
		return ex, ledger.Errorf(ledger.NotFound, "Aucun exercice de la résidence ne commence avant le %s", ledger.FrenchDate(day))
	}
	return ex, nil
}

// PublicationStart is the first day of the exercise of day: a first
// publication without history sends the documents dated from it.
func (r *Residence) PublicationStart(day time.Time) (time.Time, error) {
	var ex ledger.Exercise
	err := r.View(func(tx *ledger.Tx) (err error) { ex, err = publicationExercise(tx, day); return })
	return ex.Start, err
}

// fingerprint is the books' fingerprint of ex, printed on a statement.
func (r *Residence) fingerprint(ex ledger.Exercise) (string, error) {
	var fp string
	err := r.View(func(tx *ledger.Tx) (err error) { fp, err = FingerprintText(tx, ex); return })
	return fp, err
}

// residenceContact is the contact sheet's content: the syndic and the
// current accounts owners pay into (never a savings account: nobody pays
// into the works fund's livret directly).
func residenceContact(tx *ledger.Tx, res ledger.Residence, day time.Time) (reports.ResidenceContact, error) {
	c := reports.ResidenceContact{Residence: res.Name, Printed: day}
	c.Address = fr.NonEmpty(res.Address, (res.Zip + " " + res.City))
	c.Syndic = fr.NonEmpty(res.SyndicName, res.SyndicAddress)
	if res.SyndicPhone != "" {
		c.Syndic = append(c.Syndic, "Téléphone : "+res.SyndicPhone)
	}
	if res.SyndicEmail != "" {
		c.Syndic = append(c.Syndic, "Courriel : "+res.SyndicEmail)
	}
	banks, err := tx.BankAccounts()
	if err != nil {
		return c, err
	}
	for _, b := range banks {
		if b.Savings || b.IBAN == "" {
			continue
		}
		c.Banks = append(c.Banks, reports.ContactBank{Label: b.Label, Holder: fr.SyndicatName(res.Name), IBAN: fr.IBAN(b.IBAN), BIC: b.BIC})
	}
	return c, nil
}

// expenseList is the charges booked in ex up to day to, account by account:
// every class-6 line, with the supplier of its entry when it has one.
func expenseList(tx *ledger.Tx, ex ledger.Exercise, to, printed time.Time) (reports.ExpenseList, error) {
	p := BookPeriod{Exercise: ex, From: ex.Start, To: to}
	l := reports.ExpenseList{BookHead: reports.BookHead{Period: p.Name(), Printed: printed}}
	res, err := tx.Residence()
	if err != nil {
		return l, err
	}
	l.Residence = res.Name
	if l.Fingerprint, err = FingerprintText(tx, ex); err != nil {
		return l, err
	}
	entries, err := PeriodEntries(tx, p, "")
	if err != nil {
		return l, err
	}
	labels, err := AccountLabels(tx)
	if err != nil {
		return l, err
	}
	byAccount := map[string]*reports.ExpenseAccount{}
	totals := map[string]ledger.Amount{}
	var total ledger.Amount
	for _, e := range entries {
		supplier := ""
		for _, x := range e.Lines {
			if ledger.IsSupplierAccount(x.Account) {
				supplier = labels[x.Account]
				break
			}
		}
		for _, x := range e.Lines {
			if ledger.AccountClass(x.Account) != 6 {
				continue
			}
			a := byAccount[x.Account]
			if a == nil {
				a = &reports.ExpenseAccount{Account: x.Account, Label: labels[x.Account]}
				byAccount[x.Account] = a
			}
			label := x.Label
			if label == "" {
				label = e.Label
			}
			// « Eaux de Lyon, eau froide » beside the column « Eaux de
			// Lyon »: the label says what, the column who.
			if rest, ok := strings.CutPrefix(label, supplier+", "); ok && supplier != "" && rest != "" {
				label = fr.UpperFirst(rest)
			}
			a.Lines = append(a.Lines, reports.ExpenseLine{Date: ledger.FrenchDate(e.Date), Piece: e.Piece, Label: label, Supplier: supplier, Amount: x.Balance().Format()})
			totals[x.Account] += x.Balance()
			total += x.Balance()
		}
	}
	codes := make([]string, 0, len(byAccount))
	for c := range byAccount {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	for _, c := range codes {
		a := byAccount[c]
		a.Total = totals[c].Format()
		l.Accounts = append(l.Accounts, *a)
	}
	l.Total = total.Format()
	return l, nil
}

// fundShare is what was called from an owner for the works fund (105,
// loi du 10 juillet 1965 art. 14-2: attached to his lots, never paid
// back) and as provisions for works voted and not yet done (102).
type fundShare struct{ fund, works ledger.Amount }

func (f fundShare) notes(day time.Time) []string {
	at := " jusqu'au " + ledger.FrenchDate(day)
	out := []string{"Fonds de travaux (compte 105, loi du 10 juillet 1965 art. 14-2) : " + f.fund.Format() + " appelés de vous" + at +
		". Ces sommes sont attachées à vos lots et ne sont pas remboursées en cas de vente."}
	if f.works != 0 {
		out = append(out, "Provisions pour travaux votés (comptes 102) : "+f.works.Format()+" appelées de vous"+at+".")
	}
	return out
}

// fundShares adds up each owner's parts of the live calls for the works
// fund and of the works calls credited to a works reserve, due up to day.
func fundShares(tx *ledger.Tx, day time.Time) (map[string]fundShare, error) {
	calls, err := tx.Calls(ledger.CallFilter{Live: true})
	if err != nil {
		return nil, err
	}
	out := map[string]fundShare{}
	for _, c := range calls {
		fund := c.Kind == ledger.FundCall
		works := c.Kind == ledger.WorksCall && c.Account == ledger.WorksReserveAccount(c.Works)
		if !fund && !works || c.Due.After(day) {
			continue
		}
		full, err := tx.Call(c.ID)
		if err != nil {
			return nil, err
		}
		for _, p := range full.Parts {
			s := out[p.Owner]
			if fund {
				s.fund += p.Amount
			} else {
				s.works += p.Amount
			}
			out[p.Owner] = s
		}
	}
	return out, nil
}
