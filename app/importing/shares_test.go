package importing

import (
	"bytes"
	"reflect"
	"testing"

	"tantieme/app"
	"tantieme/app/apptest"
	"tantieme/ledger"
	"tantieme/sheet"
)

// impWithOwners is a residence holding the owners and lots of proprietaires.xlsx
// (lots 001, 002, 3, 004, 005, 1, 006; key 001 totalling 1000).
func impWithOwners(t *testing.T) *app.Residence {
	t.Helper()
	r := apptest.Empty(t)
	impMustImport(t, r, impOpen(t, "proprietaires.xlsx"), Options{Kind: Owners})
	return r
}

func impSharesOf(t *testing.T, r *app.Residence) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := r.View(func(tx *ledger.Tx) error {
		list, err := tx.Shares()
		for _, s := range list {
			out[s.Key+"/"+s.Lot] = s.Shares.String()
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestImportShares(t *testing.T) {
	r := impWithOwners(t)
	rep := impMustImport(t, r, impOpen(t, "grille.xlsx"), Options{Kind: Shares})
	if rep.Keys != 2 || rep.Shares != 15 || rep.KeysUpdated != 0 || rep.Rows != 7 {
		t.Errorf("counts %+v", rep)
	}
	impSameLines(t, "keys", impBooks(t, r, 2025).Keys, []string{
		"001 Charges générales 1000/1000",
		"002 Ascenseur 1000/1000",
		"003 Clé 003 100/100",
	})
	got := impSharesOf(t, r)
	for k, v := range map[string]string{"001/002": "12.5", "001/006": "12.5", "002/1": "500", "002/3": "300", "003/004": "15", "001/1": "300"} {
		if got[k] != v {
			t.Errorf("shares %s = %q, want %s", k, got[k], v)
		}
	}
	if _, ok := got["002/001"]; ok {
		t.Error("an empty cell gave shares")
	}
	impSameLines(t, "notes", rep.Notes, []string{
		"L'en-tête « 3 » (colonne D) crée la clé 003 (code complété à 3 chiffres).",
		"Colonnes ignorées (ce ne sont pas des clés) : E (« Désignation »), F (« Total »).",
		"Numéros de lot lus sans leurs zéros et rapprochés des lots de la résidence : « 2 » → 002.",
		"Clé 002 « Ascenseur » créée, total 1000.",
		"Clé 003 « Clé 003 » créée, total 100.",
	})
	if len(rep.Skipped) != 2 || rep.Skipped[1] != (SkippedRow{11, "ligne de total (« Total »)"}) {
		t.Errorf("skipped %v", rep.Skipped)
	}
	p, err := Prepare(r, impOpen(t, "grille.xlsx"), Options{Kind: Shares})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Fields) != 4 || p.Fields[2].Name != "key:002" || p.Fields[2].Label != "Clé 002" ||
		!reflect.DeepEqual(p.Rows[1].Values, []string{"002", "12,5", "", ""}) {
		t.Errorf("preview fields %+v, row 4 %q", p.Fields, p.Rows[1].Values)
	}
	impCheckClean(t, r)

	// A second grid replaces the shares of its keys: lots left out lose theirs.
	wb, _ := sheet.ReadWorkbook("ascenseur.csv", []byte("Lot;2 - Ascenseur\n001;600\n3;400\n"))
	rep = impMustImport(t, r, wb, Options{Kind: Shares})
	impSameLines(t, "replace", rep.Notes, []string{
		"L'en-tête « 2 - Ascenseur » (colonne B) désigne la clé 002 « Ascenseur ».",
	})
	got = impSharesOf(t, r)
	if got["002/001"] != "600" || got["002/3"] != "400" || got["002/1"] != "" || got["002/005"] != "" || got["001/1"] != "300" {
		t.Errorf("after replacing key 002: %v", got)
	}
	impSameLines(t, "warnings", impWarnings(rep.Warnings), []string{
		"ascenseur.csv : les lots 1, 005, absents de la grille, perdent leurs tantièmes de la clé 002.",
	})
	impCheckClean(t, r)
}

func TestImportSharesErrors(t *testing.T) {
	r := impWithOwners(t)
	before := impFileBytes(t, r.Path())
	_, err := Run(r, impOpen(t, "grille_erreurs.xlsx"), Options{Kind: Shares})
	p, _ := Prepare(r, impOpen(t, "grille_erreurs.xlsx"), Options{Kind: Shares})
	f := "grille_erreurs.xlsx, feuille « Grille », "
	impSameLines(t, "errors", impProblems(p.Problems, false), []string{
		f + "ligne 1, colonne C : « Ascenseur » n'est pas un en-tête de clé : écrivez le code de la clé (1 à 3 caractères), suivi s'il le faut de « - libellé » (par exemple « 002 - Ascenseur »).",
		f + "ligne 1, colonne D : colonne sans en-tête : écrivez en tête le code de la clé (par exemple « 002 - Ascenseur »).",
		f + "ligne 2, colonne B (clé 001) : « abc » n'est pas un nombre.",
		f + "ligne 3, colonne A (N° lot) : le lot « 999 » n'existe pas dans la résidence (importez d'abord les copropriétaires et leurs lots).",
	})
	if ledger.Message(err) != impProblems(p.Problems, false)[0][:len(impProblems(p.Problems, false)[0])-1]+" (et 3 autres problèmes) ; rien n'a été importé." {
		t.Errorf("error %v", err)
	}
	if !bytes.Equal(before, impFileBytes(t, r.Path())) {
		t.Error("a refused import changed the residence")
	}
	// A total row that disagrees with the sums is an error: a row was
	// forgotten or mistyped.
	wb, _ := sheet.ReadWorkbook("t.csv", []byte("Lot;001;002\n001;100;1\n3;900;\nTotal;999;1\n"))
	_, err = Run(r, wb, Options{Kind: Shares})
	if want := "t.csv, ligne 4, colonne B (clé 001) : la ligne de total indique 999 pour la clé 001, mais la somme des tantièmes des lots est 1000 ; rien n'a été importé."; ledger.Message(err) != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
	// Lots 1 and 001 both exist: 01 names neither.
	wb, _ = sheet.ReadWorkbook("t.csv", []byte("Lot;001\n01;100\n"))
	_, err = Run(r, wb, Options{Kind: Shares})
	if want := "t.csv, ligne 2, colonne A (N° lot) : le lot « 01 » n'existe pas et les lots 1 et 001 portent ce numéro : écrivez le numéro exact ; rien n'a été importé."; ledger.Message(err) != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
	// Without owners, no lot exists: the message says what to import first.
	wb, _ = sheet.ReadWorkbook("g.csv", []byte("Lot;001\n1;100\n"))
	_, err = Run(apptest.Empty(t), wb, Options{Kind: Shares})
	if want := "g.csv, ligne 2, colonne A (N° lot) : le lot « 1 » n'existe pas dans la résidence (importez d'abord les copropriétaires et leurs lots) ; rien n'a été importé."; ledger.Message(err) != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
}
