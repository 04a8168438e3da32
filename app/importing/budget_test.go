package importing

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/shopspring/decimal"

	"tantieme/app"
	"tantieme/app/apptest"
	"tantieme/ledger"
	"tantieme/sheet"
)

func impBudgetResidence(t *testing.T) *app.Residence {
	t.Helper()
	r := apptest.Empty(t)
	if err := r.Update(func(tx *ledger.Tx) error {
		return tx.AddKey(ledger.Key{Code: "002", Label: "Ascenseur", DeclaredTotal: decimal.Zero})
	}); err != nil {
		t.Fatal(err)
	}
	return r
}

func impBudgetLines(t *testing.T, r *app.Residence, year int) []string {
	t.Helper()
	ex := apptest.Year(t, r, year)
	var out []string
	err := r.View(func(tx *ledger.Tx) error {
		list, err := tx.Budget(ex.ID)
		for _, b := range list {
			out = append(out, fmt.Sprintf("%s/%s %s", b.Account, b.Key, b.Amount.Plain()))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestImportBudget(t *testing.T) {
	r := impBudgetResidence(t)
	rep := impMustImport(t, r, impOpen(t, "budget.xlsx"), Options{Kind: Budget, Year: 2026})
	impSameLines(t, "budget 2026", impBudgetLines(t, r, 2026), []string{"601000/001 1500.00", "615000/001 800.00", "614000/002 2400.00"})
	if len(impBudgetLines(t, r, 2025)) != 0 {
		t.Error("the budget went to another exercise")
	}
	impSameLines(t, "notes", rep.Notes, []string{
		"Budget de l'exercice 2026 : 3 lignes, total 4 700,00 €.",
		"Codes de clé lus sans leurs zéros et rapprochés des clés existantes : « 2 » → 002.",
		"La clé générale 001 est attribuée à 1 ligne sans clé.",
	})
	impSameLines(t, "warnings", impWarnings(rep.Warnings), []string{
		"budget.xlsx, feuille « Budget 2026 », ligne 4, colonne C (Montant) : le compte 601000 sur la clé 001 figure déjà ligne 2 : les montants sont additionnés.",
	})
	// Imported again, its lines replace themselves; other lines stay.
	wb, _ := sheet.ReadWorkbook("b.csv", []byte("Compte;Clé;Montant\n601;001;1 000\n"))
	rep = impMustImport(t, r, wb, Options{Kind: Budget, Year: 2026})
	impSameLines(t, "budget 2026 again", impBudgetLines(t, r, 2026), []string{"601000/001 1000.00", "615000/001 800.00", "614000/002 2400.00"})
	impSameLines(t, "notes", rep.Notes[1:], []string{"1 ligne du budget existant est remplacée."})
}

func TestImportBudgetRefused(t *testing.T) {
	for _, c := range []struct {
		name, csv string
		year      int
		err       string
	}{
		{name: "no exercise", csv: "Compte;Clé;Montant\n601;001;10\n", err: "Indiquez l'exercice du budget (l'année où il commence)"},
		{name: "unknown exercise", csv: "Compte;Clé;Montant\n601;001;10\n", year: 2030, err: "Aucun exercice ne commence en 2030"},
		{name: "balance-sheet account", csv: "Compte;Clé;Montant\n512001;001;10\n", year: 2026,
			err: "b.csv, ligne 2, colonne A (N° compte) : le budget porte sur des comptes de charges ou de produits (classes 6 et 7), pas sur 512001 ; rien n'a été importé."},
		{name: "unknown key", csv: "Compte;Clé;Montant\n601;004;10\n", year: 2026,
			err: "b.csv, ligne 2, colonne B (Clé) : la clé « 004 » n'existe pas (clés de la résidence : 001, 002) ; rien n'a été importé."},
		{name: "amount missing", csv: "Compte;Clé;Montant\n601;001;\n", year: 2026,
			err: "b.csv, ligne 2, colonne C (Montant) : le montant est obligatoire ; rien n'a été importé."},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := impBudgetResidence(t)
			before := impFileBytes(t, r.Path())
			wb, _ := sheet.ReadWorkbook("b.csv", []byte(c.csv))
			_, err := Run(r, wb, Options{Kind: Budget, Year: c.year})
			if ledger.Message(err) != c.err {
				t.Errorf("got %v\nwant %s", err, c.err)
			}
			if !bytes.Equal(before, impFileBytes(t, r.Path())) {
				t.Error("a refused import changed the residence")
			}
		})
	}
}
