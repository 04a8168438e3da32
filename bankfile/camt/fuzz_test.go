package camt

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"tantieme/bankfile"
)

// FuzzParse: no input makes Parse panic; every text it keeps is bounded;
// and what parses, written back by Write and read again, gives the same
// cents, dates and balances; written by Write054, the same cents and dates
// and no balances.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.xml"))
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
		f.Add(bytes.ReplaceAll(bytes.ReplaceAll(b, []byte(`"SEK"`), []byte(`"EUR"`)), []byte(`"CHF"`), []byte(`"EUR"`)))
	}
	f.Add([]byte(small))
	var b bytes.Buffer
	if err := Write(&b, sample()); err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
	b.Reset()
	if err := Write054(&b, sample()); err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		st, err := Parse("f.xml", data)
		if err != nil {
			if _, ok := err.(*bankfile.Error); !ok {
				t.Fatalf("not a bankfile.Error: %T %v", err, err)
			}
			return
		}
		for _, s := range st {
			for _, l := range s.Lines {
				for _, txt := range append([]string{l.Label, l.Reference, l.EndToEnd, l.Counterparty.Name, l.Code}, l.Details...) {
					if utf8.RuneCountInString(txt) > bankfile.MaxText || !utf8.ValidString(txt) {
						t.Fatalf("text not bounded or not UTF-8: %q", txt)
					}
				}
			}
		}
		// camt.053 needs a balance: a notification gets its total as one,
		// which is not compared.
		w := make([]bankfile.Statement, len(st))
		for i, s := range st {
			if s.Opening == nil && s.Closing == nil {
				s.Closing = &bankfile.Balance{Amount: s.Total()}
			}
			w[i] = s
		}
		var out bytes.Buffer
		if err := Write(&out, w); err != nil {
			t.Fatal(err)
		}
		back, err := Parse("f.xml", out.Bytes())
		if err != nil {
			t.Fatalf("what Write wrote does not read: %v\n%s", err, out.String())
		}
		if len(back) != len(st) {
			t.Fatalf("%d statements, then %d", len(st), len(back))
		}
		for i, s := range st {
			r := back[i]
			if len(r.Lines) != len(s.Lines) {
				t.Fatalf("statement %d: %d lines, then %d", i, len(s.Lines), len(r.Lines))
			}
			for j, l := range s.Lines {
				if r.Lines[j].Amount != l.Amount || !r.Lines[j].Date.Equal(l.Date) || !r.Lines[j].ValueDate.Equal(l.ValueDate) {
					t.Fatalf("statement %d line %d: %+v, then %+v", i, j, l, r.Lines[j])
				}
			}
			if s.Opening != nil && !sameBalance(s.Opening, r.Opening) || s.Closing != nil && !sameBalance(s.Closing, r.Closing) {
				t.Fatalf("statement %d: balances %v %v, then %v %v", i, s.Opening, s.Closing, r.Opening, r.Closing)
			}
		}
		out.Reset()
		if err := Write054(&out, st); err != nil {
			t.Fatal(err)
		}
		if back, err = Parse("f.xml", out.Bytes()); err != nil {
			t.Fatalf("what Write054 wrote does not read: %v\n%s", err, out.String())
		}
		if len(back) != len(st) {
			t.Fatalf("camt.054: %d statements, then %d", len(st), len(back))
		}
		for i, s := range st {
			r := back[i]
			if len(r.Lines) != len(s.Lines) || r.Opening != nil || r.Closing != nil {
				t.Fatalf("camt.054 statement %d: %d lines, then %d; balances %v %v", i, len(s.Lines), len(r.Lines), r.Opening, r.Closing)
			}
			for j, l := range s.Lines {
				if r.Lines[j].Amount != l.Amount || !r.Lines[j].Date.Equal(l.Date) || !r.Lines[j].ValueDate.Equal(l.ValueDate) {
					t.Fatalf("camt.054 statement %d line %d: %+v, then %+v", i, j, l, r.Lines[j])
				}
			}
		}
	})
}
