package tantieme

import (
	"os"
	"strings"
	"testing"
)

// TestLicenses checks the embedded texts are the files' own: what À propos
// shows is what the repository is published under.
func TestLicenses(t *testing.T) {
	for _, tc := range []struct{ file, embedded, want string }{
		{"LICENSE", License, "MIT License"},
		{"assets/fonts/LICENSE-DejaVu.txt", DejaVuLicense, "Bitstream"},
	} {
		b, err := os.ReadFile(tc.file)
		if err != nil {
			t.Fatal(err)
		}
		if string(b) != tc.embedded {
			t.Errorf("%s: the embedded text differs from the file", tc.file)
		}
		if !strings.Contains(tc.embedded, tc.want) {
			t.Errorf("%s lacks %q", tc.file, tc.want)
		}
	}
}
