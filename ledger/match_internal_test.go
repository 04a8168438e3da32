package ledger

import "testing"

func TestNextLetter(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", "A"}, {"A", "B"}, {"Y", "Z"}, {"Z", "AA"}, {"AA", "AB"}, {"AZ", "BA"}, {"ZY", "ZZ"}, {"ZZ", "AAA"}, {"AZZ", "BAA"},
	} {
		if got := nextLetter(tc.in); got != tc.want {
			t.Errorf("nextLetter(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	// The order letters are handed out in.
	if !letterLess("Z", "AA") || letterLess("AA", "Z") || !letterLess("", "A") || !letterLess("AB", "BA") {
		t.Error("letterLess")
	}
}
