package main

import (
	"bytes"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tantieme/ledger"
)

// A 100 MB owner name (issue 12, item 9) is refused, and so is any name
// over its limit, located, and the residence stays byte for byte as it was:
// the file by its size, a cell by Excel's own limit, a name by the books'.
func TestImportHugeNameRefused(t *testing.T) {
	for _, c := range []struct {
		size int
		want string
	}{
		{100 << 20, "« grand.csv » est trop volumineux pour être importé (plus de 64 Mo).\n"},
		{1 << 20, "grand.csv, ligne 3, colonne B : la cellule contient plus de 32 767 caractères, la limite d'Excel.\n"},
		{300, "grand.csv, ligne 3, colonne B (Nom) : texte trop long (300 caractères ; 255 au plus) ; rien n'a été importé.\n"},
	} {
		f := impNewResidence(t)
		before, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		csv := filepath.Join(t.TempDir(), "grand.csv")
		var b bytes.Buffer
		b.WriteString("Compte;Nom;N° lot;Tantièmes\n450001;Dupont Zoé;1;10\n450002;")
		b.WriteString(strings.Repeat("x", c.size))
		b.WriteString(";2;10\n")
		if err := os.WriteFile(csv, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		b.Reset()
		code, out, stderr := cli(t, "import", "owners", f, csv)
		if code != 1 || out != "" || stderr != c.want {
			t.Errorf("%d characters: exit %d, stdout %q\n got  %.300s\n want %s", c.size, code, out, stderr, c.want)
		}
		if after, _ := os.ReadFile(f); !bytes.Equal(before, after) {
			t.Error("the refused import changed the residence")
		}
	}
}

// A name holding a terminal escape and a line break (written before the
// text rules, or by raw SQL) is printed made safe: no escape reaches the
// terminal, the table keeps one line per owner.
func TestOwnersTableSanitizesOldText(t *testing.T) {
	f := impNewResidence(t)
	db, err := ledger.Open(f)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *ledger.Tx) error { return tx.AddOwner(&ledger.Owner{Account: "450001", Name: "Dupont"}) })
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	// With sqlite3: the protection is put back exactly as it was, so the
	// file's schema stays its version's (or it would not open at all).
	raw, err := sql.Open("sqlite", f)
	if err != nil {
		t.Fatal(err)
	}
	var trigger string
	err = raw.QueryRow(`SELECT sql FROM sqlite_master WHERE name = 'owners_name_text_update'`).Scan(&trigger)
	for _, q := range []string{`DROP TRIGGER owners_name_text_update`, "UPDATE owners SET name = 'Dupont' || char(27) || '[2J' || char(10) || 'Zoé'", trigger} {
		if err == nil {
			_, err = raw.Exec(q)
		}
	}
	raw.Close()
	if err != nil {
		t.Fatal(err)
	}
	code, out, stderr := cli(t, "owners", f)
	if code != 0 {
		t.Fatalf("owners: exit %d: %s", code, stderr)
	}
	if strings.ContainsRune(out, 0x1b) || strings.Count(out, "\n") != 2 || !strings.Contains(out, "Dupont\uFFFD[2J Zoé") {
		t.Errorf("owners printed:\n%q", out)
	}
}
