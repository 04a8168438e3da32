package ledger

import "strings"

// OptionSIREN is the option holding the syndicat's SIREN ("" for none).
const OptionSIREN = "siren"

// NormalizeSIREN checks a SIREN typed by the syndic and returns its nine
// digits, or "" when none was typed. The ninth digit is a Luhn key
// (INSEE); La Poste's SIREN 356 000 000 is the one documented exception
// (its digits add up to a multiple of 5 instead), kept for completeness.
func NormalizeSIREN(s string) (string, error) {
	s = strings.Map(func(r rune) rune {
		if r == ' ' || r == '\u00a0' || r == '.' || r == '-' {
			return -1
		}
		return r
	}, strings.TrimSpace(s))
	if s == "" {
		return "", nil
	}
	if len(s) != 9 || strings.Trim(s, "0123456789") != "" {
		return "", Errorf(Invalid, "Le SIREN « %s » n'est pas valide : il a 9 chiffres (laissez vide si le syndicat n'en a pas)", s)
	}
	if s == "000000000" {
		// The FEC's stand-in for "no SIREN": accepting it would hide that.
		return "", Errorf(Invalid, "« 000000000 » n'est pas un SIREN : laissez le champ vide si le syndicat n'en a pas")
	}
	if !luhn(s) && !(strings.HasPrefix(s, "356000") && digitSum(s)%5 == 0) {
		return "", Errorf(Invalid, "Le SIREN « %s » n'est pas valide : sa clé de contrôle (le dernier chiffre) ne correspond pas ; vérifiez-le sur l'avis de situation de l'INSEE", s)
	}
	return s, nil
}

// luhn checks the Luhn key of a string of digits.
func luhn(s string) bool {
	sum := 0
	for i := range len(s) {
		d := int(s[len(s)-1-i] - '0')
		if i%2 == 1 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return sum%10 == 0
}

func digitSum(s string) int {
	sum := 0
	for _, c := range s {
		sum += int(c - '0')
	}
	return sum
}

// NormalizeSIRET checks a SIRET (the SIREN and the 5-digit number of the
// establishment) and returns its fourteen digits, or "" when none was
// typed. Its last digit is a Luhn key over the fourteen (INSEE); La
// Poste's establishments are the documented exception (digit sum a
// multiple of 5).
func NormalizeSIRET(s string) (string, error) {
	s = strings.Map(func(r rune) rune {
		if r == ' ' || r == '\u00a0' || r == '.' || r == '-' {
			return -1
		}
		return r
	}, strings.TrimSpace(s))
	if s == "" {
		return "", nil
	}
	if len(s) != 14 || strings.Trim(s, "0123456789") != "" {
		return "", Errorf(Invalid, "Le SIRET « %s » n'est pas valide : il a 14 chiffres, le SIREN puis 5 chiffres (laissez vide si le syndicat n'en a pas)", s)
	}
	if _, err := NormalizeSIREN(s[:9]); err != nil {
		return "", Errorf(Invalid, "Le SIRET « %s » ne commence pas par un SIREN valide : %s", s, Message(err))
	}
	if !luhn(s) && !(strings.HasPrefix(s, "356000") && digitSum(s)%5 == 0) {
		return "", Errorf(Invalid, "Le SIRET « %s » n'est pas valide : sa clé de contrôle (le dernier chiffre) ne correspond pas ; vérifiez-le sur l'avis de situation de l'INSEE", s)
	}
	return s, nil
}
