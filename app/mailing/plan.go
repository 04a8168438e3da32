package mailing

import (
	"path/filepath"
	"sort"
	"strconv"
	"time"

	"tantieme/app"
	"tantieme/app/closing"
	"tantieme/ledger"
)

// What a mailing sends (CLI: mail FILE notices|reminders|decomptes|document).
const (
	Notices   = "notices"
	Reminders = "reminders"
	Decomptes = "decomptes"
	Single    = "document"
)

// Request says what to send.
type Request struct {
	What     string    // Notices, Reminders, Decomptes or Single
	Date     time.Time // Notices: the calls' due date; Reminders: the balances' date
	Year     int       // Decomptes: the exercise's year
	Document int64     // Single: the register's document
	// DryRun writes nothing: documents missing from the register are not
	// produced, the plan names the owners they would concern.
	DryRun bool
}

// Line is one owner of a mailing: the documents he gets, his address, and
// why he must be printed instead ("" when he gets an e-mail).
type Line struct {
	Owner     string
	Name      string // civility and name
	Email     string // the address of his consent in force
	Documents []ledger.Document
	Skip      string // French: why he gets no e-mail
	Fields    map[string]string
}

// Plan is a mailing ready to be sent.
type Plan struct {
	Request  Request
	Kind     string // the documents' kind (ledger.DocumentKinds)
	Title    string // « Avis d'appel de fonds du 01/01/2026 »
	Lines    []Line
	Root     string   // the documents folder
	Produced []string // files written now because the register had none
	docDate  time.Time
}

// EmailCount and PrintCount tell the preview's two lists apart.
func (p *Plan) EmailCount() (n int) {
	for _, l := range p.Lines {
		if l.Skip == "" {
			n++
		}
	}
	return n
}

// Registered refuses a kind that plain e-mail may not carry.
func Registered(kind string) error {
	if k, ok := ledger.DocumentKinds[kind]; ok && k.Registered {
		return ledger.Errorf(ledger.Invalid, "« %s » ne peut pas partir par simple e-mail : la loi demande une lettre recommandée avec accusé de réception "+
			"ou une lettre recommandée électronique qualifiée (LRE) — loi du 10 juillet 1965 art. 42-1, décret du 17 mars 1967 art. 64. Rien n'a été envoyé.", k.Label)
	}
	return nil
}

// Prepare plans a mailing: it finds the documents in the register
// (producing the notices, reminders or décomptes into the documents folder
// first when the register has none), one line per owner concerned, and
// says who cannot get an e-mail and why. A kind the law wants registered
// refuses the whole mailing, before anything is sent.
func Prepare(r *app.Residence, req Request) (*Plan, error) {
	root, err := r.DocumentsFolder()
	if err != nil {
		return nil, err
	}
	p := &Plan{Request: req, Root: root}
	var docs []ledger.Document
	f := ledger.DocumentFilter{}
	switch req.What {
	case Notices:
		if req.Date.IsZero() {
			return nil, ledger.Errorf(ledger.Invalid, "Indiquez la date d'échéance des appels dont les avis sont à envoyer")
		}
		p.Kind, p.Title = "notice", "Avis d'appel de fonds du "+ledger.FrenchDate(req.Date)
		f = ledger.DocumentFilter{Kind: "notice", Since: req.Date, Until: req.Date}
	case Reminders:
		if req.Date.IsZero() {
			return nil, ledger.Errorf(ledger.Invalid, "Indiquez la date des relances à envoyer")
		}
		p.Kind, p.Title = "reminder", "Relances au "+ledger.FrenchDate(req.Date)
		f = ledger.DocumentFilter{Kind: "reminder", Since: req.Date, Until: req.Date}
	case Decomptes:
		if req.Year == 0 {
			return nil, ledger.Errorf(ledger.Invalid, "Indiquez l'exercice des décomptes à envoyer")
		}
		p.Kind, p.Title = "decompte", "Décomptes de charges de l'exercice "+itoa(req.Year)
		f = ledger.DocumentFilter{Kind: "decompte"}
	case Single:
		d, err := read(r, func(tx *ledger.Tx) (ledger.Document, error) { return tx.Document(req.Document) })
		if err != nil {
			return nil, err
		}
		if !d.Live() {
			return nil, ledger.Errorf(ledger.Invalid, "Le document n° %d a été retiré le %s : il ne s'envoie plus", d.ID, ledger.FrenchDate(d.Withdrawn))
		}
		p.Kind, p.Title, p.docDate = d.Kind, d.Title, d.Date
		docs = []ledger.Document{d}
	default:
		return nil, ledger.Errorf(ledger.Invalid, "Envoi « %s » inconnu : notices, reminders, decomptes ou document", req.What)
	}
	if err := Registered(p.Kind); err != nil {
		return nil, err
	}
	if req.What != Single {
		if docs, err = registerDocs(r, f, req); err != nil {
			return nil, err
		}
		if len(docs) == 0 && req.DryRun {
			if docs, err = wouldProduce(r, req, p.Title); err != nil {
				return nil, err
			}
		} else if len(docs) == 0 {
			if p.Produced, err = produce(r, root, req); err != nil {
				return nil, err
			}
			if docs, err = registerDocs(r, f, req); err != nil {
				return nil, err
			}
		}
	}
	for _, d := range docs {
		if err := Registered(d.Kind); err != nil {
			return nil, err
		}
	}
	if err := p.lines(r, docs); err != nil {
		return nil, err
	}
	return p, p.amounts(r)
}

// amounts fills {montant}: what a notice asks, what a reminder claims.
func (p *Plan) amounts(r *app.Residence) error {
	due := map[string]string{}
	switch p.Request.What {
	case Notices:
		owners, list, err := r.Notices(p.Request.Date, app.NoticeOptions{})
		if err != nil {
			return nil // the notices were registered but cannot be redrawn: no amount
		}
		for i, o := range owners {
			due[o] = list[i].Due
		}
	case Reminders:
		ds, err := r.Debtors(p.Request.Date, 0)
		if err != nil {
			return err
		}
		for _, d := range ds {
			due[d.Account] = d.Balance.String()
		}
	}
	for i := range p.Lines {
		p.Lines[i].Fields["montant"] = due[p.Lines[i].Owner]
	}
	return nil
}

// registerDocs are the register's documents a request names.
func registerDocs(r *app.Residence, f ledger.DocumentFilter, req Request) ([]ledger.Document, error) {
	docs, err := read(r, func(tx *ledger.Tx) ([]ledger.Document, error) { return tx.Documents(f) })
	if err != nil || req.What != Decomptes {
		return docs, err
	}
	var out []ledger.Document
	for _, d := range docs {
		if ex, err := exerciseOf(r, d); err == nil && ex.Year() == req.Year {
			out = append(out, d)
		}
	}
	return out, nil
}

// produce writes the documents of a request into the residence's
// documents folder, in the subfolders the window uses; the writers record
// each owner's document in the register themselves (one line per owner,
// never the combined file).
func produce(r *app.Residence, root string, req Request) ([]string, error) {
	switch req.What {
	case Notices:
		nf, err := r.WriteNotices(filepath.Join(root, app.FolderCalls), req.Date, app.NoticeOptions{})
		return nf.Owners, err
	case Reminders:
		rf, err := r.WriteReminders(filepath.Join(root, app.FolderReminders), reminderOptions(req.Date, nil))
		return rf.Owners, err
	case Decomptes:
		ex, err := r.ExerciseOfYear(req.Year)
		if err != nil {
			return nil, err
		}
		sf, err := closing.WriteDecomptes(r, filepath.Join(root, app.ClosingFolder(ex)), ex, closing.DecompteOptions{})
		return sf.Owners, err
	}
	return nil, nil
}

// wouldProduce are the documents produce would write, unwritten (ID 0):
// one per owner concerned.
func wouldProduce(r *app.Residence, req Request, title string) ([]ledger.Document, error) {
	var owners []string
	var err error
	switch req.What {
	case Notices:
		owners, _, err = r.Notices(req.Date, app.NoticeOptions{})
	case Reminders:
		var ds []app.Debtor
		ds, err = r.Debtors(req.Date, 0)
		for _, d := range ds {
			owners = append(owners, d.Account)
		}
	case Decomptes:
		var ex ledger.Exercise
		if ex, err = r.ExerciseOfYear(req.Year); err == nil {
			owners, _, _, err = closing.Decomptes(r, ex, closing.DecompteOptions{})
		}
	}
	docs := make([]ledger.Document, len(owners))
	for i, o := range owners {
		docs[i] = ledger.Document{Title: title, Date: req.Date, Owners: []string{o}}
	}
	return docs, err
}

// reminderOptions are the reminders of day at: every debtor, to pay
// within a fortnight.
func reminderOptions(at time.Time, accounts []string) app.ReminderOptions {
	return app.ReminderOptions{At: at, PayBy: at.AddDate(0, 0, 15), Accounts: accounts}
}

// lines groups the documents by owner and finds each owner's address.
func (p *Plan) lines(r *app.Residence, docs []ledger.Document) error {
	return r.View(func(tx *ledger.Tx) error {
		info, err := tx.Residence()
		if err != nil {
			return err
		}
		consents, err := tx.Consents()
		if err != nil {
			return err
		}
		byOwner := map[string][]ledger.Document{}
		for _, d := range docs {
			owners := d.Owners
			if len(owners) == 0 {
				// A document for every owner: those owning a lot today.
				at, err := tx.OwnersAt(ledger.Today())
				if err != nil {
					return err
				}
				seen := map[string]bool{}
				for _, o := range at {
					if !seen[o] {
						seen[o] = true
						owners = append(owners, o)
					}
				}
			}
			for _, o := range owners {
				byOwner[o] = append(byOwner[o], d)
			}
		}
		accounts := make([]string, 0, len(byOwner))
		for o := range byOwner {
			accounts = append(accounts, o)
		}
		sort.Strings(accounts)
		for _, acc := range accounts {
			o, err := tx.Owner(acc)
			if err != nil {
				return err
			}
			l := Line{Owner: acc, Name: o.DisplayName(), Documents: byOwner[acc]}
			l.Fields = map[string]string{"civilite": civility(o), "nom": o.Name, "residence": info.Name, "syndic": info.SyndicName, "date": p.date(), "montant": ""}
			c, ok := consents[acc]
			switch {
			case !ok:
				l.Skip = "pas d'accord pour l'e-mail (loi 1965 art. 42-1) : courrier à imprimer"
			case c.Email == "":
				l.Skip = "pas d'adresse e-mail : courrier à imprimer"
			default:
				l.Email = c.Email
			}
			for _, d := range l.Documents {
				if d.ID == 0 {
					continue // a dry run's document, not written
				}
				if st := app.DocumentState(p.Root, d); st != "" && l.Skip == "" {
					l.Skip = "document « " + d.Title + " » : " + st
				}
			}
			p.Lines = append(p.Lines, l)
		}
		return nil
	})
}

// civility is how a letter greets the owner.
func civility(o ledger.Owner) string {
	switch o.Civility {
	case "M.", "M", "Monsieur":
		return "Monsieur"
	case "Mme", "Madame":
		return "Madame"
	}
	return "Madame, Monsieur" // a couple, a company, nothing said
}

func (p *Plan) date() string {
	if p.Request.What == Decomptes {
		return itoa(p.Request.Year)
	}
	if p.Request.What == Single {
		return ledger.FrenchDate(p.docDate)
	}
	if !p.Request.Date.IsZero() {
		return ledger.FrenchDate(p.Request.Date)
	}
	return ""
}

func itoa(n int) string { return strconv.Itoa(n) }

func read[T any](r *app.Residence, fn func(tx *ledger.Tx) (T, error)) (T, error) {
	var v T
	err := r.View(func(tx *ledger.Tx) error {
		var err error
		v, err = fn(tx)
		return err
	})
	return v, err
}
