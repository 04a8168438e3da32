package app

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"tantieme/internal/fr"
	"tantieme/ledger"
)

// EntryRefs is what the entry form offers to choose from: the journals,
// the chart of accounts and the distribution keys.
type EntryRefs struct {
	Journals []ledger.Journal
	Accounts *AccountIndex
	Keys     []ledger.Key
}

// EntryRefs reads the journals, the chart and the keys.
func (r *Residence) EntryRefs() (EntryRefs, error) {
	var refs EntryRefs
	err := r.View(func(tx *ledger.Tx) error {
		var err error
		if refs.Journals, err = tx.Journals(); err != nil {
			return err
		}
		accounts, err := tx.Accounts()
		if err != nil {
			return err
		}
		refs.Accounts = NewAccountIndex(accounts)
		recent, err := tx.RecentAccounts(RecentAccountCount)
		if err != nil {
			return err
		}
		refs.Accounts.SetRecent(recent)
		refs.Keys, err = tx.Keys()
		return err
	})
	return refs, err
}

// AccountIndex finds accounts of the chart the way syndics type them: by
// the beginning of the number ("601", "4500") or by words of the label
// ("eau", "assur"), or by the everyday words of the chart ("ascenseur",
// "ménage": ledger.AccountWords), accents and case aside. The accounts used
// lately come first among equals.
type AccountIndex struct {
	all    []ledger.Account
	byCode map[string]ledger.Account
	folded []string // folded labels, by index in all
	words  []string // the chart's everyday words, by index in all
	parent []bool   // the account has sub-accounts (512000 beside 512001), by index
	recent map[string]int
}

// RecentAccountCount is how many recently used accounts the pickers put
// first.
const RecentAccountCount = 30

// SetRecent tells the index the accounts used lately, the latest first
// (Residence.RecentAccounts): among equally good answers they come first.
func (x *AccountIndex) SetRecent(codes []string) {
	x.recent = make(map[string]int, len(codes))
	for i, c := range codes {
		if _, ok := x.recent[c]; !ok {
			x.recent[c] = i
		}
	}
}

// recency orders accounts: the latest used first, the unused last.
func (x *AccountIndex) recency(code string) int {
	if i, ok := x.recent[code]; ok {
		return i
	}
	return len(x.recent)
}

// NewAccountIndex indexes a chart (in code order, as tx.Accounts gives it).
func NewAccountIndex(accounts []ledger.Account) *AccountIndex {
	x := &AccountIndex{all: accounts, byCode: make(map[string]ledger.Account, len(accounts))}
	for i, a := range accounts {
		x.byCode[a.Code] = a
		x.folded = append(x.folded, fr.Fold(a.Label))
		x.words = append(x.words, ledger.AccountWords(a.Code))
		root := strings.TrimRight(a.Code, "0")
		x.parent = append(x.parent, i+1 < len(accounts) && root != a.Code && strings.HasPrefix(accounts[i+1].Code, root))
	}
	return x
}

// Account returns the account with that exact code, hidden or not.
func (x *AccountIndex) Account(code string) (ledger.Account, bool) {
	a, ok := x.byCode[code]
	return a, ok
}

// AccountText is how an account shows in a field once chosen: "601000 Eau".
func AccountText(a ledger.Account) string { return a.Code + " " + a.Label }

// Find lists the accounts a search names, best first, at most max of them,
// and how many more there are. Hidden accounts are left out: the chart hides
// what the residence does not use, so that pick lists stay short.
func (x *AccountIndex) Find(query string, max int) (found []ledger.Account, more int) {
	return x.find(query, max, true)
}

// find is Find, with the chart's everyday words or without them.
func (x *AccountIndex) find(query string, max int, everyday bool) (found []ledger.Account, more int) {
	q := fr.Fold(query)
	if q == "" {
		return nil, 0
	}
	// "601000 Eau", what a chosen account shows, finds that account.
	if code, _, _ := strings.Cut(strings.TrimSpace(query), " "); code != "" {
		if a, ok := x.byCode[strings.ToUpper(code)]; ok && strings.HasPrefix(fr.Fold(AccountText(a)), q) {
			return []ledger.Account{a}, 0
		}
	}
	words := strings.Fields(q)
	// A number is a code: "60" means the 60x accounts, not 616000.
	number := q[0] >= '0' && q[0] <= '9'
	type hit struct {
		a ledger.Account
		i int // index in all
		// 0 code, 1 the very label, 2 label starting with the search,
		// 3 every word starting a word of the label, 4 inside words,
		// 5 every word starting one of the chart's everyday words
		rank int
	}
	var hits []hit
	for i, a := range x.all {
		if a.Hidden {
			continue
		}
		label := x.folded[i]
		switch {
		case strings.HasPrefix(strings.ToLower(a.Code), q):
			hits = append(hits, hit{a, i, 0})
		case number:
		case label == q:
			hits = append(hits, hit{a, i, 1})
		case strings.HasPrefix(label, q):
			hits = append(hits, hit{a, i, 2})
		case allWords(label, words, true):
			hits = append(hits, hit{a, i, 3})
		case allWords(label, words, false):
			hits = append(hits, hit{a, i, 4})
		case everyday && allWords(label+" "+x.words[i], words, true):
			hits = append(hits, hit{a, i, 5})
		}
	}
	// Sub-accounts before the account they divide: "512" means the bank
	// 512001 rather than the heading 512000 Banques. Then the accounts used
	// lately.
	sort.SliceStable(hits, func(i, j int) bool {
		if hits[i].rank != hits[j].rank {
			return hits[i].rank < hits[j].rank
		}
		if pi, pj := x.parent[hits[i].i], x.parent[hits[j].i]; pi != pj {
			return pj
		}
		return x.recency(hits[i].a.Code) < x.recency(hits[j].a.Code)
	})
	for i, h := range hits {
		if i == max {
			return found, len(hits) - max
		}
		found = append(found, h.a)
	}
	return found, 0
}

// allWords says whether every word of the search is in text: at the start
// of one of its words when atStart, anywhere otherwise.
func allWords(text string, words []string, atStart bool) bool {
	for _, w := range words {
		i := strings.Index(text, w)
		if i < 0 {
			return false
		}
		if atStart {
			found := false
			for ; i >= 0; i = nextIndex(text, w, i) {
				if i == 0 || !unicode.IsLetter(rune(text[i-1])) {
					found = true
					break
				}
			}
			if !found {
				return false
			}
		}
	}
	return true
}

func nextIndex(text, w string, after int) int {
	j := strings.Index(text[after+1:], w)
	if j < 0 {
		return -1
	}
	return after + 1 + j
}

// Resolve reads the account a field holds: its code ("601000", "601000 Eau"),
// a short number padded as the chart stores it ("601" is 601000), or a search
// that finds a single account. Hidden accounts count when named by code.
func (x *AccountIndex) Resolve(text string) (ledger.Account, bool) {
	text = strings.TrimSpace(text)
	if text == "" {
		return ledger.Account{}, false
	}
	code, _, _ := strings.Cut(text, " ")
	code = strings.ToUpper(code)
	if a, ok := x.byCode[code]; ok {
		return a, true
	}
	if len(code) < 6 && strings.Trim(code, "0123456789") == "" {
		if a, ok := x.byCode[ledger.PadAccount(code)]; ok {
			return a, true
		}
	}
	// Not the everyday words: « ascenseur » is 614 or 615, for the user to
	// choose in the list.
	if found, more := x.find(text, 2, false); len(found) == 1 && more == 0 {
		return found[0], true
	}
	return ledger.Account{}, false
}

// EntryDraft is an entry as typed in the form, before it is read: every
// field is the text of its box.
type EntryDraft struct {
	Date, Journal, Piece, Label string
	Lines                       []LineDraft
}

// LineDraft is a line of the form; Key is a key code, "" for none.
type LineDraft struct {
	Account, Key, Label, Debit, Credit string
	// VAT is the VAT typed on a charge line: an amount, or a rate
	// (« 20 % ») that VATText turns into the amount it includes.
	VAT string
	// Recoverable is the line's recoverable share in percent (its « R »
	// box), 0 when not recoverable.
	Recoverable int
}

// Blank says whether nothing was typed on the line: such lines are left out.
func (l LineDraft) Blank() bool {
	return strings.TrimSpace(l.Account+l.Label+l.Debit+l.Credit) == ""
}

// optionalAmount reads an amount box; empty is zero.
func optionalAmount(s string) (ledger.Amount, error) {
	if strings.TrimSpace(s) == "" {
		return 0, nil
	}
	return ledger.ParseAmount(s)
}

// DraftTotals is what the form's balance indicator shows.
type DraftTotals struct {
	Debit, Credit ledger.Amount
	Lines         int   // lines with something typed
	Bad           error // the first amount that does not read, nil if none
}

// Gap is debit − credit: positive when the debit side is larger.
func (t DraftTotals) Gap() ledger.Amount { return t.Debit - t.Credit }

// Totals sums the amounts typed so far, skipping those that do not read.
func (d EntryDraft) Totals() DraftTotals {
	var t DraftTotals
	for i, l := range d.Lines {
		if l.Blank() {
			continue
		}
		t.Lines++
		if a, err := optionalAmount(l.Debit); err == nil {
			t.Debit += a
		} else if t.Bad == nil {
			t.Bad = ledger.Wrap(ledger.Invalid, err, "Ligne %d, débit : %s", i+1, ledger.Message(err))
		}
		if a, err := optionalAmount(l.Credit); err == nil {
			t.Credit += a
		} else if t.Bad == nil {
			t.Bad = ledger.Wrap(ledger.Invalid, err, "Ligne %d, crédit : %s", i+1, ledger.Message(err))
		}
	}
	return t
}

// Entry reads the draft into an entry of exercise ex (which gives the year
// of a date typed as day and month). Blank lines are left out; the other
// lines keep their number in messages. The entry is not checked for balance
// or keys: ledger does it, with its own words, when it is posted.
func (d EntryDraft) Entry(x *AccountIndex, ex ledger.Exercise) (ledger.Entry, error) {
	var e ledger.Entry
	if strings.TrimSpace(d.Date) == "" {
		return e, ledger.Errorf(ledger.Invalid, "La date de l'écriture est obligatoire (JJ/MM/AAAA)")
	}
	date, err := ParseEntryDate(d.Date, ex)
	if err != nil {
		return e, ledger.Wrap(ledger.Invalid, err, "Date : %s", ledger.Message(err))
	}
	e.Date = date
	e.Journal = strings.TrimSpace(d.Journal)
	e.Piece = strings.TrimSpace(d.Piece)
	e.Label = strings.TrimSpace(d.Label)
	for i, l := range d.Lines {
		if l.Blank() {
			continue
		}
		n := i + 1
		var line ledger.Line
		switch a, ok := x.Resolve(l.Account); {
		case strings.TrimSpace(l.Account) == "":
			return e, ledger.Errorf(ledger.Invalid, "Ligne %d : le compte est obligatoire ; tapez son numéro ou son nom et choisissez-le dans la liste", n)
		case !ok:
			return e, ledger.Errorf(ledger.Invalid, "Ligne %d : le compte « %s » n'est pas dans le plan comptable ; tapez son numéro ou son nom et choisissez-le dans la liste", n, strings.TrimSpace(l.Account))
		default:
			line.Account = a.Code
		}
		line.Key = strings.TrimSpace(l.Key)
		line.Label = strings.TrimSpace(l.Label)
		if line.Debit, err = optionalAmount(l.Debit); err != nil {
			return e, ledger.Wrap(ledger.Invalid, err, "Ligne %d, débit : %s", n, ledger.Message(err))
		}
		if line.Credit, err = optionalAmount(l.Credit); err != nil {
			return e, ledger.Wrap(ledger.Invalid, err, "Ligne %d, crédit : %s", n, ledger.Message(err))
		}
		// VAT and R belong to charges only: the form disables them on
		// other lines, and what was typed before the account changed is
		// left out rather than refused.
		if ledger.AccountClass(line.Account) == 6 {
			vat, err := VATText(l.VAT, line.Debit+line.Credit)
			if err != nil {
				return e, ledger.Wrap(ledger.Invalid, err, "Ligne %d, TVA : %s", n, ledger.Message(err))
			}
			line.VAT, line.Recoverable = vat, l.Recoverable
		}
		e.Lines = append(e.Lines, line)
	}
	return e, nil
}

var dayMonth = regexp.MustCompile(`^(\d{1,2})[/.\-](\d{1,2})(?:[/.\-](\d{2}|\d{4}))?$`)

// ParseEntryDate reads a date as syndics type it in an entry: 31/01/2025,
// 2025-01-31, 31/01/25, or only 31/01, the year then being the one that puts
// the day inside exercise ex (an exercise may span two years).
func ParseEntryDate(text string, ex ledger.Exercise) (time.Time, error) {
	s := strings.TrimSpace(text)
	m := dayMonth.FindStringSubmatch(s)
	if m == nil {
		return ledger.ParseDate(s)
	}
	day, _ := strconv.Atoi(m[1])
	month, _ := strconv.Atoi(m[2])
	bad := ledger.Errorf(ledger.Invalid, "« %s » n'est pas une date valide (format JJ/MM/AAAA)", s)
	valid := func(y int) (time.Time, bool) {
		d := ledger.Date(y, time.Month(month), day)
		return d, month >= 1 && month <= 12 && d.Day() == day
	}
	switch y := m[3]; len(y) {
	case 4, 2:
		year, _ := strconv.Atoi(y)
		if len(y) == 2 {
			year += 2000
		}
		if d, ok := valid(year); ok {
			return d, nil
		}
		return time.Time{}, bad
	}
	if ex.Start.IsZero() {
		return time.Time{}, bad
	}
	for y := ex.Start.Year(); y <= ex.End.Year(); y++ {
		if d, ok := valid(y); ok && ex.Contains(d) {
			return d, nil
		}
	}
	if d, ok := valid(ex.Start.Year()); ok {
		return d, nil // outside the exercise: ledger says so when posting
	}
	return time.Time{}, bad
}

// EntryDefaults is what a new entry of a journal starts with: the date of
// the journal's latest entry in the period from–to, else today brought
// into the period; and the next piece number of that journal.
func (r *Residence) EntryDefaults(journal string, from, to, today time.Time) (date time.Time, piece string, err error) {
	err = r.View(func(tx *ledger.Tx) error {
		list, err := tx.Entries(ledger.EntryFilter{Journal: journal, From: from, To: to})
		if err != nil {
			return err
		}
		if n := len(list); n > 0 {
			date = list[n-1].Date
		} else {
			date = ledger.Date(today.Year(), today.Month(), today.Day())
			if date.Before(from) {
				date = from
			}
			if date.After(to) {
				date = to
			}
		}
		piece, err = tx.NextPieceOn(journal, date)
		return err
	})
	return date, piece, err
}

// NextPiece proposes the piece number of a new entry of journal on day date.
func (r *Residence) NextPiece(journal string, date time.Time) (string, error) {
	var piece string
	err := r.View(func(tx *ledger.Tx) (err error) {
		piece, err = tx.NextPieceOn(journal, date)
		return err
	})
	return piece, err
}

// Months lists the first day of each month an exercise spans.
func Months(ex ledger.Exercise) []time.Time {
	var out []time.Time
	for m := ledger.Date(ex.Start.Year(), ex.Start.Month(), 1); !m.After(ex.End); m = m.AddDate(0, 1, 0) {
		out = append(out, m)
	}
	return out
}

// MonthSpan is the part of month m (its first day) inside exercise ex.
func MonthSpan(m time.Time, ex ledger.Exercise) (from, to time.Time) {
	from, to = m, m.AddDate(0, 1, -1)
	if from.Before(ex.Start) {
		from = ex.Start
	}
	if to.After(ex.End) {
		to = ex.End
	}
	return from, to
}

// MonthName names a month in French: "janvier 2025".
func MonthName(m time.Time) string {
	return monthNames[m.Month()-1] + " " + strconv.Itoa(m.Year())
}

var monthNames = []string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
	"septembre", "octobre", "novembre", "décembre"}

// RecentAccounts lists the accounts of the latest entries, the latest
// first (at most RecentAccountCount): AccountIndex.SetRecent puts them
// first in the pickers.
func (r *Residence) RecentAccounts() ([]string, error) {
	var out []string
	err := r.View(func(tx *ledger.Tx) error {
		var err error
		out, err = tx.RecentAccounts(RecentAccountCount)
		return err
	})
	return out, err
}

// AccountMatches says whether an account answers a search q, folded as
// fr.Fold makes it: the start of its number, a piece of its label, or the
// start of one of the chart's everyday words (« ascenseur » finds 614 and
// 615). The accounts screen filters its list with it.
func AccountMatches(code, label, q string) bool {
	if q == "" {
		return true
	}
	if strings.HasPrefix(code, strings.ToUpper(q)) || strings.Contains(fr.Fold(label), q) {
		return true
	}
	return allWords(ledger.AccountWords(code), strings.Fields(q), true)
}

// VATText reads the VAT box of a charge line of amount ttc: empty is
// none, an amount is kept as typed, a rate (« 20 % », « 5,5% ») gives the
// VAT that amount includes at that rate (ledger.VATIncluded).
func VATText(text string, ttc ledger.Amount) (ledger.Amount, error) {
	s := strings.TrimSpace(text)
	if s == "" {
		return 0, nil
	}
	if rate, ok := strings.CutSuffix(s, "%"); ok {
		r, err := ledger.ParseVATRate(strings.TrimSpace(rate) + " %")
		if err != nil {
			return 0, err
		}
		return ledger.VATIncluded(ttc, r), nil
	}
	return ledger.ParseAmount(s)
}
