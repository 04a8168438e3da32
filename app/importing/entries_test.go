package importing

import (
	"bytes"
	"reflect"
	"testing"

	"tantieme/app/apptest"
	"tantieme/ledger"
	"tantieme/sheet"
)

func TestImportEntries(t *testing.T) {
	var first impBooksState
	for _, file := range []string{"ecritures.xlsx", "ecritures.csv"} {
		t.Run(file, func(t *testing.T) {
			r := impWithOwners(t) // 450001 is an owner's account
			rep := impMustImport(t, r, impOpen(t, file), Options{Kind: Entries})
			if rep.Entries != 4 || rep.Lines != 8 || rep.Rows != 8 {
				t.Errorf("counts %+v", rep)
			}
			impSameLines(t, "entries", impEntryLines(t, r), []string{
				`AC 2025-01-15  601100 key=001 D=120.50 C=0.00 "Facture eau janvier" TVA=20.08`,
				`AC 2025-01-15  401001 key= D=0.00 C=120.50 "Facture eau janvier"`,
				`AC 2025-02-01  615000 key=001 D=300.00 C=0.00 "Entretien"`,
				`AC 2025-02-01  512001 key= D=0.00 C=300.00 "Entretien"`,
				`BQ 2025-03-01  450001 key= D=0.00 C=1000.00 "Règlement"`,
				`BQ 2025-03-01  512001 key= D=1000.00 C=0.00 "Règlement"`,
				`OD 2025-04-01  701000 key=001 D=0.00 C=500.00 "Appel T2"`,
				`OD 2025-04-01  450001 key= D=500.00 C=0.00 "Appel T2"`,
			})
			notes := []string{
				"Comptes ajoutés au plan comptable : 601100 « Eau froide », 401001 « Eaux de Lyon ».",
				"Codes de clé lus sans leurs zéros et rapprochés des clés existantes : « 1 » → 001.",
				"La clé générale 001 est attribuée à 2 lignes de charges ou de produits sans clé.",
				"Journal déduit pour les lignes sans code journal : AC pour 2 lignes.",
				"TVA conservée sur 1 ligne de charges (les comptes restent tenus TTC).",
			}
			impSameLines(t, "notes", rep.Notes, notes)
			if len(rep.Warnings) != 0 {
				t.Errorf("warnings %v", impWarnings(rep.Warnings))
			}
			wantSkipped := []SkippedRow{{5, "ligne vide"}, {10, "ligne de totaux en bas du tableau"}}
			if file == "ecritures.csv" {
				wantSkipped = []SkippedRow{{6, "ligne vide"}}
			}
			if !reflect.DeepEqual(rep.Skipped, wantSkipped) {
				t.Errorf("skipped %v", rep.Skipped)
			}
			b := impBooks(t, r, 2025)
			if first.Balance == nil {
				first = b
			} else if !reflect.DeepEqual(b.Balance, first.Balance) {
				t.Errorf("the CSV gives another trial balance:\n%v\n%v", b.Balance, first.Balance)
			}
			impCheckClean(t, r)
		})
	}
}

func TestImportEntriesErrors(t *testing.T) {
	r := apptest.Empty(t)
	before := impFileBytes(t, r.Path())
	p, err := Prepare(r, impOpen(t, "ecritures_erreurs.xlsx"), Options{Kind: Entries})
	if err != nil {
		t.Fatal(err)
	}
	f := "ecritures_erreurs.xlsx, feuille « Écritures », "
	impSameLines(t, "errors", impProblems(p.Problems, false), []string{
		f + "ligne 2 : les lignes du journal AC du 15/01/2025 (2 lignes, de la ligne 2 à la ligne 3) ne sont pas équilibrées : débit 100,00 €, crédit 90,00 €, écart 10,00 €.",
		f + "ligne 4, colonne B (N° compte) : le compte « 2154 » n'appartient pas aux classes 1, 4, 5, 6 et 7 du plan comptable des copropriétés.",
		f + "ligne 6, colonne D (Journal) : le journal « XX » n'existe pas (journaux : AC, BQ, OD, AN).",
		f + "ligne 7, colonne E (Date) : le 15/03/2023 n'appartient à aucun exercice de la résidence (exercices du 01/01/2025 au 31/12/2027).",
		f + "ligne 8, colonne A (Clé) : la clé « 9 » n'existe pas (clés de la résidence : 001).",
		f + "ligne 9, colonne H (Crédit) : une ligne est au débit ou au crédit, pas les deux (débit 10,00 €, crédit 5,00 €).",
		f + "ligne 10, colonne E (Date) : « 32/01/2025 » n'est pas une date (attendu : JJ/MM/AAAA).",
		f + "ligne 10, colonne G (Débit) : « 12.345 » n'est pas un montant valide (exemples : 1234,56 ou 1 234,56 €).",
		f + "ligne 11 : ni débit ni crédit : chaque ligne porte un montant au débit ou au crédit.",
	})
	if _, err := Apply(r, p); ledger.KindOf(err) != ledger.Invalid {
		t.Errorf("apply: %v", err)
	}
	if !bytes.Equal(before, impFileBytes(t, r.Path())) {
		t.Error("a refused import changed the residence")
	}
}

func TestImportEntriesRules(t *testing.T) {
	for _, c := range []struct {
		name, csv string
		want      []string
		err       string
	}{
		{name: "a call without journal stays in one OD entry", csv: ";450001;;;01/04/2025;Appel;500;\n;701000;;;01/04/2025;Appel;;500\n",
			want: []string{`OD 2025-04-01  450001 key= D=500.00 C=0.00 "Appel"`, `OD 2025-04-01  701000 key=001 D=0.00 C=500.00 "Appel"`}},
		{name: "a receipt without journal goes to the bank", csv: ";512001;;;02/04/2025;Chèque;80;\n;450001;;;02/04/2025;Chèque;;80\n",
			want: []string{`BQ 2025-04-02  512001 key= D=80.00 C=0.00 "Chèque"`, `BQ 2025-04-02  450001 key= D=0.00 C=80.00 "Chèque"`}},
		{name: "pieces that balance make one entry each", csv: ";601000;;AC;03/04/2025;F1;10;;;F1\n;401000;;AC;03/04/2025;F1;;10;;F1\n;602000;;AC;03/04/2025;F2;20;;;F2\n;401000;;AC;03/04/2025;F2;;20;;F2\n",
			want: []string{`AC 2025-04-03 F1 601000 key=001 D=10.00 C=0.00 "F1"`, `AC 2025-04-03 F1 401000 key= D=0.00 C=10.00 "F1"`,
				`AC 2025-04-03 F2 602000 key=001 D=20.00 C=0.00 "F2"`, `AC 2025-04-03 F2 401000 key= D=0.00 C=20.00 "F2"`}},
		{name: "pieces that do not balance alone make one entry", csv: ";601000;;AC;03/04/2025;F1;10;;;F1\n;401000;;AC;03/04/2025;F2;;10;;F2\n",
			want: []string{`AC 2025-04-03  601000 key=001 D=10.00 C=0.00 "F1"`, `AC 2025-04-03  401000 key= D=0.00 C=10.00 "F2"`}},
		{name: "negative amounts change side", csv: ";601000;;AC;03/04/2025;Avoir;-10;\n;401000;;AC;03/04/2025;Avoir;;-10\n",
			want: []string{`AC 2025-04-03  601000 key=001 D=0.00 C=10.00 "Avoir"`, `AC 2025-04-03  401000 key= D=10.00 C=0.00 "Avoir"`}},
		{name: "a closed exercise is refused", csv: ";601000;;AC;03/04/2025;x;10;\n;401000;;AC;03/04/2025;x;;10\n", err: "closed"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := impWithOwners(t)
			if c.err == "closed" {
				if err := r.Update(func(tx *ledger.Tx) error {
					ex, _ := tx.ExerciseOfYear(2025)
					return tx.CloseExercise(ex.ID)
				}); err != nil {
					t.Fatal(err)
				}
			}
			wb, err := sheet.ReadWorkbook("e.csv", []byte(c.csv))
			if err != nil {
				t.Fatal(err)
			}
			_, err = Run(r, wb, Options{Kind: Entries})
			if c.err == "closed" {
				want := "e.csv, ligne 1, colonne E (Date) : l'exercice 2025 est clos : aucune écriture ne peut y être ajoutée (et 1 autre problème) ; rien n'a été importé."
				if ledger.Message(err) != want {
					t.Errorf("got %v\nwant %s", err, want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			impSameLines(t, "entries", impEntryLines(t, r), c.want)
		})
	}
}

// Issue 20: the VAT column is kept as given on charge lines, and refused
// when it is not a charge's, not an amount, or more than the line.
func TestImportEntriesVAT(t *testing.T) {
	r := impWithOwners(t)
	wb, err := sheet.ReadWorkbook("e.csv", []byte(";601000;;AC;03/04/2025;F1;120;;20;F1\n;401000;;AC;03/04/2025;F1;;120;;F1\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Run(r, wb, Options{Kind: Entries}); err != nil {
		t.Fatal(err)
	}
	impSameLines(t, "entries", impEntryLines(t, r), []string{`AC 2025-04-03 F1 601000 key=001 D=120.00 C=0.00 "F1" TVA=20.00`,
		`AC 2025-04-03 F1 401000 key= D=0.00 C=120.00 "F1"`})

	r = impWithOwners(t)
	before := impFileBytes(t, r.Path())
	wb, err = sheet.ReadWorkbook("e.csv", []byte(";601000;;AC;03/04/2025;F1;120;;120,01\n;602000;;AC;03/04/2025;F1;10;;deux euros\n"+
		";401000;;AC;03/04/2025;F1;;130;5\n;603000;;AC;03/04/2025;F1;1;;-1\n;401000;;AC;03/04/2025;F1;;1;\n"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := Prepare(r, wb, Options{Kind: Entries})
	if err != nil {
		t.Fatal(err)
	}
	impSameLines(t, "errors", impProblems(p.Problems, false), []string{
		"e.csv, ligne 1, colonne I (TVA) : la TVA (120,01 €) dépasse le montant TTC de la ligne (120,00 €).",
		"e.csv, ligne 2, colonne I (TVA) : « deux euros » n'est pas un montant valide (exemples : 1234,56 ou 1 234,56 €).",
		"e.csv, ligne 3, colonne I (TVA) : la TVA ne se porte que sur une ligne de charge (compte de classe 6), pas sur le compte 401000.",
		"e.csv, ligne 4, colonne I (TVA) : la TVA ne peut pas être négative (-1,00 €).",
	})
	if _, err := Apply(r, p); ledger.KindOf(err) != ledger.Invalid {
		t.Errorf("apply: %v", err)
	}
	if !bytes.Equal(before, impFileBytes(t, r.Path())) {
		t.Error("a refused import changed the residence")
	}
}
