package cfonb

import "testing"

func TestRibIBAN(t *testing.T) {
	for _, tc := range [][4]string{
		{"30006", "00001", "12345678901", "FR7630006000011234567890189"},
		// a letter in the account number (M counts as 4): the usual example IBAN
		{"20041", "01005", "0500013M026", "FR1420041010050500013M02606"},
		{"3000A", "00001", "12345678901", ""},
		{"30006", "00001", "1234567890", ""},
		{"00000", "00000", "00000000000", ""},
	} {
		if got := ribIBAN(tc[0], tc[1], tc[2]); got != tc[3] {
			t.Errorf("ribIBAN(%s %s %s) = %q, want %q", tc[0], tc[1], tc[2], got, tc[3])
		}
	}
}
