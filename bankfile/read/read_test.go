package read

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tantieme/bankfile"
)

// Each family's sample is recognised from its content alone, under a name
// that says nothing (banks name their exports freely).
func TestRecognisedFromContent(t *testing.T) {
	for _, tc := range []struct {
		file, format string
		statements   int
	}{
		{"../cfonb/testdata/cfonb120_pennylane_example.txt", "CFONB 120", 2},
		{"../camt/testdata/camt053.001.02_genkgo_multi_statement.xml", "CAMT.053.001.02", 2},
		{"../ofx/testdata/ofx102_creditmutuel_fr.ofx", "OFX", 1},
	} {
		data, err := os.ReadFile(tc.file)
		if err != nil {
			t.Fatal(err)
		}
		sts, err := Statements("export.dat", data)
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(tc.file), err)
			continue
		}
		if len(sts) != tc.statements || !strings.HasPrefix(sts[0].Format, tc.format) {
			t.Errorf("%s: %d statements, format %q; want %d, %s", filepath.Base(tc.file), len(sts), sts[0].Format, tc.statements, tc.format)
		}
	}
}

func TestNotAStatement(t *testing.T) {
	for name, data := range map[string]string{
		"vide.txt":    "",
		"facture.pdf": "%PDF-1.4\n...",
		"tableur.csv": "date;libellé;montant\n01/02/2025;VIR;12,00\n",
		"pain001.xml": `<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"><CstmrCdtTrfInitn/></Document>`,
	} {
		_, err := Statements(name, []byte(data))
		var be *bankfile.Error
		if !errors.As(err, &be) || be.File != name {
			t.Errorf("%s: %v, want a refusal naming the file", name, err)
		}
	}
}

// Whatever the bytes, the reader answers statements or a located refusal,
// never a panic.
func FuzzStatements(f *testing.F) {
	for _, file := range []string{"../cfonb/testdata/cfonb120_pennylane_example.txt", "../ofx/testdata/ofx102_banquepopulaire_fr.ofx", "../camt/testdata/camt053.001.02_genkgo_multi_statement.xml"} {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		sts, err := Statements("relevé", data)
		if err != nil {
			var be *bankfile.Error
			if !errors.As(err, &be) {
				t.Fatalf("not a located refusal: %v", err)
			}
			return
		}
		for _, s := range sts {
			for _, l := range s.Lines {
				if len(l.Label) > 4*bankfile.MaxText {
					t.Fatalf("a label of %d bytes kept", len(l.Label))
				}
			}
		}
	})
}
