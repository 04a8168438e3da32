package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"tantieme/app"
	"tantieme/internal/fr"
	"tantieme/ledger"
)

func init() {
	commands["calls"] = command{
		usage: "calls FICHIER --year N [--count 4] [--works CODE] [--fund] [--pdf DOSSIER] [--statement] [--preview] | --direct|--advance --key K --amount X --date AAAA-MM-JJ --label L [--account 701000] [--pdf DOSSIER] [--preview] | --notices AAAA-MM-JJ --pdf DOSSIER | --cancel PIÈCE [--date AAAA-MM-JJ]",
		setup: func(fs *flag.FlagSet) func([]string, io.Writer) error {
			year := fs.Int("year", 0, "exercice commençant en N (par défaut l'exercice en cours)")
			count := fs.Int("count", 0, "nombre d'appels du budget dans l'exercice (par défaut le réglage de la résidence, 4)")
			works := fs.String("works", "", "appels de la campagne de travaux CODE dus dans l'exercice")
			fund := fs.Bool("fund", false, "appels du seul fonds de travaux")
			pdf := fs.String("pdf", "", "écrit les avis d'appel en PDF dans ce dossier (un sous-dossier par date)")
			statement := fs.Bool("statement", false, "joint à chaque avis le relevé de compte de l'exercice")
			preview := fs.Bool("preview", false, "montre les appels sans les passer (avec --pdf : avis marqués « aperçu »)")
			notices := fs.String("notices", "", "réimprime les avis des appels passés à cette date (avec --pdf)")
			cancel := fs.String("cancel", "", "annule l'appel de cette pièce par une écriture inverse")
			date := fs.String("date", "", "date de l'écriture d'annulation (par défaut l'échéance de l'appel) ; échéance d'un appel ponctuel")
			direct := fs.Bool("direct", false, "appel ponctuel d'un montant sur une clé (décision d'AG hors budget et hors travaux)")
			advance := fs.Bool("advance", false, "appel d'avance (fonds de roulement) sur un compte 103, par défaut 103100")
			key := fs.String("key", "", "clé de l'appel ponctuel")
			amount := fs.String("amount", "", "montant de l'appel ponctuel")
			label := fs.String("label", "", "libellé de l'appel ponctuel (la décision de l'AG)")
			account := fs.String("account", "", "compte crédité par l'appel ponctuel (701000 par défaut, 702000, 704000, 102000 ou 103xxx)")
			return func(pos []string, out io.Writer) error {
				if err := needArgs(pos, 1, "un fichier de résidence (.copro)"); err != nil {
					return err
				}
				if *direct || *advance {
					switch {
					case *works != "" || *fund || *notices != "" || *cancel != "" || *count != 0 || *year != 0:
						return usagef("--direct et --advance ne se combinent pas avec --year, --count, --works, --fund, --notices ou --cancel")
					case *key == "" || *amount == "" || *date == "" || *label == "":
						return usagef("un appel ponctuel demande --key, --amount, --date et --label")
					}
					return runOneOff(pos[0], oneOffArgs{advance: *advance, key: *key, amount: *amount, date: *date, label: *label,
						account: *account, pdf: *pdf, preview: *preview}, app.NoticeOptions{Statement: *statement}, out)
				}
				if *key != "" || *amount != "" || *label != "" || *account != "" {
					return usagef("--key, --amount, --label et --account accompagnent --direct ou --advance")
				}
				modes := 0
				for _, on := range []bool{*works != "", *fund, *notices != "", *cancel != ""} {
					if on {
						modes++
					}
				}
				switch {
				case modes > 1:
					return usagef("--works, --fund, --notices et --cancel ne se combinent pas")
				case *count != 0 && (*works != "" || *notices != "" || *cancel != ""):
					return usagef("--count vaut pour les appels du budget et du fonds de travaux")
				case *count < 0:
					return usagef("--count doit être positif")
				case *notices != "" && *pdf == "":
					return usagef("--notices demande --pdf DOSSIER")
				case *date != "" && *cancel == "":
					return usagef("--date accompagne --cancel")
				}
				opt := app.NoticeOptions{Statement: *statement}
				switch {
				case *cancel != "":
					return cancelCall(pos[0], *cancel, *date, out)
				case *notices != "":
					return reprintNotices(pos[0], *notices, *pdf, opt, out)
				}
				return runCalls(pos[0], callsArgs{year: *year, count: *count, works: *works, fund: *fund, pdf: *pdf, preview: *preview}, opt, out)
			}
		},
	}
}

type callsArgs struct {
	year    int
	count   int
	works   string
	fund    bool
	pdf     string
	preview bool
}

func runCalls(file string, a callsArgs, opt app.NoticeOptions, out io.Writer) error {
	open := app.Open
	if a.preview {
		open = app.OpenReadOnly
	}
	r, err := open(file)
	if err != nil {
		return err
	}
	defer r.Close()
	ex, err := r.ExerciseOfYear(a.year)
	if err != nil {
		return err
	}
	var plan *app.CallPlan
	switch {
	case a.works != "":
		plan, err = r.PlanWorksCalls(a.works, ex)
	case a.fund:
		plan, err = r.PlanFundCalls(ex, a.count)
	default:
		plan, err = r.PlanBudgetCalls(ex, a.count)
	}
	if err != nil {
		return err
	}
	if a.preview {
		printPlan(out, plan)
		if a.pdf != "" {
			files, err := r.WritePreviewNotices(a.pdf, plan, opt)
			if err != nil {
				return err
			}
			fmt.Fprintf(out, "Aperçu des avis dans %s (%d dates).\n", a.pdf, len(files))
		}
		return nil
	}
	if err := plan.Err(); err != nil {
		return err
	}
	// The notices are written after the posting: make sure their folder
	// can take them first, so that a bad folder leaves the books untouched.
	if a.pdf != "" {
		if err := checkWritable(a.pdf); err != nil {
			return err
		}
	}
	posted, err := r.PostCalls(plan)
	if err != nil {
		return err
	}
	for _, w := range plan.Warnings() {
		fmt.Fprintf(out, "Attention : %s\n", w)
	}
	msg := fr.Count(len(posted), "appel généré", "appels générés")
	if k := kindsFR(plan); k != "" {
		msg += " " + k
	}
	msg += ", " + plan.Total.String() + " au total"
	if a.pdf != "" {
		files, err := r.WriteCallNotices(a.pdf, posted, opt)
		if err != nil {
			return ledger.Wrap(ledger.KindOf(err), err, "Les appels %s à %s sont passés, mais les avis n'ont pas pu être écrits (%s) ; réimprimez-les avec --notices",
				posted[0].Piece, posted[len(posted)-1].Piece, ledger.Message(err))
		}
		n := 0
		for _, f := range files {
			n += len(f.Owners)
		}
		msg += fmt.Sprintf(" — %s dans %s", fr.Count(n, "avis", "avis"), a.pdf)
	}
	fmt.Fprintln(out, msg+".")
	return nil
}

// kindsFR details a plan's calls when they are of several kinds:
// "(4 du budget, 4 du fonds de travaux)".
func kindsFR(p *app.CallPlan) string {
	var parts []string
	for _, k := range []struct {
		kind ledger.CallKind
		what string
	}{{ledger.BudgetCall, "du budget"}, {ledger.FundCall, "du fonds de travaux"}, {ledger.WorksCall, "de travaux"}} {
		if n := p.KindCount(k.kind); n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, k.what))
		}
	}
	if len(parts) < 2 {
		return ""
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

func printPlan(out io.Writer, p *app.CallPlan) {
	fmt.Fprintf(out, "Aperçu des appels de l'exercice %s (rien n'est enregistré)\n", p.Exercise.Name())
	t := newTable([]string{"Échéance", "Appel", "Compte", "Clés", "Copropriétaires", "Montant"}, 4, 5)
	for _, c := range p.Calls {
		var keys []string
		for _, k := range c.Keys {
			keys = append(keys, k.Key+" "+k.Amount.Format())
		}
		t.add(ledger.FrenchDate(c.Due), c.Label, c.Account, strings.Join(keys, " · "), fmt.Sprint(len(c.Owners)), c.Total.String())
	}
	t.add("", "Total", "", "", "", p.Total.String())
	t.write(out)
	for _, pr := range p.Problems {
		if pr.Blocking {
			fmt.Fprintf(out, "Bloquant : %s\n", pr.Text)
		} else {
			fmt.Fprintf(out, "Attention : %s\n", pr.Text)
		}
	}
}

// checkWritable makes sure dir exists (creating it) and takes files.
func checkWritable(dir string) error {
	if err := ledger.CheckOutputDir(dir); err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return ledger.Wrap(ledger.Invalid, err, "Le dossier des avis « %s » ne peut pas être créé", dir)
	}
	probe, err := os.CreateTemp(dir, ".tantieme-*")
	if err != nil {
		return ledger.Wrap(ledger.Invalid, err, "Le dossier des avis « %s » n'accepte pas de fichiers", dir)
	}
	probe.Close()
	os.Remove(probe.Name())
	return nil
}

func reprintNotices(file, day, dir string, opt app.NoticeOptions, out io.Writer) error {
	due, err := ledger.ParseDate(day)
	if err != nil {
		return err
	}
	// Writable: notices that announce a direct debit record the day the
	// owners were told (the 14 days of the SEPA pre-notification run from
	// the first printing; a later one keeps that day).
	r, err := app.Open(file)
	if err != nil {
		return err
	}
	defer r.Close()
	nf, err := r.WriteNotices(dir, due, opt)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "%s du %s, %s au total — dans %s.\n", fr.Count(len(nf.Owners), "avis", "avis"), ledger.FrenchDate(due), nf.Total, filepath.Dir(nf.Combined))
	return nil
}

func cancelCall(file, piece, day string, out io.Writer) error {
	var d time.Time
	if day != "" {
		var err error
		if d, err = ledger.ParseDate(day); err != nil {
			return err
		}
	}
	r, err := app.Open(file)
	if err != nil {
		return err
	}
	defer r.Close()
	c, err := r.CallByPiece(piece)
	if err != nil {
		return err
	}
	rev, err := r.CancelCall(c.ID, d)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "Appel %s du %s (%s) annulé par une écriture inverse du %s.\n", c.Piece, ledger.FrenchDate(c.Due), c.Total(), ledger.FrenchDate(rev.Date))
	return nil
}
