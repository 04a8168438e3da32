package ofx

import (
	"fmt"
	"math/big"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"tantieme/bankfile"
)

// clean makes a value fit to show: blanks and line breaks become spaces,
// other control characters go, the ends are trimmed and the text is cut to
// bankfile.MaxText runes.
func clean(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r' || r == '\u00A0':
			return ' '
		case unicode.IsControl(r) || r == utf8.RuneError || r == '\uFEFF':
			return -1
		}
		return r
	}, s)
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) > bankfile.MaxText {
		s = strings.TrimSpace(string([]rune(s)[:bankfile.MaxText]))
	}
	return s
}

// date reads an OFX date, YYYYMMDD[HHMMSS[.XXX]][[gmt offset[:tz name]]]
// (OFX 1.0.2 §3.2.8.2), into the calendar day the bank states. The time
// and time zone are checked for shape but not applied: a booking date is a
// day, and shifting 20160601000000[+2:CEST] to UTC would move it to
// 31 May.
func date(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	bad := fmt.Errorf("date illisible « %s » (attendu AAAAMMJJ, éventuellement suivi de l'heure)", clip(s, 40))
	if zone := strings.IndexByte(s, '['); zone >= 0 {
		if !strings.HasSuffix(s, "]") {
			return time.Time{}, bad
		}
		s = s[:zone]
	}
	digits := s
	if dot := strings.IndexByte(s, '.'); dot >= 0 {
		if dot != 14 || !allDigits(s[dot+1:]) || len(s) > 18 {
			return time.Time{}, bad
		}
		digits = s[:dot]
	}
	if !allDigits(digits) || (len(digits) != 8 && len(digits) != 12 && len(digits) != 14) {
		return time.Time{}, bad
	}
	y, m, d := atoi(digits[0:4]), atoi(digits[4:6]), atoi(digits[6:8])
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if y < 1900 || t.Year() != y || int(t.Month()) != m || t.Day() != d {
		return time.Time{}, fmt.Errorf("la date « %s » n'existe pas", clip(s, 40))
	}
	if len(digits) >= 12 && (atoi(digits[8:10]) > 23 || atoi(digits[10:12]) > 59 || len(digits) == 14 && atoi(digits[12:14]) > 60) {
		return time.Time{}, fmt.Errorf("l'heure de « %s » n'existe pas", clip(s, 40))
	}
	return t, nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// account reads BANKACCTFROM (or CCACCTFROM: ACCTID only). French banks
// give the RIB: BANKID the code banque, BRANCHID the code guichet, ACCTID
// the account number, sometimes followed by its two-digit RIB key; the key
// is dropped when it checks, so that Number is the 11 characters of the
// RIB. An ACCTID that is a valid IBAN is the IBAN, and a French one also
// gives the RIB it contains.
func account(n *node) bankfile.Account {
	var a bankfile.Account
	id := strings.ToUpper(strings.Join(strings.Fields(clean(n.value("ACCTID"))), ""))
	a.Bank = clean(n.value("BANKID"))
	a.Branch = clean(n.value("BRANCHID"))
	switch {
	case validIBAN(id):
		a.IBAN = id
		if strings.HasPrefix(id, "FR") && len(id) == 27 {
			a.Bank, a.Branch, a.Number = id[4:9], id[9:14], id[14:25]
		}
	case len(id) == 13 && ribKey(a.Bank, a.Branch, id[:11]) == id[11:]:
		a.Number = id[:11]
	default:
		a.Number = id
	}
	return a
}

// validIBAN checks an IBAN's shape and its ISO 13616 check digits (mod 97).
func validIBAN(s string) bool {
	if len(s) < 15 || len(s) > 34 || !letters(s[:2]) || !allDigits(s[2:4]) {
		return false
	}
	var b strings.Builder
	for _, c := range s[4:] + s[:4] {
		switch {
		case c >= '0' && c <= '9':
			b.WriteRune(c)
		case c >= 'A' && c <= 'Z':
			fmt.Fprint(&b, int(c-'A'+10))
		default:
			return false
		}
	}
	n, ok := new(big.Int).SetString(b.String(), 10)
	return ok && new(big.Int).Mod(n, big.NewInt(97)).Int64() == 1
}

func letters(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// ribKey is the French RIB key of a bank code, branch code and account
// number: 97 − ((89·bank + 15·branch + 3·account) mod 97), the account's
// letters standing for digits (A,J→1 B,K,S→2 … I,R,Z→9). "" when the parts
// are not a RIB's 5, 5 and 11 characters.
func ribKey(bank, branch, number string) string {
	if len(bank) != 5 || len(branch) != 5 || len(number) != 11 || !allDigits(bank) || !allDigits(branch) {
		return ""
	}
	acct := 0
	for _, c := range number {
		var d int
		switch {
		case c >= '0' && c <= '9':
			d = int(c - '0')
		case c >= 'A' && c <= 'I':
			d = int(c-'A') + 1
		case c >= 'J' && c <= 'R':
			d = int(c-'J') + 1
		case c >= 'S' && c <= 'Z':
			d = int(c-'S') + 2
		default:
			return ""
		}
		acct = (acct*10 + d) % 97
	}
	k := 97 - (89*(atoi(bank)%97)+15*(atoi(branch)%97)+3*acct)%97
	return fmt.Sprintf("%02d", k)
}
