package cfonb

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"tantieme/bankfile"
)

// Write writes statements as a CFONB 120 file, CRLF-terminated: per
// statement an 01 (old balance), per line an 04 and its 05 complements
// (NPY or NBE for the counterparty's name, RCN for the end-to-end
// reference, CPY or CBE for its IBAN, LIB for each detail, cut into
// 70-character pieces), and an 07 (new balance). A label longer than the
// 31 characters of the 04 is cut. A statement with no stated balance is
// written from zero, its closing being the sum of its lines. It is the
// writer of tests (a year of statements for a generated residence) and of
// the fuzz test's round trip.
func Write(w io.Writer, st []bankfile.Statement) error {
	bw := bufio.NewWriter(w)
	for i, s := range st {
		if err := write120(bw, s); err != nil {
			return fmt.Errorf("relevé n° %d : %w", i+1, err)
		}
	}
	return bw.Flush()
}

func write120(w *bufio.Writer, s bankfile.Statement) error {
	if s.Currency != "" && s.Currency != "EUR" {
		return errors.New("seuls les relevés en euros s'écrivent en CFONB 120")
	}
	acct, err := ribZonesOf(s.Account)
	if err != nil {
		return err
	}
	var open, close bankfile.Balance
	if s.Opening != nil {
		open = *s.Opening
	}
	if open.Date.IsZero() {
		open.Date = s.From
	}
	if open.Date.IsZero() && len(s.Lines) > 0 {
		open.Date = s.Lines[0].Date
	}
	if s.Closing != nil {
		close = *s.Closing
	} else {
		close.Amount = open.Amount + s.Total()
	}
	if close.Date.IsZero() {
		close.Date = s.To
	}
	if close.Date.IsZero() {
		close.Date = open.Date
		for _, l := range s.Lines {
			if l.Date.After(close.Date) {
				close.Date = l.Date
			}
		}
	}
	b := newRec(120)
	if err := balanceRec(b, "01", acct, open); err != nil {
		return fmt.Errorf("ancien solde : %w", err)
	}
	if err := b.line(w); err != nil {
		return err
	}
	for i, l := range s.Lines {
		if err := writeLine(w, acct, l); err != nil {
			return fmt.Errorf("ligne n° %d : %w", i+1, err)
		}
	}
	b = newRec(120)
	if err := balanceRec(b, "07", acct, close); err != nil {
		return fmt.Errorf("nouveau solde : %w", err)
	}
	return b.line(w)
}

// ribZones are the zones every record repeats: bank 3-7, branch 12-16,
// currency 17-19, decimals 20, account number 22-32.
type ribZones struct{ bank, branch, number string }

func ribZonesOf(a bankfile.Account) (ribZones, error) {
	z := ribZones{a.Bank, a.Branch, a.Number}
	if strings.TrimSpace(z.number) == "" {
		return z, errors.New("le compte n'a pas de numéro (RIB) : CFONB 120 ne connaît pas l'IBAN seul")
	}
	if utf8.RuneCountInString(z.bank) > 5 || utf8.RuneCountInString(z.branch) > 5 || utf8.RuneCountInString(z.number) > 11 {
		return z, errors.New("code banque, guichet ou numéro de compte trop long pour un RIB")
	}
	return z, nil
}

func (z ribZones) put(b *rec, code string) {
	b.put(1, code)
	b.put(3, z.bank)
	b.put(12, z.branch)
	b.put(17, "EUR2")
	b.put(22, z.number)
}

func balanceRec(b *rec, code string, z ribZones, bal bankfile.Balance) error {
	z.put(b, code)
	if err := b.date(35, bal.Date, false); err != nil {
		return err
	}
	return b.amount120(bal.Amount)
}

func writeLine(w *bufio.Writer, z ribZones, l bankfile.Line) error {
	b := newRec(120)
	z.put(b, "04")
	b.put(33, cut(l.Code, 2))
	if err := b.date(35, l.Date, false); err != nil {
		return err
	}
	if err := b.date(43, l.ValueDate, true); err != nil {
		return err
	}
	b.put(49, cut(l.Label, 31))
	if err := b.amount120(l.Amount); err != nil {
		return err
	}
	b.put(105, cut(l.Reference, 16))
	if err := b.line(w); err != nil {
		return err
	}
	credit := l.Amount >= 0
	var comps [][2]string
	if l.Counterparty.Name != "" {
		comps = append(comps, [2]string{map[bool]string{true: "NPY", false: "NBE"}[credit], cut(l.Counterparty.Name, 70)})
	}
	if l.EndToEnd != "" {
		comps = append(comps, [2]string{"RCN", cut(l.EndToEnd, 35)})
	}
	if l.Counterparty.IBAN != "" {
		comps = append(comps, [2]string{map[bool]string{true: "CPY", false: "CBE"}[credit], cut(l.Counterparty.IBAN, 35)})
	}
	for _, d := range l.Details {
		r := []rune(d)
		for len(r) > 0 {
			n := min(len(r), 70)
			comps = append(comps, [2]string{"LIB", string(r[:n])})
			r = r[n:]
		}
	}
	for _, c := range comps {
		b := newRec(120)
		z.put(b, "05")
		b.put(33, cut(l.Code, 2))
		_ = b.date(35, l.Date, false) // already checked on the 04
		b.put(46, c[0])
		b.put(49, c[1])
		if err := b.line(w); err != nil {
			return err
		}
	}
	return nil
}

// rec is a fixed-width record being written, in runes.
type rec []rune

func newRec(n int) *rec {
	r := make(rec, n)
	for i := range r {
		r[i] = ' '
	}
	return &r
}

// put writes s from position pos (1-based), control characters replaced by
// blanks; what overflows the record is dropped (callers cut first).
func (b *rec) put(pos int, s string) {
	i := pos - 1
	for _, c := range s {
		if i >= len(*b) {
			return
		}
		if c < ' ' || c == 0x7f || (c >= 0x80 && c < 0xa0) {
			c = ' '
		}
		(*b)[i] = c
		i++
	}
}

func (b *rec) date(pos int, t time.Time, blankOK bool) error {
	if t.IsZero() {
		if blankOK {
			return nil
		}
		return errors.New("date manquante")
	}
	if t.Year() < 1980 || t.Year() > 2079 {
		return errors.New("année " + strconv.Itoa(t.Year()) + " hors de ce qu'une date JJMMAA peut dire")
	}
	b.put(pos, t.Format("020106"))
	return nil
}

// amount120 writes signed cents at 91-104 with two decimals (position 20
// says 2): 13 digits and the sign character that carries the last digit.
func (b *rec) amount120(v int64) error {
	neg := v < 0
	if neg {
		v = -v
	}
	if v > maxAmount {
		return errors.New("montant démesuré")
	}
	s := fmt.Sprintf("%014d", v)
	last := s[13] - '0'
	signs := "{ABCDEFGHI"
	if neg {
		signs = "}JKLMNOPQR"
	}
	b.put(91, s[:13]+string(signs[last]))
	return nil
}

func (b *rec) line(w *bufio.Writer) error {
	_, err := w.WriteString(string(*b) + "\r\n")
	return err
}

// cut keeps the first n characters of s.
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}
