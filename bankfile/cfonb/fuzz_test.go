package cfonb

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"tantieme/bankfile"
)

// FuzzParse: no input makes Parse panic; a refusal is a located
// *bankfile.Error; what parses has clean bounded texts, and written back
// (CFONB 120, and CFONB 240) reads again to the same cents.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"cfonb120_pennylane_example.txt", "cfonb120_silarhi_complex.txt", "cfonb240_silarhi_complex.txt", "cfonb240_silarhi_totals_fixed.txt"} {
		data, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
		lines := strings.Split(string(data), "\n")
		f.Add([]byte(strings.Join(lines[:len(lines)/2], "\r\n")))
	}
	f.Add([]byte("01" + strings.Repeat(" ", 118)))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		st, err := Parse("f.txt", data)
		if err != nil {
			var be *bankfile.Error
			if !errors.As(err, &be) || be.File != "f.txt" || be.Msg == "" {
				t.Fatalf("refusal not a located bankfile.Error: %#v", err)
			}
			return
		}
		for _, s := range st {
			for _, l := range s.Lines {
				for _, txt := range append([]string{l.Label, l.Reference, l.Counterparty.Name, l.EndToEnd, l.Code, l.Check}, l.Details...) {
					if txt != strings.TrimSpace(txt) || utf8.RuneCountInString(txt) > bankfile.MaxText || strings.IndexFunc(txt, unicode.IsControl) >= 0 {
						t.Fatalf("text not clean: %q", txt)
					}
				}
			}
		}
		var buf bytes.Buffer
		if err := Write(&buf, st); err != nil {
			t.Fatalf("Write: %v", err)
		}
		back, err := Parse("f.txt", buf.Bytes())
		if err != nil {
			t.Fatalf("what Write wrote does not read: %v\n%s", err, buf.String())
		}
		if d := sameCents(st, back); d != "" {
			t.Fatalf("CFONB 120: %s differs", d)
		}
		buf.Reset()
		if err := Write240(&buf, st); err != nil {
			t.Fatalf("Write240: %v", err)
		}
		if back, err = Parse("f.txt", buf.Bytes()); err != nil {
			t.Fatalf("what Write240 wrote does not read: %v\n%s", err, buf.String())
		}
		if d := sameCents(st, back); d != "" {
			t.Fatalf("CFONB 240: %s differs", d)
		}
	})
}
