package main

import (
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"tantieme/app"
	"tantieme/internal/fr"
	"tantieme/ledger"
)

// reportArgs are the flags every kind of report may use.
type reportArgs struct {
	year      int
	out       string
	at        string
	payBy     string
	threshold string
	books     bookFlags // journal … council (cmd_report_books.go)
}

// reportKinds are the documents `report` writes, by KIND (CLI.md); each
// checks the flags it needs.
var reportKinds = map[string]func(file string, a reportArgs, out io.Writer) error{
	"reminders":        reportReminders,
	"deposit-slip":     reportDepositSlip, // cmd_pay.go; --year N, or --at DATE for one day's deposits
	"journal":          reportJournal,
	"grand-livre":      reportLedger,
	"balance":          reportBalance,
	"balance-keys":     reportKeys,
	"owner-statements": reportOwnerSt,
	"attendance":       reportAttendance,
	"labels":           reportLabels,
	"council":          reportCouncil,
	"annexe1":          reportAnnexe(1), // annexes and décomptes: cmd_annexes.go
	"annexe2":          reportAnnexe(2),
	"annexe3":          reportAnnexe(3),
	"annexe4":          reportAnnexe(4),
	"annexe5":          reportAnnexe(5),
	"annexes":          reportAnnexe(0),
	"decomptes":        reportDecomptes,
}

func init() {
	commands["report"] = command{
		usage: "report FICHIER TYPE --out CHEMIN [--year N] — TYPE : " + strings.Join(reportKindNames(), ", ") +
			" (reminders : --at AAAA-MM-JJ --pay-by AAAA-MM-JJ [--threshold MONTANT])" + bookUsage,
		setup: func(fs *flag.FlagSet) func([]string, io.Writer) error {
			var a reportArgs
			fs.IntVar(&a.year, "year", 0, "exercice commençant en N")
			fs.StringVar(&a.out, "out", "", "fichier ou dossier à écrire")
			fs.StringVar(&a.at, "at", "", "date des soldes (relances)")
			fs.StringVar(&a.payBy, "pay-by", "", "date limite de paiement (relances)")
			fs.StringVar(&a.threshold, "threshold", "0", "solde débiteur au-delà duquel relancer (relances)")
			a.books.register(fs) // last: it reuses flags declared above
			return func(pos []string, out io.Writer) error {
				if err := needArgs(pos, 2, "un fichier de résidence (.copro) et un type de document"); err != nil {
					return err
				}
				kind, ok := reportKinds[pos[1]]
				if !ok {
					return usagef("type de document « %s » inconnu (%s)", pos[1], strings.Join(reportKindNames(), ", "))
				}
				if a.out == "" {
					return usagef("--out est obligatoire")
				}
				return kind(pos[0], a, out)
			}
		},
	}
}

func reportKindNames() []string {
	names := make([]string, 0, len(reportKinds))
	for n := range reportKinds {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// reportReminders writes the reminders (relances) of the owners whose
// balance at --at is above --threshold into the folder --out.
func reportReminders(file string, a reportArgs, out io.Writer) error {
	if a.at == "" || a.payBy == "" {
		return usagef("reminders demande --at et --pay-by")
	}
	at, err := ledger.ParseDate(a.at)
	if err != nil {
		return err
	}
	payBy, err := ledger.ParseDate(a.payBy)
	if err != nil {
		return err
	}
	threshold, err := ledger.ParseAmount(a.threshold)
	if err != nil {
		return err
	}
	r, err := openForDocuments(file, out)
	if err != nil {
		return err
	}
	defer r.Close()
	rf, err := r.WriteReminders(a.out, app.ReminderOptions{At: at, Threshold: threshold, PayBy: payBy})
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "%s au %s (%s dus au total) — dans %s.\n", fr.Count(len(rf.Owners), "relance écrite", "relances écrites"),
		ledger.FrenchDate(at), rf.Total, a.out)
	return nil
}
