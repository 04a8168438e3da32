package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A 100 MB owner name (issue 12, item 9) is refused at its cell, with its
// location, and the residence stays byte for byte as it was.
func TestImportHugeNameRefused(t *testing.T) {
	f := impNewResidence(t)
	before, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	csv := filepath.Join(t.TempDir(), "grand.csv")
	var b bytes.Buffer
	b.WriteString("Compte;Nom;N° lot;Tantièmes\n450001;Dupont Zoé;1;10\n450002;")
	b.WriteString(strings.Repeat("x", 100<<20))
	b.WriteString(";2;10\n")
	if err := os.WriteFile(csv, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	b.Reset()
	code, out, stderr := cli(t, "import", "owners", f, csv)
	want := "grand.csv, ligne 3, colonne B (Nom) : texte trop long (104 857 600 caractères ; 255 au plus) ; rien n'a été importé.\n"
	if code != 1 || out != "" || stderr != want {
		t.Errorf("exit %d, stdout %q\n got  %.300s\n want %s", code, out, stderr, want)
	}
	if after, _ := os.ReadFile(f); !bytes.Equal(before, after) {
		t.Error("the refused import changed the residence")
	}
}
