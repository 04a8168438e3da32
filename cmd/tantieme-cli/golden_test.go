package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"tantieme/ledger/ledgertest"
)

// updateGolden rewrites testdata/golden from this run (scripts/golden).
var updateGolden = flag.Bool("update-golden", false, "rewrite testdata/golden with this run's outputs")

// goldenDay fixes the clock (SOURCE_DATE_EPOCH, see ledger.Now): 15/06/2026
// 09:00 UTC, after the 2025 closing and within 2026.
const goldenDay = "1781514000"

// TestGoldenOutputs runs the demo over two exercises (2025 closed, 2026 with
// its calls, the lift works, receipts and a deposit) and compares every
// output a script or an owner gets with testdata/golden: every JSON of the
// CLI, the text of every report (pdftotext -layout), the FEC, the hledger
// journals and the workbook's cells. A refactoring must leave them
// byte-identical; a change of behaviour updates them (scripts/golden) in
// its own commit, saying why.
func TestGoldenOutputs(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed: make test-deps")
	}
	if testing.Short() {
		t.Skip("the golden run takes half a minute")
	}
	t.Setenv("SOURCE_DATE_EPOCH", goldenDay)
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	dir := t.TempDir()
	f := filepath.Join(dir, "Les Tilleuls.copro")
	got := map[string]string{}
	run := func(name string, args ...string) string {
		t.Helper()
		code, out, stderr := cli(t, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
		out = strings.ReplaceAll(out, dir, "DIR")
		if name != "" {
			got[name] = out
		}
		return out
	}
	pdf := func(name, path string) {
		t.Helper()
		got[name] = ledgertest.PDFFile(t, path, "-layout")
	}
	file := func(name, path string) {
		t.Helper()
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		got[name] = string(b)
	}
	out := func(name string) string { return filepath.Join(dir, name) }

	run("", "demo", f)
	run("residence.json", "residence", f, "--json")
	run("close-2025-preview.txt", "close", f, "--year", "2025", "--preview")
	run("close-2025.txt", "close", f, "--year", "2025")
	run("calls-2026.txt", "calls", f, "--year", "2026", "--pdf", out("avis"), "--statement")
	run("calls-2026-works.txt", "calls", f, "--year", "2026", "--works", "ASC", "--pdf", out("travaux"))
	run("pay-1.txt", "pay", f, "--owner", "450001", "--amount", "1450,23", "--date", "2026-01-15", "--cheque", "1234567")
	run("pay-2.txt", "pay", f, "--owner", "450002", "--amount", "800", "--date", "2026-02-03")
	run("deposit.txt", "deposit", f, "--date", "2026-01-20", "--all", "--pdf", out("remise.pdf"))
	pdf("remise.txt", out("remise.pdf"))
	for _, y := range []string{"2025", "2026"} {
		run("balance-"+y+".json", "balance", f, "--year", y, "--json")
		for _, kind := range []string{"annexes", "journal", "grand-livre", "balance", "balance-keys", "owner-statements"} {
			run("", "report", f, kind, "--year", y, "--out", out(kind+y+".pdf"))
			pdf(kind+"-"+y+".txt", out(kind+y+".pdf"))
		}
		run("", "report", f, "decomptes", "--year", y, "--out", out("decomptes"+y))
		all, _ := filepath.Glob(filepath.Join(out("decomptes"+y), "*DECOMPTES_*_TOUS.pdf"))
		if len(all) != 1 {
			t.Fatalf("décomptes %s: %v", y, all)
		}
		pdf("decomptes-"+y+".txt", all[0])
		run("", "export", f, "fec", "--year", y, "--out", out("fec"+y+".txt"))
		file("fec-"+y+".txt", out("fec"+y+".txt"))
		run("", "export", f, "hledger", "--year", y, "--out", out("ledger"+y+".journal"))
		file("hledger-"+y+".journal", out("ledger"+y+".journal"))
		run("", "export", f, "xlsx", "--year", y, "--out", out("classeur"+y+".xlsx"))
		got["xlsx-"+y+".tsv"] = workbookText(t, out("classeur"+y+".xlsx"))
	}
	run("owners.json", "owners", f, "--json")
	run("owners-2025-12-31.json", "owners", f, "--at", "2025-12-31", "--json")
	run("bank-list.json", "bank", "list", f, "--json")
	run("check.txt", "check", f)
	run("", "report", f, "attendance", "--date", "2026-04-15", "--out", out("presence.pdf"))
	pdf("attendance.txt", out("presence.pdf"))
	run("", "report", f, "labels", "--out", out("etiquettes.pdf"))
	pdf("labels.txt", out("etiquettes.pdf"))
	run("", "report", f, "council", "--out", out("conseil.pdf"))
	pdf("council.txt", out("conseil.pdf"))
	run("", "report", f, "reminders", "--at", "2026-03-01", "--pay-by", "2026-03-20", "--out", out("relances"))
	rem, _ := filepath.Glob(filepath.Join(out("relances"), "*_TOUS.pdf"))
	if len(rem) != 1 {
		t.Fatalf("reminders: %v", rem)
	}
	pdf("reminders.txt", rem[0])
	for _, set := range []string{"avis", "travaux"} {
		all, _ := filepath.Glob(filepath.Join(out(set), "*", "*_TOUS.pdf"))
		if len(all) != 4 {
			t.Fatalf("%s: %d batches: %v", set, len(all), all)
		}
		for _, p := range all {
			pdf("notices-"+set+"-"+filepath.Base(filepath.Dir(p))+".txt", p)
		}
	}
	compareGolden(t, got)
}

// workbookText is every non-empty cell of a workbook, sheet by sheet, as
// tab-separated lines: its figures without the zip's timestamps.
func workbookText(t *testing.T, path string) string {
	t.Helper()
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	var b strings.Builder
	for _, sheet := range x.GetSheetList() {
		rows, err := x.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "== %s\n", sheet)
		for _, r := range rows {
			b.WriteString(strings.Join(r, "\t") + "\n")
		}
	}
	return b.String()
}

func compareGolden(t *testing.T, got map[string]string) {
	t.Helper()
	gdir := filepath.Join("testdata", "golden")
	if *updateGolden {
		if err := os.RemoveAll(gdir); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(gdir, 0o755); err != nil {
			t.Fatal(err)
		}
		for name, s := range got {
			if err := os.WriteFile(filepath.Join(gdir, name), []byte(s), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		t.Logf("%d golden outputs written to %s", len(got), gdir)
		return
	}
	names := make([]string, 0, len(got))
	for n := range got {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		want, err := os.ReadFile(filepath.Join(gdir, name))
		if err != nil {
			t.Errorf("%s: no golden output (scripts/golden writes them): %v", name, err)
			continue
		}
		if !bytes.Equal(want, []byte(got[name])) {
			t.Errorf("%s differs from its golden output: %s", name, firstDiff(string(want), got[name]))
		}
	}
	entries, _ := os.ReadDir(gdir)
	for _, e := range entries {
		if _, ok := got[e.Name()]; !ok {
			t.Errorf("%s: golden output no longer produced", e.Name())
		}
	}
}

func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return fmt.Sprintf("line %d\n  golden: %q\n  now:    %q", i+1, a, b)
		}
	}
	return "same lines, different bytes"
}
