package banking

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"tantieme/app"
	"tantieme/bankfile"
	"tantieme/internal/fr"
	"tantieme/ledger"
)

// LineID names a new line of a plan, the same in the preview and in the
// plan computed again when it is applied: a digest of its bank account,
// date, amount, content and occurrence, its identity in bank_lines.
type LineID string

// Line is a new line of a statement and what it was matched to.
type Line struct {
	ID          LineID
	Bank        string // the residence's bank account (512xxx, 50xxxx)
	Statement   int    // index of its statement in the file
	Src         bankfile.Line
	Fingerprint string
	Occurrence  int
	Match
	// Owed is the matched owner's balance (positive: he owes) when the
	// plan was made: applying refuses the line if it changed since.
	Owed ledger.Amount
}

// Skipped is a line of the file already imported.
type Skipped struct {
	Bank   string
	Src    bankfile.Line
	LineID int64 // the line in bank_lines it repeats, when found
}

// StatementInfo sums up one statement of the file.
type StatementInfo struct {
	Bank    string
	Account bankfile.Account
	Format  string
	Lines   int // in the file
	New     int
	Total   ledger.Amount
	Closing *bankfile.Balance
}

// Plan is what an import would do, computed by Prepare; nothing is written.
type Plan struct {
	File       string
	Statements []StatementInfo
	Lines      []Line    // the new lines, in file order
	Skipped    []Skipped // lines already imported
	Problems   app.Problems
	Digest     string
	sts        []bankfile.Statement
	// balances are the owners' balances before the import (matching's):
	// a choice's debt is checked against them, not against the books in
	// the middle of posting, where an earlier line of the same file may
	// already have paid part of it.
	balances map[string]ledger.Amount
}

// Certain lists the ids of the lines matched for certain: the selection
// the assistant starts with.
func (p *Plan) Certain() []LineID {
	var out []LineID
	for _, l := range p.Lines {
		if l.Certain {
			out = append(out, l.ID)
		}
	}
	return out
}

// Prepare reads what importing statements sts of file would do.
// A blocking problem (an account the residence does not have, a statement
// that does not add up, a line in a closed exercise or in none) refuses the
// whole file: the error says it, and the plan lists every problem.
func Prepare(r *app.Residence, file string, sts []bankfile.Statement) (*Plan, error) {
	var p *Plan
	err := r.View(func(tx *ledger.Tx) (err error) {
		p, err = prepare(tx, file, sts)
		return err
	})
	if err != nil {
		return nil, err
	}
	return p, p.Problems.Err("Relevé « " + file + " » refusé")
}

func prepare(tx *ledger.Tx, file string, sts []bankfile.Statement) (*Plan, error) {
	p := &Plan{File: file, sts: sts}
	banks, err := tx.BankAccounts()
	if err != nil {
		return nil, err
	}
	exs, err := tx.Exercises()
	if err != nil {
		return nil, err
	}
	m, err := newMatcher(tx)
	if err != nil {
		return nil, err
	}
	p.balances = m.balances
	d := app.NewPlanDigest()
	d.Add("file %s", file)
	if len(sts) == 0 {
		p.Problems.Add(true, "le fichier ne contient aucun relevé")
	}
	for si, st := range sts {
		bank, ok := tieAccount(st.Account, banks)
		info := StatementInfo{Bank: bank, Account: st.Account, Format: st.Format, Lines: len(st.Lines), Total: ledger.Amount(st.Total()), Closing: st.Closing}
		p.Statements = append(p.Statements, info)
		where := locate(file, st.Where)
		if !ok {
			p.Problems.Add(true, "%sle relevé porte sur le compte %s, qui n'est pas un compte bancaire de la résidence (ajoutez-le dans Paramètres › Comptes bancaires)", where, st.Account)
			continue
		}
		if c := strings.ToUpper(strings.TrimSpace(st.Currency)); c != "" && c != "EUR" {
			p.Problems.Add(true, "%sle relevé du compte %s est en %s : seuls les relevés en euros sont acceptés", where, st.Account, c)
			continue
		}
		if err := st.CheckBalances(file); err != nil {
			p.Problems.Add(true, "%s", err.Error())
			continue
		}
		d.Add("statement %d %s", si, bank)
		if err := p.addLines(tx, m, si, bank, st, exs, d); err != nil {
			return nil, err
		}
	}
	p.Digest = d.Sum()
	return p, nil
}

// locate is « "f.txt", ligne 3 : » for a problem found at where.
func locate(file, where string) string {
	if where == "" {
		return "« " + file + " » : "
	}
	return "« " + file + " », " + where + " : "
}

// tieAccount finds the residence's bank account a statement is about: by
// IBAN, else by the French RIB inside the IBAN (FRkk BBBBB GGGGG
// NNNNNNNNNNN KK: bank, branch, account number, RIB key), as CFONB and
// OFX files name accounts.
func tieAccount(a bankfile.Account, banks []ledger.BankAccount) (string, bool) {
	iban := ledger.NormalizeIBAN(a.IBAN)
	for _, b := range banks {
		if bi := ledger.NormalizeIBAN(b.IBAN); bi != "" && iban != "" && bi == iban {
			return b.Account, true
		}
	}
	if iban != "" || a.Bank == "" || a.Number == "" {
		return "", false
	}
	number := strings.ToUpper(strings.TrimSpace(a.Number))
	for _, b := range banks {
		bi := ledger.NormalizeIBAN(b.IBAN)
		if len(bi) != 27 || !strings.HasPrefix(bi, "FR") && !strings.HasPrefix(bi, "MC") {
			continue
		}
		if bi[4:9] == strings.TrimSpace(a.Bank) && (a.Branch == "" || bi[9:14] == strings.TrimSpace(a.Branch)) &&
			strings.TrimLeft(bi[14:25], "0") == strings.TrimLeft(number, "0") {
			return b.Account, true
		}
	}
	return "", false
}

// fingerprint is the line's content, the bank's reference aside (it is
// compared on its own): two identical lines share it and are told apart by
// their occurrence.
func fingerprint(l bankfile.Line) string {
	h := sha256.New()
	for _, s := range []string{l.Label, strings.Join(l.Details, "\n"), l.EndToEnd, l.Counterparty.Name,
		ledger.NormalizeIBAN(l.Counterparty.IBAN), l.Code, l.Check} {
		fmt.Fprintf(h, "%d:%s|", len(s), fr.Fold(s))
	}
	return hex.EncodeToString(h.Sum(nil))
}

func lineID(bank string, date time.Time, amount int64, fp string, occ int) LineID {
	h := sha256.Sum256([]byte(fmt.Sprintf("%s|%s|%d|%s|%d", bank, ledger.ISO(date), amount, fp, occ)))
	return LineID(hex.EncodeToString(h[:8]))
}

type dayKey struct {
	date   string
	amount int64
	s      string
}

// addLines adds statement st's lines: the ones already imported are
// skipped (counted), the others checked and matched.
func (p *Plan) addLines(tx *ledger.Tx, m *matcher, si int, bank string, st bankfile.Statement, exs []ledger.Exercise, d *app.PlanDigest) error {
	if len(st.Lines) == 0 {
		return nil
	}
	from, to := st.Lines[0].Date, st.Lines[0].Date
	for _, l := range st.Lines {
		if l.Date.Before(from) {
			from = l.Date
		}
		if l.Date.After(to) {
			to = l.Date
		}
	}
	done, err := tx.ImportedBankLines(bank, from, to)
	if err != nil {
		return err
	}
	// What is already there: by content (with each occurrence's line),
	// and by the bank's reference.
	byFP := map[dayKey][]int64{}
	byRef := map[dayKey]int{}
	for _, b := range done {
		byFP[dayKey{ledger.ISO(b.Date), int64(b.Amount), b.Fingerprint}] = append(byFP[dayKey{ledger.ISO(b.Date), int64(b.Amount), b.Fingerprint}], b.ID)
		if b.Reference != "" {
			byRef[dayKey{ledger.ISO(b.Date), int64(b.Amount), b.Reference}]++
		}
	}
	// Earlier statements of the same file count too.
	for _, l := range p.Lines {
		if l.Bank == bank {
			k := dayKey{ledger.ISO(l.Src.Date), l.Src.Amount, l.Fingerprint}
			byFP[k] = append(byFP[k], 0)
			if l.Src.Reference != "" {
				byRef[dayKey{ledger.ISO(l.Src.Date), l.Src.Amount, l.Src.Reference}]++
			}
		}
	}
	seenFP, seenRef := map[dayKey]int{}, map[dayKey]int{}
	for _, l := range st.Lines {
		day := ledger.ISO(l.Date)
		fp := fingerprint(l)
		kf := dayKey{day, l.Amount, fp}
		kr := dayKey{day, l.Amount, l.Reference}
		k, kref := seenFP[kf], seenRef[kr]
		seenFP[kf]++
		if l.Reference != "" {
			seenRef[kr]++
		}
		if len(byFP[kf]) > k || (l.Reference != "" && byRef[kr] > kref) {
			sk := Skipped{Bank: bank, Src: l}
			if len(byFP[kf]) > k {
				sk.LineID = byFP[kf][k]
			}
			p.Skipped = append(p.Skipped, sk)
			continue
		}
		occ := len(byFP[kf])
		byFP[kf] = append(byFP[kf], 0)
		if l.Reference != "" {
			byRef[kr]++
		}
		if msg := dateProblem(l.Date, exs); msg != "" {
			p.Problems.Add(true, "%s%s", locate(p.File, l.Where), msg)
			continue
		}
		nl := Line{ID: lineID(bank, l.Date, l.Amount, fp, occ), Bank: bank, Statement: si, Src: l, Fingerprint: fp, Occurrence: occ}
		nl.Match = m.match(input{Bank: bank, Date: l.Date, Amount: ledger.Amount(l.Amount),
			Text: strings.Join(append([]string{l.Label, l.Reference, l.EndToEnd, l.Check}, l.Details...), " "),
			Name: l.Counterparty.Name, IBAN: l.Counterparty.IBAN, Refs: []string{l.EndToEnd, l.Reference}, Return: l.Return})
		if nl.Kind == Owner && nl.Certain {
			nl.Owed = m.balances[nl.Account]
		}
		d.Add("line %s", nl.ID)
		p.Lines = append(p.Lines, nl)
		p.Statements[si].New++
	}
	return nil
}

// dateProblem says why a line cannot be posted on its date, "" when it can.
func dateProblem(d time.Time, exs []ledger.Exercise) string {
	for _, e := range exs {
		if e.Contains(d) {
			if e.Closed {
				return fmt.Sprintf("la ligne du %s tombe dans l'exercice %s, qui est clos", ledger.FrenchDate(d), e.Name())
			}
			return ""
		}
	}
	return fmt.Sprintf("la ligne du %s ne tombe dans aucun exercice de la résidence (ajoutez l'exercice d'abord)", ledger.FrenchDate(d))
}
