package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"tantieme/ledger/ledgertest"
)

// cents reads a JSON amount ("1234.56", "-3.00") in cents.
func cents(t *testing.T, s string) int64 {
	t.Helper()
	neg := strings.HasPrefix(s, "-")
	var e, c int64
	if _, err := fmt.Sscanf(strings.TrimPrefix(s, "-"), "%d.%d", &e, &c); err != nil {
		t.Fatalf("amount %q: %v", s, err)
	}
	if neg {
		return -(e*100 + c)
	}
	return e*100 + c
}

// quote-parts --json: the demo's 2025 is provisional; the owners' budget
// parts add up to the budget voted (44 741,43 € by hand from the demo's
// lines), their actual parts to the keys' actual; --out writes the PDF.
func TestQuotePartsJSON(t *testing.T) {
	f := demoFile(t)
	code, out, stderr := cli(t, "quote-parts", f, "--year", "2025", "--json")
	if code != 0 {
		t.Fatalf("%d %s", code, stderr)
	}
	var q quotePartsJSON
	if err := json.Unmarshal([]byte(out), &q); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if q.Year != 2025 || !q.Provisional || q.Budget != "44741.43" || len(q.Keys) != 4 {
		t.Errorf("head %+v", q)
	}
	var budget, actual, keysActual int64
	for _, o := range q.Owners {
		budget += cents(t, o.Budget)
		actual += cents(t, o.Actual)
	}
	for _, k := range q.Keys {
		keysActual += cents(t, k.Actual)
	}
	if budget != 4474143 || actual != keysActual || actual != cents(t, q.Actual) {
		t.Errorf("owners' budget %d, actual %d; keys' actual %d, total %s", budget, actual, keysActual, q.Actual)
	}
	code, out, _ = cli(t, "quote-parts", f, "--year", "2025", "--owner", "450001", "--json")
	if json.Unmarshal([]byte(out), &q); code != 0 || len(q.Owners) != 1 || q.Owners[0].Account != "450001" {
		t.Errorf("one owner: %d %+v", code, q.Owners)
	}
	pdf := filepath.Join(t.TempDir(), "q.pdf")
	code, out, stderr = cli(t, "quote-parts", f, "--year", "2025", "--out", pdf)
	if code != 0 || !strings.Contains(out, "provisoire") {
		t.Fatalf("%d %s %s", code, out, stderr)
	}
	if text := ledgertest.PDFFile(t, pdf, "-layout"); !strings.Contains(text, "Détail des répartitions (provisoire)") {
		t.Errorf("pdf:\n%s", text)
	}
	if code, _, stderr := cli(t, "quote-parts", f, "--year", "2025", "--owner", "459999"); code != 1 || stderr == "" {
		t.Errorf("unknown owner: %d %s", code, stderr)
	}
}
