package importing

import (
	"bytes"
	"fmt"
	"testing"

	"tantieme/app"
	"tantieme/app/apptest"
	"tantieme/ledger"
	"tantieme/sheet"
)

// impEntryLines describes the entries of the residence, one string per line.
func impEntryLines(t *testing.T, r *app.Residence) []string {
	t.Helper()
	var out []string
	err := r.View(func(tx *ledger.Tx) error {
		list, err := tx.Entries(ledger.EntryFilter{})
		for _, e := range list {
			for _, l := range e.Lines {
				s := fmt.Sprintf("%s %s %s %s key=%s D=%s C=%s %q", e.Journal, ledger.ISO(e.Date), e.Piece, l.Account, l.Key,
					l.Debit.Plain(), l.Credit.Plain(), l.Label)
				if l.VAT != 0 {
					s += " TVA=" + l.VAT.Plain()
				}
				out = append(out, s)
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestImportBalance(t *testing.T) {
	for _, c := range []struct {
		name string
		opts Options
		head string // journal and date of every line
		note string
		err  string
	}{
		{name: "opening balances of the working exercise", opts: Options{Kind: Balance},
			head: "AN 2025-01-01", note: "Balance passée en une écriture « Reprise de la balance » : à nouveaux (journal AN) au 01/01/2025."},
		{name: "closing balances of 2025, before its closing", opts: Options{Kind: Balance, At: BalanceClosing, Year: 2026, Label: "Reprise au 31/12/2025"},
			head: "OD 2025-12-31", note: "Balance passée en une écriture « Reprise au 31/12/2025 » : journal OD au 31/12/2025, dernier jour de l'exercice précédent."},
		{name: "no exercise before the first", opts: Options{Kind: Balance, At: BalanceClosing},
			err: "Le 31/12/2024, dernier jour de l'exercice qui précède 2025, n'appartient à aucun exercice de la résidence : importez la balance à l'ouverture (à nouveaux) ou choisissez un exercice plus récent"},
		{name: "unknown exercise", opts: Options{Kind: Balance, Year: 2031}, err: "Aucun exercice ne commence en 2031"},
		{name: "unknown position", opts: Options{Kind: Balance, At: "milieu"}, err: "Position « milieu » inconnue pour la balance (opening ou closing)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := apptest.Empty(t)
			before := impFileBytes(t, r.Path())
			rep, err := Run(r, impOpen(t, "balance.xlsx"), c.opts)
			if c.err != "" {
				if ledger.Message(err) != c.err {
					t.Errorf("error:\n got  %v\n want %s", err, c.err)
				}
				if !bytes.Equal(before, impFileBytes(t, r.Path())) {
					t.Error("a refused import changed the residence")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			h := c.head + "  "
			label := `""` // the lines show the entry's label
			impSameLines(t, "entry", impEntryLines(t, r), []string{
				h + "512001 key= D=12345.67 C=0.00 " + label,
				h + "401000 key= D=0.00 C=2345.67 " + label,
				h + "401000 key= D=0.00 C=1000.00 " + label,
				h + "103100 key= D=0.00 C=10000.00 " + label,
				h + "105000 key= D=500.00 C=0.00 " + label,
				h + "615000 key=001 D=1500.50 C=0.00 " + label,
				h + "103300 key= D=0.00 C=2000.50 " + label,
				h + "512002 key= D=1000.00 C=0.00 " + label,
			})
			impSameLines(t, "notes", rep.Notes, []string{
				c.note,
				"Comptes ajoutés au plan comptable : 512002 « Livret ».",
				"La clé générale 001 est attribuée à 1 compte de charges ou de produits sans clé.",
			})
			f := "balance.xlsx, feuille « Balance au 31-12-2024 », "
			impSameLines(t, "warnings", impWarnings(rep.Warnings), []string{
				f + "ligne 5, colonne A (N° compte) : « 4010001 » a plus de 6 caractères : il est lu comme le compte 401000.",
				f + "ligne 7, colonne D (Crédit) : solde négatif au crédit : il est porté au débit.",
			})
			if fmt.Sprint(rep.Skipped) != "[{10 ligne vide} {12 solde nul} {13 ligne de total (« TOTAL GÉNÉRAL »)}]" {
				t.Errorf("skipped %v", rep.Skipped)
			}
			impCheckClean(t, r)
		})
	}
}

func TestImportBalanceRefused(t *testing.T) {
	for _, c := range []struct {
		name, file, data string
		err              string
	}{
		{name: "unbalanced, Windows-1252 CSV", file: "balance_desequilibree.csv",
			err: "balance_desequilibree.csv : la balance n'est pas équilibrée : total des débits 1 000,00 €, total des crédits 990,00 €, écart 10,00 € ; rien n'a été importé."},
		{name: "total row disagrees (a warning) and bad amount", file: "b.csv", data: "Compte;Intitulé;Débit;Crédit\n512001;Banque;1 000,00;\n401000;F;;1 000,00\n604;Achats;abc;\nTotal;;999;1 000,00\n",
			err: "b.csv, ligne 4, colonne C (Débit) : « abc » n'est pas un montant valide (exemples : 1234,56 ou 1 234,56 €) ; rien n'a été importé."},
		{name: "unknown key", file: "b.csv", data: "Compte;Intitulé;Débit;Crédit;Clé\n601;Eau;100;;7\n512001;Banque;;100;\n",
			err: "b.csv, ligne 2, colonne E (Clé) : la clé « 7 » n'existe pas (clés de la résidence : 001) ; rien n'a été importé."},
		{name: "nothing to import", file: "b.csv", data: "Compte;Intitulé;Débit;Crédit\n512001;Banque;;\n",
			err: "b.csv : aucun solde à importer ; rien n'a été importé."},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := apptest.Empty(t)
			before := impFileBytes(t, r.Path())
			var wb *sheet.Workbook
			if c.data == "" {
				wb = impOpen(t, c.file)
			} else {
				var err error
				if wb, err = sheet.ReadWorkbook(c.file, []byte(c.data)); err != nil {
					t.Fatal(err)
				}
			}
			_, err := Run(r, wb, Options{Kind: Balance})
			if ledger.Message(err) != c.err {
				t.Errorf("error:\n got  %v\n want %s", err, c.err)
			}
			if !bytes.Equal(before, impFileBytes(t, r.Path())) {
				t.Error("a refused import changed the residence")
			}
		})
	}
	// The total row is checked against the sums: a difference is a warning.
	wb, _ := sheet.ReadWorkbook("b.csv", []byte("Compte;Intitulé;Débit;Crédit\n512001;Banque;1 000,00;\n401000;F;;1 000,00\nTotal;;999;1 000,00\n"))
	rep := impMustImport(t, apptest.Empty(t), wb, Options{Kind: Balance})
	impSameLines(t, "warnings", impWarnings(rep.Warnings), []string{
		"b.csv, ligne 4, colonne C (Débit) : la ligne de total indique 999,00 €, la somme des lignes importées est 1 000,00 €.",
	})
}
