package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"strconv"
	"time"

	"tantieme/app"
	"tantieme/internal/fr"
	"tantieme/ledger"
)

// bookFlags are the flags of the books and meeting documents: journal,
// grand-livre, balance, balance-keys, owner-statements, attendance, labels,
// council. They are read by name from the flag set, so that a flag another
// document declares too (--date…) is shared rather than declared twice.
type bookFlags struct{ fs *flag.FlagSet }

// bookUsage completes the usage line of `report`.
const bookUsage = " (journal, grand-livre, balance, balance-keys, owner-statements : [--from AAAA-MM-JJ --to AAAA-MM-JJ]" +
	" [--journal CODE] ; attendance : [--date AAAA-MM-JJ] [--sort name|account] [--title TITRE] ;" +
	" labels : [--columns 2|3] [--elsewhere] [--date …] [--sort …] ; council : [--date …])"

// register declares the flags not declared yet; call it last in setup.
func (b *bookFlags) register(fs *flag.FlagSet) {
	b.fs = fs
	for _, f := range [][2]string{
		{"from", "début de la période (AAAA-MM-JJ), dans l'exercice"},
		{"to", "fin de la période (AAAA-MM-JJ), dans l'exercice"},
		{"journal", "code du journal (journal) ; tous par défaut"},
		{"date", "date de l'assemblée (attendance) ou des propriétaires (labels, council) ; aujourd'hui par défaut"},
		{"sort", "tri : name (nom, par défaut) ou account (compte)"},
		{"title", "titre de la feuille de présence"},
		{"columns", "étiquettes : 2 ou 3 colonnes (3 par défaut)"},
	} {
		if fs.Lookup(f[0]) == nil {
			fs.String(f[0], "", f[1])
		}
	}
	if fs.Lookup("elsewhere") == nil {
		fs.Bool("elsewhere", false, "étiquettes : seulement les copropriétaires qui n'habitent pas la résidence")
	}
}

func (b bookFlags) get(name string) string {
	if b.fs == nil {
		return ""
	}
	if f := b.fs.Lookup(name); f != nil {
		return f.Value.String()
	}
	return ""
}

// date reads a date flag; zero when absent.
func (b bookFlags) date(name string) (time.Time, error) {
	v := b.get(name)
	if v == "" {
		return time.Time{}, nil
	}
	return ledger.ParseDate(v)
}

func (b bookFlags) order() (app.OwnerOrder, error) {
	o, err := app.ParseOwnerOrder(b.get("sort"))
	if err != nil {
		return o, usagef("--sort : name ou account")
	}
	return o, nil
}

// bookOptions resolves --year, --from, --to and --journal.
func bookOptions(r *app.Residence, a reportArgs) (app.BookOptions, error) {
	var opt app.BookOptions
	var err error
	if opt.Exercise, err = r.ExerciseOfYear(a.year); err != nil {
		return opt, err
	}
	if opt.From, err = a.books.date("from"); err != nil {
		return opt, err
	}
	if opt.To, err = a.books.date("to"); err != nil {
		return opt, err
	}
	opt.Journal = a.books.get("journal")
	return opt, nil
}

// bookReport writes one of the books to --out.
func bookReport(what string, pdf func(*app.Residence, app.BookOptions) ([]byte, error)) func(string, reportArgs, io.Writer) error {
	return func(file string, a reportArgs, out io.Writer) error {
		r, err := openForDocuments(file, out)
		if err != nil {
			return err
		}
		defer r.Close()
		opt, err := bookOptions(r, a)
		if err != nil {
			return err
		}
		doc, err := pdf(r, opt)
		if err != nil {
			return err
		}
		if err := writePDF(a.out, doc); err != nil {
			return err
		}
		p := app.BookPeriod{Exercise: opt.Exercise, From: opt.From, To: opt.To}
		if p.From.IsZero() {
			p.From = opt.Exercise.Start
		}
		if p.To.IsZero() {
			p.To = opt.Exercise.End
		}
		title := what
		if what == "Journal" {
			title = "Journal général"
			if opt.Journal != "" {
				title = "Journal " + opt.Journal
			}
		}
		if err := r.RegisterWritten(app.BookProduced(a.out, title, opt)); err != nil {
			return err
		}
		fmt.Fprintf(out, "%s – %s – écrit dans %s (%s).\n", title, p.Name(), a.out, fr.Count(pdfPages(doc), "page", "pages"))
		return nil
	}
}

var (
	reportJournal = bookReport("Journal", func(r *app.Residence, o app.BookOptions) ([]byte, error) { return r.JournalPDF(o) })
	reportLedger  = bookReport("Grand livre", func(r *app.Residence, o app.BookOptions) ([]byte, error) { return r.GeneralLedgerPDF(o) })
	reportBalance = bookReport("Balance générale", func(r *app.Residence, o app.BookOptions) ([]byte, error) { return r.TrialBalancePDF(o) })
	reportKeys    = bookReport("Balance par clé", func(r *app.Residence, o app.BookOptions) ([]byte, error) { return r.KeyBalancePDF(o) })
	reportOwnerSt = bookReport("Relevés des copropriétaires", func(r *app.Residence, o app.BookOptions) ([]byte, error) { return r.OwnerAccountsPDF(o) })
)

// reportAttendance writes the feuille de présence of the meeting of --date.
func reportAttendance(file string, a reportArgs, out io.Writer) error {
	date, err := a.books.date("date")
	if err != nil {
		return err
	}
	order, err := a.books.order()
	if err != nil {
		return err
	}
	r, err := openForDocuments(file, out)
	if err != nil {
		return err
	}
	defer r.Close()
	opt := app.AttendanceOptions{Date: today(date), Order: order, Title: a.books.get("title")}
	sheet, err := r.Attendance(opt)
	if err != nil {
		return err
	}
	doc, err := r.AttendancePDF(opt)
	if err != nil {
		return err
	}
	if err := writePDF(a.out, doc); err != nil {
		return err
	}
	if err := r.RegisterWritten(r.AttendanceProduced(a.out, opt.Date)); err != nil {
		return err
	}
	fmt.Fprintf(out, "Feuille de présence de l'assemblée du %s : %s, %s tantièmes – écrite dans %s (%s).\n", ledger.FrenchDate(opt.Date),
		fr.Count(len(sheet.Owners), "copropriétaire", "copropriétaires"), fr.Shares(sheet.Votes), a.out, fr.Count(pdfPages(doc), "page", "pages"))
	return nil
}

// reportLabels writes address labels of the owners of --date.
func reportLabels(file string, a reportArgs, out io.Writer) error {
	date, err := a.books.date("date")
	if err != nil {
		return err
	}
	order, err := a.books.order()
	if err != nil {
		return err
	}
	cols := 3
	if v := a.books.get("columns"); v != "" {
		if cols, err = strconv.Atoi(v); err != nil || (cols != 2 && cols != 3) {
			return usagef("--columns : 2 ou 3")
		}
	}
	r, err := app.OpenReadOnly(file)
	if err != nil {
		return err
	}
	defer r.Close()
	doc, n, err := r.LabelsPDF(app.LabelOptions{Date: today(date), Columns: cols, Order: order, Elsewhere: a.books.get("elsewhere") == "true"})
	if err != nil {
		return err
	}
	if err := writePDF(a.out, doc); err != nil {
		return err
	}
	fmt.Fprintf(out, "%s sur %s de %d × 7 écrites dans %s.\n", fr.Count(n, "étiquette", "étiquettes"), fr.Count(pdfPages(doc), "planche", "planches"), cols, a.out)
	return nil
}

// reportCouncil writes the list of the council's members on --date.
func reportCouncil(file string, a reportArgs, out io.Writer) error {
	date, err := a.books.date("date")
	if err != nil {
		return err
	}
	order, err := a.books.order()
	if err != nil {
		return err
	}
	r, err := openForDocuments(file, out)
	if err != nil {
		return err
	}
	defer r.Close()
	doc, n, err := r.CouncilPDF(today(date), order, time.Time{})
	if err != nil {
		return err
	}
	if err := writePDF(a.out, doc); err != nil {
		return err
	}
	if err := r.RegisterWritten(r.CouncilProduced(a.out, today(date))); err != nil {
		return err
	}
	fmt.Fprintf(out, "Conseil syndical : %s – liste écrite dans %s.\n", fr.Count(n, "membre", "membres"), a.out)
	return nil
}

func today(d time.Time) time.Time {
	if d.IsZero() {
		now := ledger.Now()
		return ledger.Date(now.Year(), now.Month(), now.Day())
	}
	return d
}

func writePDF(path string, doc []byte) error {
	return writeFileAtomic(path, func(w io.Writer) error {
		if _, err := w.Write(doc); err != nil {
			return ledger.Wrap(ledger.Internal, err, "Écriture de « %s » impossible", path)
		}
		return nil
	})
}

// pdfPages counts the pages of a PDF written by the reports package (one
// "/Type /Page" object per page).
func pdfPages(doc []byte) int { return bytes.Count(doc, []byte("/Type /Page\n")) }
