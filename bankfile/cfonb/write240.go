package cfonb

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"time"

	"tantieme/bankfile"
)

// Write240 writes statements as a CFONB 240 file, one sequence (31, 34…,
// 39) per statement: a credit as a transfer received (code 20), a debit as
// a direct debit (code 80), unless the line's Code is a CFONB 240 operation
// code of the same direction. The customer's account is at 78-98 of each
// detail, the counterparty's name at 43-66, the label at 153-184 and the
// first detail at 185-216. Balances are not written: the format has none.
// Lines of zero amount are left out (in CFONB 240 only notices carry
// zero, and they move no money).
func Write240(w io.Writer, st []bankfile.Statement) error {
	bw := bufio.NewWriter(w)
	for i, s := range st {
		if err := write240(bw, s); err != nil {
			return fmt.Errorf("relevé n° %d : %w", i+1, err)
		}
	}
	return bw.Flush()
}

func write240(w *bufio.Writer, s bankfile.Statement) error {
	if s.Currency != "" && s.Currency != "EUR" {
		return errors.New("seuls les relevés en euros s'écrivent en CFONB 240")
	}
	z, err := ribZonesOf(s.Account)
	if err != nil {
		return err
	}
	day := s.To
	if day.IsZero() {
		day = s.From
	}
	for _, l := range s.Lines {
		if day.IsZero() || l.Date.After(day) {
			day = l.Date
		}
	}
	if day.IsZero() {
		day = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	seq := 0
	head := func(code string) (*rec, error) {
		seq++
		b := newRec(240)
		b.put(1, code)
		b.put(3, fmt.Sprintf("%06d", seq%1_000_000))
		b.put(9, "20")
		if err := b.date(11, day, false); err != nil {
			return nil, err
		}
		b.put(17, "E")
		for _, at := range []int{22, 78} {
			b.put(at, z.bank)
			b.put(at+5, z.branch)
			b.put(at+10, z.number)
			b.put(at+21, cut(s.Account.Name, 24))
		}
		return b, nil
	}
	b, err := head("31")
	if err != nil {
		return err
	}
	if err := b.line(w); err != nil {
		return err
	}
	var sum int64
	for i, l := range s.Lines {
		code := "20"
		if l.Amount < 0 {
			code = "80"
		}
		if op, ok := ops240[l.Code]; ok && op.layout == layoutTransfer && op.sign*int(sign(l.Amount)) > 0 {
			code = l.Code
		}
		v := l.Amount
		if v < 0 {
			v = -v
		}
		if sum += v; sum > max240 {
			return fmt.Errorf("ligne n° %d : montants trop grands pour les 12 chiffres de CFONB 240", i+1)
		}
		seq++
		b := newRec(240)
		b.put(1, "34")
		b.put(3, fmt.Sprintf("%06d", seq%1_000_000))
		b.put(9, code)
		if err := b.date(11, l.Date, false); err != nil {
			return fmt.Errorf("ligne n° %d : %w", i+1, err)
		}
		b.put(17, "E")
		b.put(43, cut(l.Counterparty.Name, 24))
		b.put(78, z.bank)
		b.put(83, z.branch)
		b.put(88, z.number)
		b.put(99, cut(s.Account.Name, 24))
		b.put(123, cut(l.Reference, 6))
		b.put(153, cut(l.Label, 32))
		if len(l.Details) > 0 {
			b.put(185, cut(l.Details[0], 32))
		}
		b.put(229, fmt.Sprintf("%012d", v))
		if err := b.line(w); err != nil {
			return err
		}
	}
	if b, err = head("39"); err != nil {
		return err
	}
	b.put(229, fmt.Sprintf("%012d", sum))
	return b.line(w)
}

// max240 is the largest amount 12 digits of cents hold.
const max240 = 999_999_999_999

func sign(v int64) int64 {
	switch {
	case v < 0:
		return -1
	case v > 0:
		return 1
	}
	return 0
}
