package ledger

import (
	"database/sql"
	"sort"
	"strings"
	"time"
)

// BookLine is a posted line with what the consultation and matching screens
// need of its entry.
type BookLine struct {
	Line
	EntryID    int64
	Date       time.Time
	Journal    string
	Piece      string
	EntryLabel string
	// Locked says the line belongs to a closed exercise: its letter and
	// bank tick can no longer change.
	Locked bool
	// Exercise is the id of the exercise the line is dated in.
	Exercise int64
}

// Text is the line's label, or its entry's when the line has none.
func (l BookLine) Text() string {
	if l.Label != "" {
		return l.Label
	}
	return l.EntryLabel
}

// describe names the line in messages: "la ligne du 01/01/2025 (A0001, 300,00 € au débit)".
func (l BookLine) describe() string {
	s := "la ligne du " + FrenchDate(l.Date)
	side := l.Debit.String() + " au débit"
	if l.Credit != 0 {
		side = l.Credit.String() + " au crédit"
	}
	if l.Piece != "" {
		return s + " (" + l.Piece + ", " + side + ")"
	}
	return s + " (" + side + ")"
}

const bookLineColumns = `l.id, l.account, coalesce(l.key, ''), l.label, l.debit, l.credit, l.letter, l.reconciled, l.vat, l.recoverable,
	e.id, e.date, e.journal, e.piece, e.label`

func (tx *Tx) scanBookLines(what, where string, args []any) ([]BookLine, error) {
	list, err := collect(tx, what, `SELECT `+strings.Replace(bookLineColumns, "l.vat, l.recoverable", tx.lineVAT("l."), 1)+` FROM lines l JOIN entries e ON e.id = l.entry_id
		WHERE e.posted = 1 AND `+where+` ORDER BY e.date, e.id, l.id`, args,
		func(r *sql.Rows) (BookLine, error) {
			var b BookLine
			var date string
			err := r.Scan(&b.ID, &b.Account, &b.Key, &b.Label, &b.Debit, &b.Credit, &b.Letter, &b.Reconciled, &b.VAT, &b.Recoverable,
				&b.EntryID, &date, &b.Journal, &b.Piece, &b.EntryLabel)
			b.Date = parseStored(date)
			return b, err
		})
	if err != nil {
		return nil, err
	}
	exercises, err := tx.Exercises()
	if err != nil {
		return nil, err
	}
	for i := range list {
		for _, e := range exercises {
			if e.Contains(list[i].Date) {
				list[i].Locked, list[i].Exercise = e.Closed, e.ID
			}
		}
	}
	return list, nil
}

// closedAt says whether day d falls in a closed exercise.
func (tx *Tx) closedAt(d time.Time) (bool, error) {
	list, err := tx.Exercises()
	if err != nil {
		return false, err
	}
	for _, e := range list {
		if e.Contains(d) {
			return e.Closed, nil
		}
	}
	return false, nil
}

// BookLines returns posted lines by id, in date order. An id that names no
// posted line is refused.
func (tx *Tx) BookLines(ids []int64) ([]BookLine, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	seen := map[int64]bool{}
	var args []any
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			args = append(args, id)
		}
	}
	list, err := tx.scanBookLines("lecture des lignes", `l.id IN (`+placeholders(len(args))+`)`, args)
	if err != nil {
		return nil, err
	}
	if len(list) != len(args) {
		found := map[int64]bool{}
		for _, l := range list {
			found[l.ID] = true
		}
		for _, a := range args {
			if id := a.(int64); !found[id] {
				return nil, Errorf(NotFound, "La ligne d'écriture n° %d n'existe pas (l'écriture a-t-elle été supprimée ?)", id)
			}
		}
	}
	return list, nil
}

// AccountLines lists the posted lines of an account dated from..to (zero
// bounds are open), in date order.
func (tx *Tx) AccountLines(account string, from, to time.Time) ([]BookLine, error) {
	where := `l.account = ?`
	args := []any{account}
	if !from.IsZero() {
		where += ` AND e.date >= ?`
		args = append(args, ISO(from))
	}
	if !to.IsZero() {
		where += ` AND e.date <= ?`
		args = append(args, ISO(to))
	}
	return tx.scanBookLines("lecture du compte "+account, where, args)
}

func placeholders(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat("?, ", n-1) + "?"
}

// MatchGroup is a set of lines of one account marked with the same letter:
// their debits and credits cancel out.
type MatchGroup struct {
	Account string
	Letter  string
	Lines   []BookLine
}

// NextLetter is the letter after the last one of the sequence A…Z, AA…AZ,
// BA…ZZ, AAA… used on the account: letters are never shared by two
// groups of an account.
func (tx *Tx) NextLetter(account string) (string, error) {
	letters, err := collect(tx, "lettrage", `SELECT DISTINCT letter FROM lines WHERE account = ? AND letter <> ''`,
		[]any{account}, func(r *sql.Rows) (string, error) {
			var s string
			return s, r.Scan(&s)
		})
	if err != nil {
		return "", err
	}
	used := map[string]bool{}
	last := ""
	for _, l := range letters {
		used[l] = true
		if isLetterCode(l) && letterLess(last, l) {
			last = l
		}
	}
	next := nextLetter(last)
	for used[next] { // a letter typed by hand or imported out of sequence
		next = nextLetter(next)
	}
	return next, nil
}

func isLetterCode(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// letterLess orders letters as they are handed out: shorter first.
func letterLess(a, b string) bool {
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return a < b
}

// nextLetter counts in bijective base 26: "" → A, Z → AA, AZ → BA, ZZ → AAA.
func nextLetter(s string) string {
	b := []byte(s)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] < 'Z' {
			b[i]++
			return string(b)
		}
		b[i] = 'A'
	}
	return "A" + string(b)
}

// Match gives the lines a new letter of their account. They must be posted
// lines of one account, of open exercises, not matched yet, with as much
// debit as credit.
func (tx *Tx) Match(ids []int64) (MatchGroup, error) {
	lines, err := tx.BookLines(ids)
	if err != nil {
		return MatchGroup{}, err
	}
	if err := checkMatch(lines); err != nil {
		return MatchGroup{}, err
	}
	return tx.match(lines)
}

// checkMatch says why lines cannot be matched together, nil when they can.
func checkMatch(lines []BookLine) error {
	if len(lines) < 2 {
		return Errorf(Invalid, "Lettrage : cochez au moins deux lignes, au débit et au crédit, dont les montants s'équilibrent")
	}
	accounts := map[string]bool{}
	var list []string
	var debit, credit Amount
	for _, l := range lines {
		if !accounts[l.Account] {
			accounts[l.Account] = true
			list = append(list, l.Account)
		}
		debit += l.Debit
		credit += l.Credit
	}
	if len(list) > 1 {
		sort.Strings(list)
		return Errorf(Invalid, "Lettrage impossible : les lignes cochées sont sur plusieurs comptes (%s) ; on ne lettre qu'un compte à la fois", strings.Join(list, ", "))
	}
	for _, l := range lines {
		if l.Exercise != lines[0].Exercise {
			return Errorf(Invalid, "Lettrage impossible : %s et %s ne sont pas du même exercice ; on lettre exercice par exercice, l'à-nouveau reprenant ce qui reste ouvert à la clôture", lines[0].describe(), l.describe())
		}
	}
	for _, l := range lines {
		if l.Locked {
			return Errorf(Locked, "Lettrage impossible : %s appartient à un exercice clos, ses lignes ne peuvent plus changer", l.describe())
		}
		if l.Letter != "" {
			return Errorf(Conflict, "Lettrage impossible : %s est déjà lettrée « %s » ; annulez d'abord ce lettrage", l.describe(), l.Letter)
		}
	}
	if debit != credit {
		return Errorf(Invalid, "Lettrage impossible : les lignes cochées ne s'équilibrent pas (débit %s, crédit %s, écart %s)", debit, credit, (debit - credit).Abs())
	}
	return nil
}

func (tx *Tx) match(lines []BookLine) (MatchGroup, error) {
	g := MatchGroup{Account: lines[0].Account, Lines: lines}
	var err error
	if g.Letter, err = tx.NextLetter(g.Account); err != nil {
		return g, err
	}
	for i := range g.Lines {
		l := &g.Lines[i]
		if _, err := tx.exec("lettrage", `UPDATE lines SET letter = ? WHERE id = ?`, g.Letter, l.ID); err != nil {
			return g, err
		}
		l.Letter = g.Letter
	}
	return g, nil
}

// Unmatch removes a letter from every line of the account that carries it.
// A group with a line in a closed exercise stays as it was printed.
func (tx *Tx) Unmatch(account, letter string) error {
	lines, err := tx.scanBookLines("lettrage", `l.account = ? AND l.letter = ?`, []any{account, letter})
	if err != nil {
		return err
	}
	if letter == "" || len(lines) == 0 {
		return Errorf(NotFound, "Le compte %s n'a pas de lettrage « %s »", account, letter)
	}
	for _, l := range lines {
		if l.Locked {
			return Errorf(Locked, "Le lettrage « %s » du compte %s ne peut pas être annulé : %s appartient à un exercice clos", letter, account, l.describe())
		}
	}
	_, err = tx.exec("lettrage", `UPDATE lines SET letter = '' WHERE account = ? AND letter = ?`, account, letter)
	return err
}

// AutoMatch letters what balances among the unmatched lines of an account
// in open exercises, oldest first (CoverOldestFirst is the same rule for
// amounts): taking debits and credits in date order,
// a group closes each time the debits taken equal the credits taken. So a
// payment settles the oldest calls first; a call paid in part stays
// unmatched, with its payment, until the rest arrives. It returns the groups
// it made.
//
// Each exercise is matched on its own. A group reaching over a year end
// would leave the next exercise's opening line (which carries what was
// still unmatched at the closing) without the payment that settled it, and
// that debit would then stop every later group of the account from
// balancing.
func (tx *Tx) AutoMatch(account string) ([]MatchGroup, error) {
	lines, err := tx.scanBookLines("lettrage automatique", `l.account = ? AND l.letter = ''`, []any{account})
	if err != nil {
		return nil, err
	}
	var order []int64
	byExercise := map[int64][]BookLine{}
	for _, l := range lines {
		if l.Locked {
			continue
		}
		if _, ok := byExercise[l.Exercise]; !ok {
			order = append(order, l.Exercise)
		}
		byExercise[l.Exercise] = append(byExercise[l.Exercise], l)
	}
	var groups []MatchGroup
	for _, ex := range order {
		g, err := tx.autoMatch(byExercise[ex])
		groups = append(groups, g...)
		if err != nil {
			return groups, err
		}
	}
	return groups, nil
}

// autoMatch matches lines of one exercise, in date order.
func (tx *Tx) autoMatch(lines []BookLine) ([]MatchGroup, error) {
	var debits, credits []BookLine
	for _, l := range lines {
		switch {
		case l.Debit > 0:
			debits = append(debits, l)
		case l.Credit > 0:
			credits = append(credits, l)
		}
	}
	var groups []MatchGroup
	i, j := 0, 0      // lines taken on each side
	si, sj := 0, 0    // where the current group starts
	var sd, sc Amount // amounts taken in the current group
	for {
		if sd == sc && sd > 0 {
			group := append(append([]BookLine{}, debits[si:i]...), credits[sj:j]...)
			g, err := tx.match(group)
			if err != nil {
				return groups, err
			}
			groups = append(groups, g)
			si, sj, sd, sc = i, j, 0, 0
		}
		// Take from the side that is behind; debits first on a tie, so a
		// group starts with what is owed.
		if sd <= sc && i < len(debits) {
			sd += debits[i].Debit
			i++
		} else if sc < sd && j < len(credits) {
			sc += credits[j].Credit
			j++
		} else {
			return groups, nil
		}
	}
}
