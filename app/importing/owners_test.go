package importing

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"

	"tantieme/app/apptest"
	"tantieme/ledger"
	"tantieme/sheet"
)

func impWarnings(list []*Problem) []string {
	var out []string
	for _, e := range list {
		out = append(out, e.Error())
	}
	return out
}

func impProblems(list []*Problem, warnings bool) []string {
	var out []string
	for _, e := range list {
		if e.Warning == warnings {
			out = append(out, e.Error())
		}
	}
	return out
}

func impSameLines(t *testing.T, what string, got, want []string) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s:\n got:\n  %s\n want:\n  %s", what, strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

func TestImportOwners(t *testing.T) {
	r := apptest.Empty(t)
	rep := impMustImport(t, r, impOpen(t, "proprietaires.xlsx"), Options{Kind: Owners})
	if rep.Owners != 4 || rep.Lots != 7 || rep.Shares != 7 || rep.KeysUpdated != 1 || rep.Rows != 7 {
		t.Errorf("report counts: %+v", rep)
	}
	got := impBooks(t, r, 2025)
	want := []impOwnerState{
		{Account: "450001", Name: "DUPONT Zoé", Address: "3 rue des Lilas", Zip: "69003", City: "Lyon", Email: "zoe.dupont@example.org",
			Phone: "06 12 34 56 78", Lots: "001,002", Shares: "001:137.5"},
		{Account: "450002", Name: "Garçon Loïc", Address: "8 quai Perrache", Zip: "69002", City: "Lyon", Lots: "3", Shares: "001:250"},
		{Account: "450003", Name: "Martin Anaïs", Address: "1 place Bellecour", Zip: "69002", City: "Lyon", Email: "anais.martin",
			Phone: "04 78 00 00 00", Lots: "004,005", Shares: "001:300"},
		{Account: "450004", Name: "Petit Jean", Lots: "1,006", Shares: "001:312.5"},
	}
	if !reflect.DeepEqual(got.Owners, want) {
		t.Errorf("owners:\n got  %+v\n want %+v", got.Owners, want)
	}
	impSameLines(t, "keys", got.Keys, []string{"001 Charges générales 1000/1000"})
	impSameLines(t, "warnings", impWarnings(rep.Warnings), []string{
		"proprietaires.xlsx, feuille « Lots », ligne 7, colonne F (E-mail) : « anais.martin » ne ressemble pas à une adresse e-mail.",
		"proprietaires.xlsx, feuille « Lots », ligne 7, colonne A (N° compte) : « 4503 » n'est pas un compte de copropriétaire (450 suivi de 3 chiffres) : le compte 450003 lui est attribué.",
		"proprietaires.xlsx, feuille « Lots », ligne 10, colonne H (N° lot) : les lots « 1 » et « 001 » (ligne 4) sont deux lots différents : vérifiez qu'il ne s'agit pas du même.",
		"proprietaires.xlsx, feuille « Lots », ligne 11, colonne B (Nom) : ni compte ni nom : le lot 006 est rattaché au copropriétaire de la ligne précédente (Petit Jean).",
	})
	if !reflect.DeepEqual(rep.Skipped, []SkippedRow{{8, "ligne vide"}, {12, "ligne de total (« TOTAL »)"}}) {
		t.Errorf("skipped %v", rep.Skipped)
	}
	var lots []ledger.Lot
	r.View(func(tx *ledger.Tx) (err error) { lots, err = tx.Lots(); return err })
	labels := map[string]string{}
	for _, l := range lots {
		labels[l.Number] = l.Label
	}
	if labels["002"] != "Cave" || labels["1"] != "Commerce" {
		t.Errorf("lot labels %v", labels)
	}
	impCheckClean(t, r)
}

// TestImportOwnersErrors: every problem is listed, located, and nothing is
// written while one remains.
func TestImportOwnersErrors(t *testing.T) {
	r := apptest.Empty(t)
	before := impFileBytes(t, r.Path())
	wb := impOpen(t, "proprietaires_erreurs.xlsx")
	p, err := Prepare(r, wb, Options{Kind: Owners})
	if err != nil {
		t.Fatal(err)
	}
	f := "proprietaires_erreurs.xlsx, feuille « Lots », "
	// In the rows' order, each located.
	impSameLines(t, "errors in order", impProblems(p.Problems, false), []string{
		f + "ligne 4, colonne D (Tantièmes) : les tantièmes ne peuvent pas être négatifs.",
		f + "ligne 5, colonne A (N° lot) : le lot 2 figure déjà ligne 3.",
		f + "ligne 6, colonne A (N° lot) : « 123456 » : un numéro de lot a au plus 5 caractères.",
		f + "ligne 7, colonne B (Nom) : le compte 450001 est déjà celui de « Durand » (ligne 2).",
		f + "ligne 8, colonne B (Nom) : le nom du copropriétaire est obligatoire.",
		f + "ligne 9, colonne D (Tantièmes) : « abc » n'est pas un nombre.",
		f + "ligne 12, colonne D (Tantièmes) : « 12,5x » n'est pas un nombre.",
	})
	// Each row of the preview carries its own problems.
	for _, row := range p.Rows {
		if row.Row == 12 && (len(row.Problems) != 1 || row.Problems[0].Col != 4 || row.Problems[0].Field != "Tantièmes") {
			t.Errorf("row 12 problems %v", row.Problems)
		}
	}
	_, err = Apply(r, p)
	want := f + "ligne 4, colonne D (Tantièmes) : les tantièmes ne peuvent pas être négatifs (et 6 autres problèmes) ; rien n'a été importé."
	if ledger.Message(err) != want || ledger.KindOf(err) != ledger.Invalid {
		t.Errorf("apply:\n got  %v\n want %s", err, want)
	}
	var ie *Problem
	if !errors.As(err, &ie) || ie.Row != 4 || ie.Col != 4 || ie.Sheet != "Lots" {
		t.Errorf("the error does not carry the location: %#v", ie)
	}
	if !bytes.Equal(before, impFileBytes(t, r.Path())) {
		t.Error("a refused import changed the residence")
	}
}

// TestImportOwnersOptions: header row, explicit mapping, documented order.
func TestImportOwnersOptions(t *testing.T) {
	for _, c := range []struct {
		name, csv string
		opts      Options
		want      []impOwnerState
		err       string
	}{
		{name: "documented order without header", csv: "450007;Durand Léa;2 rue A;69001;Lyon;lea@example.org;0600000000;12;Studio;150\n",
			opts: Options{Kind: Owners, HeaderRow: NoHeader},
			want: []impOwnerState{{Account: "450007", Name: "Durand Léa", Address: "2 rue A", Zip: "69001", City: "Lyon", Email: "lea@example.org",
				Phone: "0600000000", Lots: "12", Shares: "001:150"}}},
		{name: "headers in English, civility", csv: "Title;Owner;Unit;Shares\nMme;Durand Léa;12;150\nM.;Roy Paul;13;50\n",
			opts: Options{Kind: Owners},
			want: []impOwnerState{{Account: "450001", Civility: "Mme", Name: "Durand Léa", Lots: "12", Shares: "001:150"},
				{Account: "450002", Civility: "M.", Name: "Roy Paul", Lots: "13", Shares: "001:50"}}},
		{name: "explicit mapping by letter and by header", csv: "Qui;Quoi;Combien\nDurand Léa;12;150\n",
			opts: Options{Kind: Owners, HeaderRow: 1, Mapping: map[string]string{"name": "A", "lot": "quoi", "shares": "C"}},
			want: []impOwnerState{{Account: "450001", Name: "Durand Léa", Lots: "12", Shares: "001:150"}}},
		{name: "a field left out", csv: "Nom;Lot;Tantièmes\nDurand Léa;12;150\n",
			opts: Options{Kind: Owners, Mapping: map[string]string{"shares": ""}},
			want: []impOwnerState{{Account: "450001", Name: "Durand Léa", Lots: "12"}}},
		{name: "owner without lot", csv: "Nom;Lot\nDurand Léa;\n",
			opts: Options{Kind: Owners},
			want: []impOwnerState{{Account: "450001", Name: "Durand Léa"}}},
		{name: "unknown field", csv: "Nom\nDurand\n", opts: Options{Kind: Owners, Mapping: map[string]string{"nom": "A"}},
			err: "Champ « nom » inconnu pour l'import owners (champs : account, name, address, zip, city, email, phone, lot, lot_label, shares, civility, iban)"},
		{name: "unknown column", csv: "Nom\nDurand\n", opts: Options{Kind: Owners, Mapping: map[string]string{"lot": "Numéro"}},
			err: "f.csv : colonne « Numéro » introuvable pour le champ lot (ni un en-tête de la feuille, ni une lettre de colonne)"},
		{name: "no name column", csv: "Qui;Lot\nDurand;1\n", opts: Options{Kind: Owners},
			err: "f.csv : aucune colonne n'a été reconnue pour le champ « Nom » (name) : associez-lui la colonne qui le contient ; rien n'a été importé."},
		{name: "two fields on one column", csv: "Nom;Lot\nDurand;1\n", opts: Options{Kind: Owners, Mapping: map[string]string{"address": "A"}},
			err: "f.csv : la colonne A est associée à deux champs, « Nom » et « Adresse » ; rien n'a été importé."},
		{name: "header row past the end", csv: "Nom\nDurand\n", opts: Options{Kind: Owners, HeaderRow: 9},
			err: "f.csv : la ligne d'en-têtes 9 est après la fin des données (ligne 2)"},
		{name: "no sheet of that name", csv: "Nom\nDurand\n", opts: Options{Kind: Owners, Sheet: "Lots"},
			err: "« f.csv » n'a pas de feuille « Lots » (feuilles : «  »)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := apptest.Empty(t)
			wb, err := sheet.ReadWorkbook("f.csv", []byte(c.csv))
			if err != nil {
				t.Fatal(err)
			}
			_, err = Run(r, wb, c.opts)
			if c.err != "" {
				if ledger.Message(err) != c.err {
					t.Errorf("error:\n got  %v\n want %s", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := impBooks(t, r, 2025).Owners; !reflect.DeepEqual(got, c.want) {
				t.Errorf("owners:\n got  %+v\n want %+v", got, c.want)
			}
		})
	}
}

// TestImportOwnersIntoFilledResidence: accounts in use and lots that exist
// are refused, the sequence starts after the highest account, and the
// declared total of key 001 grows with the new shares.
func TestImportOwnersIntoFilledResidence(t *testing.T) {
	r := apptest.Empty(t)
	impMustImport(t, r, impOpen(t, "proprietaires.xlsx"), Options{Kind: Owners})
	wb, _ := sheet.ReadWorkbook("suite.csv", []byte("Compte;Nom;Lot;Tantièmes\n;Nouveau Paul;20;100\n450002;Autre;21;1\n;Petit Jean;001;5\n"))
	p, err := Prepare(r, wb, Options{Kind: Owners})
	if err != nil {
		t.Fatal(err)
	}
	impSameLines(t, "problems", impWarnings(p.Problems), []string{
		"suite.csv, ligne 3, colonne A (N° compte) : le compte 450002 est déjà celui du copropriétaire « Garçon Loïc » de la résidence ; " +
			"si le fichier numérote ses copropriétaires autrement, choisissez « — aucune — » pour « N° compte » à l'étape Colonnes : les nouveaux recevront les comptes libres suivants.",
		"suite.csv, ligne 4, colonne B (Nom) : un copropriétaire « Petit Jean » existe déjà (450004) : un nouveau copropriétaire est créé.",
		"suite.csv, ligne 4, colonne C (N° lot) : le lot 001 existe déjà dans la résidence.",
	})
	wb, _ = sheet.ReadWorkbook("suite.csv", []byte("Compte;Nom;Lot;Tantièmes\n;Nouveau Paul;20;100\n"))
	rep := impMustImport(t, r, wb, Options{Kind: Owners})
	impSameLines(t, "notes", rep.Notes, []string{
		"Comptes attribués dans l'ordre du fichier : 450005.",
		"Clé 001 « Charges générales » : total déclaré 1000 → 1100 (somme des tantièmes des lots).",
	})
	impCheckClean(t, r)
}

// An IBAN column gives each owner the accounts he pays from, checked: a
// wrong key is said where it is, and a good IBAN is kept with him.
func TestImportOwnersIBAN(t *testing.T) {
	r := apptest.Empty(t)
	wb, _ := sheet.ReadWorkbook("iban.csv", []byte("Nom;IBAN;Lot;Tantièmes\nBlanc Anne;FR76 3000 6000 0112 3456 7890 188;1;100\n"))
	p, err := Prepare(r, wb, Options{Kind: Owners})
	if err != nil {
		t.Fatal(err)
	}
	impSameLines(t, "problems", impWarnings(p.Problems), []string{
		"iban.csv, ligne 2, colonne B (IBAN) : « FR76 3000 6000 0112 3456 7890 188 » n'est pas un IBAN valide (vérifiez-le sur le RIB : la clé ne correspond pas).",
	})
	wb, _ = sheet.ReadWorkbook("iban.csv", []byte("Nom;IBAN;Lot;Tantièmes\nBlanc Anne;FR76 3000 6000 0112 3456 7890 189;1;100\nBlanc Anne;;2;50\n"))
	impMustImport(t, r, wb, Options{Kind: Owners})
	got, err := r.OwnerIBANs("450001")
	if err != nil || len(got) != 1 || got[0] != "FR7630006000011234567890189" {
		t.Errorf("Blanc Anne pays from %v (%v), want the IBAN of the file", got, err)
	}
	impCheckClean(t, r)
}
