package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"tantieme/app"
	"tantieme/app/banking"
	"tantieme/bankfile"
	"tantieme/bankfile/read"
	"tantieme/ledger"
)

// readStatement reads a statement file into statements, the format
// recognised from the content (bankfile/read: CFONB 120/240, CAMT.053/054,
// OFX). Tests may set it to a stub.
var readStatement = read.Statements

// bankLineJSON is one line of `bank import --json` (contract: CLI.md).
type bankLineJSON struct {
	ID      string `json:"id"`
	Bank    string `json:"bank"`
	Date    string `json:"date"`
	Amount  string `json:"amount"`
	Label   string `json:"label"`
	Status  string `json:"status"`
	Account string `json:"account"`
	Reason  string `json:"reason"`
}

// suggestionJSON and pendingJSON are `bank pending --json` (CLI.md).
type suggestionJSON struct {
	Account string `json:"account"`
	Name    string `json:"name"`
	Reason  string `json:"reason"`
}

type pendingJSON struct {
	ID          string           `json:"id"`
	Bank        string           `json:"bank"`
	Date        string           `json:"date"`
	Amount      string           `json:"amount"`
	Label       string           `json:"label"`
	Suggestions []suggestionJSON `json:"suggestions"`
}

// loadStatement reads the statement file, bounded (bankfile.MaxFileBytes),
// and parses it.
func loadStatement(path string) (string, []bankfile.Statement, error) {
	name := filepath.Base(path)
	f, err := os.Open(path)
	if err != nil {
		return name, nil, ledger.Errorf(ledger.NotFound, "Le relevé « %s » ne peut pas être lu : %v", path, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, bankfile.MaxFileBytes+1))
	if err != nil {
		return name, nil, ledger.Errorf(ledger.Invalid, "Le relevé « %s » ne peut pas être lu : %v", path, err)
	}
	if len(data) > bankfile.MaxFileBytes {
		return name, nil, ledger.Errorf(ledger.Invalid, "« %s » : fichier trop grand pour un relevé (%d Mo au plus)", name, bankfile.MaxFileBytes>>20)
	}
	sts, err := readStatement(name, data)
	if err != nil {
		return name, nil, ledger.Errorf(ledger.Invalid, "%s", err.Error())
	}
	return name, sts, nil
}

func bankImport(file, statement string, dryRun, asJSON bool, out io.Writer) error {
	name, sts, err := loadStatement(statement)
	if err != nil {
		return err
	}
	var r *app.Residence
	if dryRun {
		r, err = app.OpenReadOnly(file)
	} else {
		r, err = app.Open(file)
	}
	if err != nil {
		return err
	}
	defer r.Close()
	plan, err := banking.Prepare(r, name, sts)
	if err != nil {
		return err
	}
	var lines []banking.ReportLine
	if dryRun {
		lines = planLines(plan)
	} else {
		rep, err := banking.Apply(r, plan, banking.Selection{Lines: plan.Certain()})
		if err != nil {
			return err
		}
		lines = rep.Lines
	}
	if asJSON {
		doc := struct {
			Lines []bankLineJSON `json:"lines"`
		}{Lines: make([]bankLineJSON, 0, len(lines))}
		for _, l := range lines {
			doc.Lines = append(doc.Lines, bankLineJSON{ID: l.ID, Bank: l.Bank, Date: ledger.ISO(l.Date), Amount: l.Amount.Plain(),
				Label: l.Label, Status: l.Status, Account: l.Account, Reason: l.Reason})
		}
		return writeJSON(out, doc)
	}
	counts := map[string]int{}
	t := newTable([]string{"Ligne", "Banque", "Date", "Montant", "Libellé", "État", "Compte", "Motif"}, 3)
	for _, l := range lines {
		counts[l.Status]++
		t.add(l.ID, l.Bank, ledger.FrenchDate(l.Date), l.Amount.String(), l.Label, statusFR[l.Status], l.Account, l.Reason)
	}
	if err := t.write(out); err != nil {
		return err
	}
	verb := "comptabilisée(s)"
	if dryRun {
		verb = "à comptabiliser (aperçu, rien n'est écrit)"
	}
	fmt.Fprintf(out, "%d ligne(s) %s, %d en attente, %d déjà importée(s) ignorée(s).\n",
		counts[banking.StatusPosted], verb, counts[banking.StatusPending], counts[banking.StatusSkipped])
	return nil
}

var statusFR = map[string]string{banking.StatusPosted: "comptabilisée", banking.StatusPending: "en attente", banking.StatusSkipped: "déjà importée"}

// planLines is what Apply would report for the plan with its certain lines
// selected: ids are the plan's (the lines are not recorded yet).
func planLines(p *banking.Plan) []banking.ReportLine {
	var out []banking.ReportLine
	for _, l := range p.Lines {
		rl := banking.ReportLine{ID: string(l.ID), Bank: l.Bank, Date: l.Src.Date, Amount: ledger.Amount(l.Src.Amount), Label: l.Src.Label,
			Status: banking.StatusPending, Reason: l.Reason}
		if l.Certain {
			rl.Status, rl.Account = banking.StatusPosted, l.Account
			if l.Kind == banking.Deposit {
				rl.Account = "remise"
			}
		}
		out = append(out, rl)
	}
	for _, s := range p.Skipped {
		rl := banking.ReportLine{Bank: s.Bank, Date: s.Src.Date, Amount: ledger.Amount(s.Src.Amount), Label: s.Src.Label,
			Status: banking.StatusSkipped, Reason: "déjà importée"}
		if s.LineID != 0 {
			rl.ID = strconv.FormatInt(s.LineID, 10)
		}
		out = append(out, rl)
	}
	return out
}

func bankPending(file string, asJSON bool, out io.Writer) error {
	r, err := app.OpenReadOnly(file)
	if err != nil {
		return err
	}
	defer r.Close()
	list, err := banking.Pending(r)
	if err != nil {
		return err
	}
	if asJSON {
		docs := make([]pendingJSON, 0, len(list))
		for _, l := range list {
			d := pendingJSON{ID: strconv.FormatInt(l.ID, 10), Bank: l.BankAccount, Date: ledger.ISO(l.Date), Amount: l.Amount.Plain(),
				Label: l.Label, Suggestions: []suggestionJSON{}}
			for _, s := range l.Suggestions {
				d.Suggestions = append(d.Suggestions, suggestionJSON{Account: s.Account, Name: s.Name, Reason: s.Reason})
			}
			docs = append(docs, d)
		}
		return writeJSON(out, docs)
	}
	if len(list) == 0 {
		fmt.Fprintln(out, "Aucune ligne de relevé en attente.")
		return nil
	}
	t := newTable([]string{"Ligne", "Banque", "Date", "Montant", "Libellé", "Suggestions"}, 3)
	for _, l := range list {
		var sug []string
		for _, s := range l.Suggestions {
			sug = append(sug, s.Account+" "+s.Name+" ("+s.Reason+")")
		}
		t.add(strconv.FormatInt(l.ID, 10), l.BankAccount, ledger.FrenchDate(l.Date), l.Amount.String(), l.Label, strings.Join(sug, " ; "))
	}
	return t.write(out)
}

// lineNumber reads the number of a statement line as bank pending shows it.
func lineNumber(lineID string) (int64, error) {
	id, err := strconv.ParseInt(strings.TrimSpace(lineID), 10, 64)
	if err != nil || id <= 0 {
		return 0, usagef("numéro de ligne « %s » invalide (voir bank pending)", lineID)
	}
	return id, nil
}

// bankTie ties a pending statement line to an entry already posted (a
// transfer between the residence's accounts posted by hand, a receipt
// typed before the statement came), as the window's « Relevés » screen
// does: nothing is posted; the entry must move the line's amount on its
// bank account and be tied to no other line.
func bankTie(file, lineID string, entry int64, out io.Writer) error {
	id, err := lineNumber(lineID)
	if err != nil {
		return err
	}
	r, err := app.Open(file)
	if err != nil {
		return err
	}
	defer r.Close()
	a, err := banking.AssignChoice(r, id, banking.Choice{Entry: entry})
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "Ligne %d du %s (%s) rattachée à l'écriture n° %d (pièce %s du %s), déjà passée : rien de plus n'est comptabilisé.\n",
		id, ledger.FrenchDate(a.Line.Date), a.Line.Amount, a.Entry.ID, a.Entry.Piece, ledger.FrenchDate(a.Entry.Date))
	return nil
}

func bankAssign(file, lineID, account, key string, out io.Writer) error {
	id, err := lineNumber(lineID)
	if err != nil {
		return err
	}
	r, err := app.Open(file)
	if err != nil {
		return err
	}
	defer r.Close()
	a, err := banking.Assign(r, id, account, key)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "Ligne %d du %s (%s) comptabilisée sur le compte %s, pièce %s.\n", id, ledger.FrenchDate(a.Line.Date), a.Line.Amount, account, a.Entry.Piece)
	return nil
}
