package ledger

import "strings"

// Bank identifiers other than the IBAN (validIBAN, residence.go), checked
// before they are stored so that a SEPA file never carries a mistyped one.

// normalizeID upper-cases an identifier and drops the spaces people type
// in it ("fr72 zzz 123456").
func normalizeID(s string) string {
	return strings.ToUpper(strings.Join(strings.Fields(s), ""))
}

// validBIC checks a BIC (ISO 9362): 4 letters for the bank, 2 letters for
// the country, 2 letters or digits for the location, optionally 3 letters
// or digits for the branch.
func validBIC(bic string) bool {
	if len(bic) != 8 && len(bic) != 11 {
		return false
	}
	for i, c := range bic {
		letter := c >= 'A' && c <= 'Z'
		digit := c >= '0' && c <= '9'
		if i < 6 && !letter || i >= 6 && !letter && !digit {
			return false
		}
	}
	return true
}

// validICS checks a SEPA creditor identifier (EPC262-08, "Creditor
// Identifier Overview"): country code, 2 check digits, a 3-character
// creditor business code chosen freely by the creditor (so left out of the
// check), then the national identifier. The check digits are the IBAN's
// ISO 7064 mod 97-10 over national identifier + country + "00". A French
// ICS has 13 characters (FR72ZZZ123456); other countries up to 35.
func validICS(ics string) bool {
	if len(ics) < 8 || len(ics) > 35 {
		return false
	}
	if strings.HasPrefix(ics, "FR") && len(ics) != 13 {
		return false
	}
	for i, c := range ics {
		letter := c >= 'A' && c <= 'Z'
		digit := c >= '0' && c <= '9'
		switch {
		case i < 2 && !letter, i >= 2 && i < 4 && !digit, i >= 4 && !letter && !digit:
			return false
		}
	}
	mod := mod97(ics[7:] + ics[:2] + "00")
	want := int(ics[2]-'0')*10 + int(ics[3]-'0')
	return 98-mod == want
}

// mod97 is the remainder by 97 of s read as a number, letters counting
// A=10 … Z=35 (ISO 7064, as for the IBAN).
func mod97(s string) int {
	mod := 0
	for _, c := range s {
		switch {
		case c >= '0' && c <= '9':
			mod = (mod*10 + int(c-'0')) % 97
		case c >= 'A' && c <= 'Z':
			mod = (mod*100 + int(c-'A') + 10) % 97
		}
	}
	return mod
}
