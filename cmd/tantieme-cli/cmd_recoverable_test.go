package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tantieme/ledger"
	"tantieme/ledger/ledgertest"
)

// Issue 20: `recoverable --json` of « Résidence des Tests » with lot 1
// (Dupont Zoé, landlord) at 400 / 1 000 on key 001 and 100 / 300 on key
// 002. By hand: 100,00 € on 001 → 40,00; 100,00 € on 002 → exact 33,333,
// the cent left going to lot 2 (remainder ,667): 33,33; total 73,33.
func TestRecoverableJSON(t *testing.T) {
	file := ledgertest.Create(t, ledgertest.TestsSetup(), func(tx *ledger.Tx) error {
		if err := ledgertest.TestsFill(tx); err != nil {
			return err
		}
		o, err := tx.Owner("450001")
		if err != nil {
			return err
		}
		o.Landlord = true
		if err := tx.UpdateOwner(o); err != nil {
			return err
		}
		for _, l := range []ledger.Line{{Account: "601000", Key: "001", Debit: 10000, Recoverable: 100},
			{Account: "614000", Key: "002", Debit: 10000, Recoverable: 100}} {
			e := ledger.Entry{Journal: "AC", Date: ledger.Date(2025, 3, 1), Piece: "F" + l.Key, Label: "Facture",
				Lines: []ledger.Line{l, {Account: "401000", Credit: l.Debit}}}
			if err := tx.PostEntry(&e); err != nil {
				return err
			}
		}
		return nil
	})
	pdf := filepath.Join(t.TempDir(), "recup.pdf")
	code, out, stderr := cli(t, "recoverable", file, "--year", "2025", "--out", pdf, "--json")
	if code != 0 {
		t.Fatalf("%d %s", code, stderr)
	}
	var doc recoverableJSON
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if doc.From != "2025-01-01" || doc.To != "2025-12-31" || doc.Total != "73.33" || len(doc.Owners) != 1 {
		t.Fatalf("%s", out)
	}
	o := doc.Owners[0]
	if o.Account != "450001" || len(o.Lots) != 1 || o.Lots[0].Lot != "1" || len(o.Lots[0].Keys) != 2 {
		t.Fatalf("%s", out)
	}
	k1, k2 := o.Lots[0].Keys[0], o.Lots[0].Keys[1]
	if k1.Key != "001" || k1.Shares != "400" || k1.TotalShares != "1000" || k1.Total != "40.00" || k1.Lines[0].Part != "40.00" || k1.Lines[0].Amount != "100.00" {
		t.Errorf("key 001: %+v", k1)
	}
	if k2.Key != "002" || k2.Total != "33.33" || k2.Lines[0].Percent != 100 {
		t.Errorf("key 002: %+v", k2)
	}
	if _, err := os.Stat(pdf); err != nil || len(doc.Files) != 2 {
		t.Errorf("files: %v %v", doc.Files, err)
	}
	var raw map[string]any
	json.Unmarshal([]byte(out), &raw)
	for _, k := range []string{"from", "to", "total", "owners", "files"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("key %q missing", k)
		}
	}
	// One owner: his PDF at --out; an unknown one is refused.
	one := filepath.Join(t.TempDir(), "dupont.pdf")
	if code, out, stderr := cli(t, "recoverable", file, "--year", "2025", "--owner", "450001", "--out", one); code != 0 || !strings.Contains(out, "1 relevé écrit") {
		t.Errorf("--owner: %d %s %s", code, out, stderr)
	}
	if code, _, stderr := cli(t, "recoverable", file, "--year", "2025", "--owner", "450099", "--out", one); code != 1 || !strings.Contains(stderr, "450099 n'existe pas") {
		t.Errorf("unknown owner: %d %s", code, stderr)
	}
}
