// Package templates holds the texts of the letters the program prints (the
// header of every letter, the opening and footer of the call notices, the
// reminder), with merge fields written the Go text/template way:
// {{.Owner.Name}}, {{.DueDate}}… The defaults are embedded; a residence may
// override each text (stored in its file by the app layer), and Check tells
// a user in French what is wrong with a text he typed.
package templates

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"text/template"
)

// Name identifies a letter text. The values are stored in residence files:
// never change them.
type Name string

const (
	Header   Name = "entete"  // top left of every letter: the syndicat and its syndic
	Opening  Name = "appel"   // the call notice's opening text
	Footer   Name = "pied"    // below the call notice and the reminder
	Reminder Name = "relance" // the reminder's text
	// WorksOpening opens a notice that calls works only: it cites the AG
	// decision, never the budget (works outside the budget are due as the
	// AG voted them: loi du 10 juillet 1965, art. 14-2).
	WorksOpening Name = "appel_travaux"
	// OneOffOpening opens a notice that holds one-off or advance calls only
	// (« appels directs », seed 002): an AG decision outside the budget;
	// .Period is the call's label.
	OneOffOpening Name = "appel_ponctuel"
	// The letters written from a card (« Écrire une lettre… »): the
	// manual's RTF merges. The whole letter is the text; .Supplier is
	// the addressee of a supplier's.
	OwnerLetter    Name = "lettre_coproprietaire"
	QuoteRequest   Name = "demande_devis"
	WorkOrder      Name = "ordre_service"
	SupplierLetter Name = "lettre_fournisseur"
)

// Info describes a text for the screen that edits it.
type Info struct {
	Name  Name
	Label string // French
	Help  string // French: where it prints
}

// All lists the texts in the order a settings screen shows them.
func All() []Info {
	return []Info{
		{Header, "En-tête des lettres", "En haut à gauche des avis d'appel et des relances ; la première ligne est imprimée en gras."},
		{Opening, "Texte de l'avis d'appel", "Au-dessus du détail de l'appel, après le titre."},
		{WorksOpening, "Texte de l'avis d'appel de travaux", "Au-dessus du détail d'un appel de travaux votés par l'assemblée générale (hors budget)."},
		{OneOffOpening, "Texte de l'avis d'appel ponctuel", "Au-dessus du détail d'un appel ponctuel ou d'un appel d'avance (fonds de roulement) décidé par l'assemblée générale."},
		{Footer, "Pied des lettres", "Sous le montant à payer des avis d'appel, et à la fin des relances, au-dessus de la signature."},
		{Reminder, "Texte de la relance", "Le corps de la lettre de relance, au-dessus du relevé de compte."},
		{OwnerLetter, "Lettre libre à un copropriétaire", "La lettre écrite depuis la fiche d'un copropriétaire (« Écrire une lettre… »), sous l'adresse."},
		{QuoteRequest, "Demande de devis", "La lettre de demande de devis écrite depuis la fiche d'un fournisseur, sous l'adresse."},
		{WorkOrder, "Ordre de service", "L'ordre de service écrit depuis la fiche d'un fournisseur, sous l'adresse."},
		{SupplierLetter, "Lettre libre à un fournisseur", "La lettre écrite depuis la fiche d'un fournisseur (« Écrire une lettre… »), sous l'adresse."},
	}
}

// CardLetters are the texts a card offers: a supplier's, or an owner's.
func CardLetters(supplier bool) []Info {
	var out []Info
	for _, i := range All() {
		switch i.Name {
		case OwnerLetter:
			if !supplier {
				out = append(out, i)
			}
		case QuoteRequest, WorkOrder, SupplierLetter:
			if supplier {
				out = append(out, i)
			}
		}
	}
	return out
}

// Known says whether n is one of the texts.
func Known(n Name) bool {
	for _, i := range All() {
		if i.Name == n {
			return true
		}
	}
	return false
}

//go:embed defaults/*.txt
var defaults embed.FS

// Default returns the program's text for n.
func Default(n Name) string {
	b, err := defaults.ReadFile("defaults/" + string(n) + ".txt")
	if err != nil {
		panic("templates: no default for " + string(n))
	}
	return string(b)
}

// Residence is the syndicat's name and address.
type Residence struct {
	Name    string
	Address string
	Zip     string
	City    string
}

// Syndic is who keeps the books.
type Syndic struct {
	Name    string
	Address string
	Phone   string
	Email   string
}

// Owner is the letter's addressee.
type Owner struct {
	Account     string // 450001
	Civility    string // "M. et Mme"
	Name        string
	DisplayName string // civility and name
	Salutation  string // "Madame, Monsieur", "Monsieur"…
	Address     string
	Zip         string
	City        string
	Lots        string // "lots 9, 14 et 19"
}

// Supplier is the addressee of a letter to a supplier.
type Supplier struct {
	Account    string // 401001
	Name       string
	Contact    string // « M. Didier Chabert »; "" when none
	Salutation string // « Madame, Monsieur », or the contact's
	Address    string
	Zip        string
	City       string
	Balance    string // what the syndicat owes him (« 1 234,56 € »)
}

// Bank is where owners pay.
type Bank struct {
	Holder string
	IBAN   string
	BIC    string
}

// Works is the AG decision a works call carries out.
type Works struct {
	Code       string // "ASC"
	Label      string // "Modernisation de l'ascenseur"
	AGDate     string // the general meeting that voted them; "" when unknown
	Resolution string // "résolution n° 12"; "" when unknown
	Voted      string // "24 000,00 €"
	Schedule   string // "01/01/2026, 01/04/2026, 01/07/2026 et 01/10/2026"
	Number     string // this call's rank in the schedule: "2"
	Count      string // calls in the schedule: "4"
}

// Fields are the merge fields of every text. Dates and amounts come
// formatted the French way ("01/01/2025", "1 234,56 €"); fields that do
// not apply to a letter are empty.
type Fields struct {
	Residence Residence
	Syndic    Syndic
	Owner     Owner
	Supplier  Supplier // letters to a supplier
	Bank      Bank
	Today     string // the letter's date
	Exercise  string // "2025"

	// Call notices.
	CallDate        string
	DueDate         string
	PeriodStart     string
	PeriodEnd       string
	Period          string // "1er trimestre 2025"
	Total           string // what the notice calls
	PreviousBalance string
	AmountDue       string
	Works           Works // a works call's decision; empty for the budget
	// Debit announces the direct debit of an owner with a SEPA mandate
	// (« Montant prélevé le 01/04/2026 : 312,50 € … »); empty for the
	// others, who pay by transfer or cheque.
	Debit string

	// Reminders.
	Date      string // the balance's date
	Balance   string
	PayBy     string
	Threshold string
}

// Salutation is how a letter addresses an owner with that civility;
// a legal person or a group (ledger.Owner.LegalPerson: SCI, indivision…)
// is « Madame, Monsieur » whatever civility was typed for its
// representative.
func Salutation(civility string, legalPerson bool) string {
	if legalPerson {
		return "Madame, Monsieur"
	}
	switch strings.ToLower(strings.TrimSpace(civility)) {
	case "m.", "m", "monsieur", "mr", "mr.":
		return "Monsieur"
	case "mme", "mme.", "madame", "mlle", "mademoiselle":
		return "Madame"
	case "mmes", "mesdames":
		return "Mesdames"
	case "mm.", "messieurs":
		return "Messieurs"
	}
	return "Madame, Monsieur"
}

// Sample is a made-up set of fields: to check a text, and for previews.
func Sample() Fields {
	return Fields{
		Residence: Residence{Name: "Résidence Les Tilleuls", Address: "14 rue des Tilleuls", Zip: "69003", City: "Lyon"},
		Syndic:    Syndic{Name: "Mme Hélène Lefèvre", Address: "14 rue des Tilleuls, 69003 Lyon", Phone: "04 65 71 20 31", Email: "syndic@example.org"},
		Owner: Owner{Account: "450001", Civility: "M. et Mme", Name: "Bernard Jean-Luc et Françoise",
			DisplayName: "M. et Mme Bernard Jean-Luc et Françoise", Salutation: "Madame, Monsieur",
			Address: "14 rue des Tilleuls, bât. A", Zip: "69003", City: "Lyon", Lots: "lots 9, 14 et 19"},
		Supplier: Supplier{Account: "401004", Name: "Ascenseurs Rhône Service", Contact: "M. Didier Chabert", Salutation: "Monsieur",
			Address: "7 rue de l'Industrie", Zip: "69100", City: "Villeurbanne", Balance: "0,00 €"},
		Bank:     Bank{Holder: "SDC Résidence Les Tilleuls", IBAN: "FR76 3000 2008 4700 0007 1432 567", BIC: "CRLYFRPP"},
		Today:    "15/12/2024",
		Exercise: "2025",
		CallDate: "01/01/2025", DueDate: "01/01/2025", PeriodStart: "01/01/2025", PeriodEnd: "31/03/2025",
		Period: "1er trimestre 2025", Total: "1 012,43 €", PreviousBalance: "0,00 €", AmountDue: "1 012,43 €",
		Date: "30/11/2025", Balance: "1 251,08 €", PayBy: "15/12/2025", Threshold: "100,00 €",
		Works: Works{Code: "ASC", Label: "Modernisation de l'ascenseur", AGDate: "12/06/2025", Voted: "24 000,00 €",
			Schedule: "01/01/2026, 01/04/2026, 01/07/2026 et 01/10/2026", Number: "2", Count: "4"},
	}
}

// Template is a text ready to be filled for many letters.
type Template struct {
	name Name
	t    *template.Template
}

var funcs = template.FuncMap{
	"upper": strings.ToUpper,
	"lower": strings.ToLower,
}

// Parse reads a text, checking its syntax and its merge fields against
// Sample; the error is a French sentence.
func Parse(n Name, text string) (*Template, error) {
	t, err := template.New(string(n)).Funcs(funcs).Option("missingkey=error").Parse(text)
	if err != nil {
		return nil, explain(n, text, err)
	}
	tp := &Template{name: n, t: t}
	if _, err := tp.Execute(Sample()); err != nil {
		return nil, err
	}
	return tp, nil
}

// Check says whether a text typed by a user can be used, in French.
func Check(n Name, text string) error {
	_, err := Parse(n, text)
	return err
}

// Execute fills the text. Lines are right-trimmed, runs of blank lines
// become one (a field left empty does not leave a hole), and the text
// starts and ends with a printed line.
func (tp *Template) Execute(f Fields) (string, error) {
	var b bytes.Buffer
	if err := tp.t.Execute(&b, f); err != nil {
		return "", explain(tp.name, "", err)
	}
	return tidy(b.String()), nil
}

// Render parses and fills a text once.
func Render(n Name, text string, f Fields) (string, error) {
	tp, err := Parse(n, text)
	if err != nil {
		return "", err
	}
	return tp.Execute(f)
}

func tidy(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var out []string
	blank := true // drop leading blank lines
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimRight(l, " \t")
		if l == "" {
			if !blank {
				out = append(out, "")
			}
			blank = true
			continue
		}
		blank = false
		out = append(out, l)
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return strings.Join(out, "\n")
}

// Paragraphs splits a filled text on its blank lines.
func Paragraphs(s string) []string {
	var out []string
	for _, p := range strings.Split(s, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

var (
	lineRe  = regexp.MustCompile(`^template: [^:]*:(\d+)(:\d+)?: (.*)$`)
	execRe  = regexp.MustCompile(`^template: [^:]*:(\d+):`)
	fieldRe = regexp.MustCompile(`can't evaluate field (\w+) in type ([\w.]+)`)
	mapRe   = regexp.MustCompile(`map has no entry for key "?(\w+)"?`)
	funcRe  = regexp.MustCompile(`function "(\w+)" not defined`)
)

// explain turns text/template's English errors into a French sentence that
// says where the problem is.
func explain(n Name, text string, err error) error {
	label := string(n)
	for _, i := range All() {
		if i.Name == n {
			label = i.Label
		}
	}
	msg := err.Error()
	var execErr template.ExecError
	if errors.As(err, &execErr) {
		msg = execErr.Err.Error()
	}
	where := ""
	if m := lineRe.FindStringSubmatch(msg); m != nil {
		where = " (ligne " + m[1] + ")"
		msg = m[3]
	} else if i := strings.LastIndex(msg, ": "); strings.HasPrefix(msg, "template: ") && i > 0 {
		// Execution errors: "template: appel:3:12: executing … at <.Owner.Nom>: can't evaluate…".
		head := msg[:i]
		if m := execRe.FindStringSubmatch(head); m != nil {
			where = " (ligne " + m[1] + ")"
		}
		msg = msg[i+2:]
	}
	var what string
	switch {
	case fieldRe.MatchString(msg):
		m := fieldRe.FindStringSubmatch(msg)
		what = fmt.Sprintf("le champ de fusion « %s » n'existe pas%s", m[1], fieldsHint(m[2]))
	case mapRe.MatchString(msg):
		what = fmt.Sprintf("le champ de fusion « %s » n'existe pas", mapRe.FindStringSubmatch(msg)[1])
	case funcRe.MatchString(msg):
		what = fmt.Sprintf("« %s » n'est pas un champ de fusion (écrivez {{.%s}} avec un point)", funcRe.FindStringSubmatch(msg)[1], funcRe.FindStringSubmatch(msg)[1])
	case strings.Contains(msg, "unclosed action"):
		what = "une accolade {{ n'est pas refermée par }}"
	case strings.Contains(msg, "unexpected {{end}}"):
		what = "un {{end}} ne ferme aucun {{if}} ni {{with}}"
	case strings.Contains(msg, "unexpected EOF"):
		what = "un {{if}} ou un {{with}} n'est pas fermé par {{end}}"
	default:
		what = "syntaxe incorrecte (" + msg + ")"
	}
	return &Error{Name: n, Msg: fmt.Sprintf("Modèle « %s »%s : %s", label, where, what)}
}

// fieldsHint lists the fields of the type a wrong field was looked up in.
func fieldsHint(typ string) string {
	names := map[string]string{
		"templates.Fields":    "CallDate, DueDate, PeriodStart, PeriodEnd, Period, Total, PreviousBalance, AmountDue, Works, Date, Balance, PayBy, Threshold, Today, Exercise, Residence, Syndic, Owner, Bank",
		"templates.Works":     "Works.Code, Works.Label, Works.AGDate, Works.Resolution, Works.Voted, Works.Schedule, Works.Number, Works.Count",
		"templates.Owner":     "Owner.Account, Owner.Civility, Owner.Name, Owner.DisplayName, Owner.Salutation, Owner.Address, Owner.Zip, Owner.City, Owner.Lots",
		"templates.Residence": "Residence.Name, Residence.Address, Residence.Zip, Residence.City",
		"templates.Syndic":    "Syndic.Name, Syndic.Address, Syndic.Phone, Syndic.Email",
		"templates.Bank":      "Bank.Holder, Bank.IBAN, Bank.BIC",
	}
	if s, ok := names[typ]; ok {
		return " (champs possibles : " + s + ")"
	}
	return ""
}

// Error is a text that cannot be used; Msg is a French sentence.
type Error struct {
	Name Name
	Msg  string
}

func (e *Error) Error() string { return e.Msg }
