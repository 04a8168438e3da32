package assembly

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"tantieme/app"
	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/reports"
)

// Folder is the subfolder of the documents folder the convocations go to.
const Folder = "Assemblées générales"

// ConvocationOptions say where and when the convocations are sent.
type ConvocationOptions struct {
	Dir     string    // "" for the documents folder's Folder
	Sent    time.Time // the day they are sent, recorded; zero: today
	Printed time.Time // zero: Sent
}

// Convocations is what WriteConvocations wrote.
type Convocations struct {
	Dir      string
	Files    []string        // one per owner, registered in the register of documents
	Combined string          // every pack in one file for printing (not registered: it concerns every owner)
	Warning  string          // the delay of décret 1967 art. 9 not met, "" when it is
	Assembly ledger.Assembly // as recorded now: convened, its consultation days
}

// ConvocationFileName is one owner's pack:
// CONVOCATION_AG_DU_12_06_2026_450001_DUPONT_ZOE.pdf.
func ConvocationFileName(day time.Time, owner, name string) string {
	return fmt.Sprintf("CONVOCATION_AG_DU_%s_%s_%s.pdf", day.Format("02_01_2006"), owner, fr.FileName(name))
}

// Pack is an owner's convocation pack.
type Pack struct {
	Owner string // his account
	reports.AssemblyPack
}

// Packs builds every owner's convocation pack of an assembly.
func Packs(r *app.Residence, id int64, sent time.Time) ([]Pack, Detail, error) {
	var packs []Pack
	var d Detail
	err := r.View(func(tx *ledger.Tx) error {
		var err error
		if d, err = load(tx, id); err != nil {
			return err
		}
		packs, err = packs_(tx, d, sent)
		return err
	})
	return packs, d, err
}

func packs_(tx *ledger.Tx, d Detail, sent time.Time) ([]Pack, error) {
	a := d.Assembly
	if len(d.Resolutions) == 0 {
		return nil, ledger.Errorf(ledger.Invalid, "L'ordre du jour de l'assemblée du %s est vide : ajoutez ses résolutions", ledger.FrenchDate(a.Day))
	}
	e, err := electorate(tx, a.Day)
	if err != nil {
		return nil, err
	}
	if len(e.Voters) == 0 {
		return nil, ledger.Errorf(ledger.NotFound, "Aucun copropriétaire ne possède de lot au %s", ledger.FrenchDate(a.Day))
	}
	kit, err := app.NewLetterKit(tx, sent)
	if err != nil {
		return nil, err
	}
	res := kit.Residence()
	syndic := strings.TrimSpace(res.SyndicName)
	if syndic == "" {
		syndic = "le syndic"
	}
	var docs []string
	for _, doc := range d.Documents {
		docs = append(docs, doc.Title)
	}
	consult := ""
	if !a.ConsultFrom.IsZero() {
		place := strings.ReplaceAll(a.ConsultPlace, "\n", ", ")
		if place == "" {
			place = DefaultConsultPlace
		}
		consult = fmt.Sprintf("Les pièces justificatives des charges (factures, contrats de fourniture et d'exploitation, quantités consommées) "+
			"peuvent être consultées du %s au %s, %s, sur rendez-vous (loi du 10 juillet 1965, art. 18-1).",
			ledger.FrenchDate(a.ConsultFrom), ledger.FrenchDate(a.ConsultTo), place)
	}
	general := e.Keys[e.GeneralKey]
	var out []Pack
	for _, v := range e.Voters {
		o := v.Owner
		var numbers, lots []string
		for _, l := range v.Lots {
			numbers = append(numbers, l.Number)
			s := "Lot " + l.Number
			if l.Label != "" {
				s += " (" + l.Label + ")"
			}
			lots = append(lots, s)
		}
		refs := []reports.Ref{{Label: "Compte", Value: o.Account}, {Label: "Lots", Value: strings.Join(numbers, ", ")},
			{Label: "Assemblée", Value: ledger.FrenchDate(a.Day) + " à " + a.Time}}
		fields := kit.Fields(o, numbers)
		l, err := kit.Letter(fields, o, refs, "Convocation – "+a.Title()+" – "+o.DisplayName())
		if err != nil {
			return nil, err
		}
		// The letters' usual closing is about paying the call: not here.
		l.Closing = "Je vous prie d'agréer, " + fields.Owner.Salutation + ", l'expression de mes salutations distinguées.\n\n" + syndicSigned(res)
		p := reports.AssemblyPack{Letter: l, Title: a.Title(), Place: a.Place, Consultation: consult, Documents: docs,
			Meeting:   "le " + weekday(a.Day) + " " + ledger.FrenchDate(a.Day) + " à " + strings.Replace(a.Time, ":", " h ", 1),
			OwnerName: o.DisplayName(), OwnerAddress: strings.Join(fr.NonEmpty(strings.ReplaceAll(o.Address, "\n", ", "), strings.TrimSpace(o.Zip+" "+o.City)), ", "),
			Lots:  lots,
			Votes: votesText(v.Shares[general.Code], general), Deadline: ledger.FrenchDate(PostalDeadline(a.Day)), Syndic: syndic}
		for _, res := range d.Resolutions {
			key := e.KeyOf(res)
			kt := e.Keys[key]
			it := reports.AssemblyItem{Number: res.Number, Title: res.Title, Text: res.Text, Majority: ledger.ArticleWords[res.Article]}
			if key != e.GeneralKey {
				it.Key = "clé " + kt.Code + " – " + kt.Label
			}
			if s := v.Shares[key]; s.IsPositive() {
				it.Votes = fr.Shares(s) + " / " + fr.Shares(kt.SumOfShares)
			}
			p.Agenda = append(p.Agenda, it)
		}
		out = append(out, Pack{Owner: o.Account, AssemblyPack: p})
	}
	return out, nil
}

// votesText is « 400 voix sur 1 000 (clé 001 – Charges générales) ».
func votesText(s decimal.Decimal, k ledger.KeyTotal) string {
	return fmt.Sprintf("%s voix sur %s (tantièmes de la clé %s – %s)", fr.Shares(s), fr.Shares(k.SumOfShares), k.Code, k.Label)
}

// WriteConvocations writes every owner's convocation pack of an
// assembly, registers each as an « ag_convocation » for its owner (a kind
// sent by registered letter: décret 1967 art. 64), writes the combined
// file for printing, and records the assembly as convened on opt.Sent.
func WriteConvocations(r *app.Residence, id int64, opt ConvocationOptions) (Convocations, error) {
	var out Convocations
	if opt.Sent.IsZero() {
		opt.Sent = today()
	}
	if opt.Printed.IsZero() {
		opt.Printed = opt.Sent
	}
	if err := consultFromSending(r, id, opt.Sent); err != nil {
		return out, err
	}
	packs, d, err := Packs(r, id, opt.Sent)
	if err != nil {
		return out, err
	}
	a := d.Assembly
	if a.Status == ledger.AssemblyHeld {
		return out, ledger.Errorf(ledger.Conflict, "L'assemblée du %s est tenue : ses convocations ne se refont plus", ledger.FrenchDate(a.Day))
	}
	if opt.Sent.After(a.Day) {
		return out, ledger.Errorf(ledger.Invalid, "Les convocations ne peuvent pas partir le %s, après l'assemblée du %s", ledger.FrenchDate(opt.Sent), ledger.FrenchDate(a.Day))
	}
	list := make([]reports.AssemblyPack, len(packs))
	for i, p := range packs {
		list[i] = p.AssemblyPack
	}
	letters, err := reports.AssemblyPacksPDF(list, opt.Printed)
	if err != nil {
		return out, ledger.Wrap(ledger.Internal, err, "La mise en page des convocations a échoué")
	}
	out.Dir = opt.Dir
	if out.Dir == "" {
		if out.Dir, err = r.DocumentsSubfolder(Folder); err != nil {
			return out, err
		}
	}
	exercise := r.ExerciseIDAt(a.Day)
	var produced []app.Produced
	for i, p := range packs {
		owner := p.Owner
		path := filepath.Join(out.Dir, ConvocationFileName(a.Day, owner, p.OwnerName))
		if err := writeFile(path, letters.Each[i]); err != nil {
			return out, err
		}
		out.Files = append(out.Files, path)
		produced = append(produced, app.Produced{Path: path, Kind: "ag_convocation", Date: opt.Sent, Exercise: exercise, Owners: []string{owner},
			Title: app.DocumentTitle("Convocation – "+a.Title(), p.OwnerName)})
	}
	out.Combined = filepath.Join(out.Dir, fmt.Sprintf("CONVOCATIONS_AG_DU_%s_TOUS.pdf", a.Day.Format("02_01_2006")))
	if err := writeFile(out.Combined, letters.Combined); err != nil {
		return out, err
	}
	if err := r.RegisterWritten(produced...); err != nil {
		return out, err
	}
	a.ConvenedOn = opt.Sent
	if a.Status == ledger.AssemblyDraft {
		a.Status = ledger.AssemblyConvened
	}
	if err := r.Update(func(tx *ledger.Tx) error {
		if err := fillFingerprints(tx, a.ID); err != nil {
			return err
		}
		return tx.SaveAssembly(&a)
	}); err != nil {
		return out, err
	}
	out.Warning = ConvocationWarning(a.Day, opt.Sent)
	out.Assembly = a
	return out, nil
}

// writeFile writes a produced file, creating its folder.
func writeFile(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return ledger.Wrap(ledger.Invalid, err, "Le dossier « %s » ne peut pas être créé : choisissez-en un autre ou vérifiez les droits", filepath.Dir(path))
	}
	return ledger.WriteOutputBytes(path, data)
}

// weekday is the French name of d's day of the week.
func weekday(d time.Time) string {
	return [...]string{"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"}[d.Weekday()]
}

// consultFromSending moves the start of the consultation days to the
// sending day when they were set to start earlier (proposed when the
// assembly was created): loi 1965 art. 18-1 opens the consultation with
// the convocation. Days not set are proposed now.
func consultFromSending(r *app.Residence, id int64, sent time.Time) error {
	return r.Update(func(tx *ledger.Tx) error {
		a, err := tx.Assembly(id)
		if err != nil || !a.Draft() {
			return err
		}
		if !a.ConsultFrom.IsZero() && !a.ConsultFrom.Before(sent) {
			return nil
		}
		from, to, ok := ProposeConsultation(a.Day, sent)
		switch {
		case !ok:
			return nil // too late for any: the convocation warning says so
		case a.ConsultTo.IsZero() || a.ConsultTo.Before(from):
			a.ConsultFrom, a.ConsultTo = from, to
		default:
			a.ConsultFrom = from
		}
		if a.ConsultPlace == "" {
			a.ConsultPlace = DefaultConsultPlace
		}
		return tx.SaveAssembly(&a)
	})
}

// syndicSigned is who signs the convocation: the syndic, named.
func syndicSigned(res ledger.Residence) string {
	if name := strings.TrimSpace(res.SyndicName); name != "" {
		return name + ", syndic"
	}
	return "Le syndic"
}
