package ledger_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tantieme/ledger"
)

// wantErr checks err's kind and that its French message holds msg.
func wantErr(t *testing.T, err error, kind ledger.Kind, msg, what string) {
	t.Helper()
	if err == nil {
		t.Errorf("%s: accepted, want kind %v %q", what, kind, msg)
		return
	}
	if ledger.KindOf(err) != kind || !strings.Contains(ledger.Message(err), msg) {
		t.Errorf("%s: %v (kind %v, message %q), want kind %v saying %q", what, err, ledger.KindOf(err), ledger.Message(err), kind, msg)
	}
}

func ownersAt(t *testing.T, db *ledger.DB, date string) map[string]string {
	t.Helper()
	var out map[string]string
	mustView(t, db, func(tx *ledger.Tx) error {
		var err error
		out, err = tx.OwnersAt(ledger.MustDate(date))
		return err
	})
	return out
}

func TestTransferLot(t *testing.T) {
	db := mustCreate(t)
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		buyer := ledger.Owner{Name: "Nguyen Hélène"}
		if err := tx.AddOwner(&buyer); err != nil {
			return err
		}
		if buyer.Account != "450004" {
			t.Errorf("new owner got account %s, want 450004", buyer.Account)
		}
		return tx.TransferLot("2", buyer.Account, ledger.MustDate("2026-03-15"))
	})
	before := map[string]string{"1": "450001", "2": "450002", "3": "450003", "4": "450003"}
	after := map[string]string{"1": "450001", "2": "450004", "3": "450003", "4": "450003"}
	for _, tt := range []struct {
		date string
		want map[string]string
	}{
		{"2020-01-01", before}, // ownership without a date counts from the start
		{"2025-01-01", before},
		{"2026-03-14", before},
		{"2026-03-15", after},
		{"2027-12-31", after},
	} {
		if got := ownersAt(t, db, tt.date); fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("OwnersAt(%s) = %v, want %v", tt.date, got, tt.want)
		}
	}

	for _, tt := range []struct {
		name      string
		lot, to   string
		date      string
		kind      ledger.Kind
		msg       string
		zeroDated bool
	}{
		{"before the previous sale", "2", "450002", "2026-03-01", ledger.Invalid, "doit être datée après le 15/03/2026", false},
		{"same day as the previous sale", "2", "450001", "2026-03-15", ledger.Invalid, "doit être datée après le 15/03/2026", false},
		{"undated after a dated sale", "2", "450001", "", ledger.Invalid, "doit être datée après le 15/03/2026", true},
		{"to the current owner", "2", "450004", "2026-04-01", ledger.Invalid, "appartient déjà à 450004", false},
		{"undated sale of an undated lot", "1", "450002", "", ledger.Invalid, "Le lot 1 appartient déjà à 450001 : indiquez la date de la vente", true},
		{"unknown owner", "2", "450099", "2026-04-01", ledger.NotFound, "Le copropriétaire 450099 n'existe pas", false},
		{"unknown lot", "99", "450001", "2026-04-01", ledger.NotFound, "Le lot 99 n'existe pas", false},
	} {
		err := db.Update(func(tx *ledger.Tx) error {
			var d time.Time
			if !tt.zeroDated {
				d = ledger.MustDate(tt.date)
			}
			return tx.TransferLot(tt.lot, tt.to, d)
		})
		wantErr(t, err, tt.kind, tt.msg, tt.name)
	}

	// The history is kept, oldest first, and Lots shows the latest owner.
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		if err := tx.TransferLot("2", "450001", ledger.MustDate("2027-06-30")); err != nil {
			return err
		}
		hist, err := tx.LotHistory("2")
		if err != nil {
			return err
		}
		want := []ledger.Ownership{{Lot: "2", Owner: "450002"}, {Lot: "2", Owner: "450004", From: ledger.MustDate("2026-03-15")},
			{Lot: "2", Owner: "450001", From: ledger.MustDate("2027-06-30")}}
		if fmt.Sprint(hist) != fmt.Sprint(want) {
			t.Errorf("LotHistory(2) = %v, want %v", hist, want)
		}
		lots, err := tx.Lots()
		if err != nil {
			return err
		}
		if len(lots) != 4 || lots[1].Number != "2" || lots[1].Owner != "450001" {
			t.Errorf("Lots = %+v", lots)
		}
		// Re-stating the undated first owner is harmless.
		return tx.TransferLot("1", "450001", time.Time{})
	})
	if got := ownersAt(t, db, "2026-12-31")["2"]; got != "450004" {
		t.Errorf("owner of lot 2 at 2026-12-31 = %s, want the first buyer", got)
	}

	// The seller keeps his history: he cannot be deleted.
	wantErr(t, db.Update(func(tx *ledger.Tx) error { return tx.DeleteOwner("450002") }), ledger.Conflict, "possède ou a possédé des lots", "DeleteOwner of a seller")
}

func TestOwnersCRUD(t *testing.T) {
	db := mustCreate(t)
	for _, tt := range []struct {
		name string
		o    ledger.Owner
		kind ledger.Kind
		msg  string
	}{
		{"duplicate account", ledger.Owner{Account: "450001", Name: "Autre"}, ledger.Conflict, "Le compte 450001 est déjà celui d'un autre copropriétaire"},
		{"no name", ledger.Owner{Account: "450010", Name: "  "}, ledger.Invalid, "Le nom du copropriétaire est obligatoire"},
		{"450000", ledger.Owner{Account: "450000", Name: "X"}, ledger.Invalid, "doit aller de 450001 à 450999"},
		{"not a 450", ledger.Owner{Account: "451001", Name: "X"}, ledger.Invalid, "doit aller de 450001 à 450999"},
		{"letters", ledger.Owner{Account: "4500AB", Name: "X"}, ledger.Invalid, "doit aller de 450001 à 450999"},
		{"exit before entry", ledger.Owner{Account: "450010", Name: "X", EntryDate: ledger.Date(2025, 5, 1), ExitDate: ledger.Date(2025, 4, 1)}, ledger.Invalid, "La date de sortie de X précède sa date d'entrée"},
	} {
		err := db.Update(func(tx *ledger.Tx) error { o := tt.o; return tx.AddOwner(&o) })
		wantErr(t, err, tt.kind, tt.msg, "AddOwner: "+tt.name)
	}
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		o := ledger.Owner{Account: "450010", Civility: "Mme", Name: " Léa Durand ", EntryDate: ledger.Date(2025, 5, 1), Council: true}
		if err := tx.AddOwner(&o); err != nil {
			return err
		}
		got, err := tx.Owner("450010")
		if err != nil {
			return err
		}
		if got.DisplayName() != "Mme Léa Durand" || !got.EntryDate.Equal(ledger.Date(2025, 5, 1)) || !got.Council || !got.ExitDate.IsZero() {
			t.Errorf("Owner(450010) = %+v", got)
		}
		acc, err := tx.Account("450010")
		if err != nil || acc.Label != "Léa Durand" {
			t.Errorf("owner account: %+v %v", acc, err)
		}
		got.Name, got.ExitDate = "Léa Martin", ledger.Date(2026, 1, 1)
		if err := tx.UpdateOwner(got); err != nil {
			return err
		}
		if acc, _ := tx.Account("450010"); acc.Label != "Léa Martin" {
			t.Errorf("renamed owner's account label: %q", acc.Label)
		}
		if got, _ := tx.Owner("450010"); !got.Left(ledger.Date(2026, 1, 1)) || got.Left(ledger.Date(2025, 12, 31)) {
			t.Errorf("Left: %+v", got)
		}
		next, err := tx.NextOwnerAccount()
		if err != nil || next != "450011" {
			t.Errorf("NextOwnerAccount = %s, %v", next, err)
		}
		// An owner who never held a lot may be deleted; his account stays.
		if err := tx.DeleteOwner("450010"); err != nil {
			return err
		}
		if _, err := tx.Account("450010"); err != nil {
			t.Errorf("account of a deleted owner: %v", err)
		}
		list, err := tx.Owners()
		if err != nil || len(list) != 3 {
			t.Errorf("Owners after delete: %v %v", list, err)
		}
		return nil
	})
	wantErr(t, db.Update(func(tx *ledger.Tx) error { return tx.DeleteOwner("450001") }), ledger.Conflict, "possède ou a possédé des lots", "DeleteOwner with lots")
	wantErr(t, db.Update(func(tx *ledger.Tx) error { return tx.DeleteOwner("450099") }), ledger.NotFound, "n'existe pas", "DeleteOwner unknown")
	wantErr(t, db.Update(func(tx *ledger.Tx) error { return tx.UpdateOwner(ledger.Owner{Account: "450099", Name: "X"}) }), ledger.NotFound, "n'existe pas", "UpdateOwner unknown")
	wantErr(t, db.View(func(tx *ledger.Tx) error { _, err := tx.Owner("450099"); return err }), ledger.NotFound, "Le copropriétaire 450099 n'existe pas", "Owner unknown")
}

func TestLotsKeysCRUD(t *testing.T) {
	db := mustCreate(t)
	wantErr(t, db.Update(func(tx *ledger.Tx) error { return tx.AddLot(ledger.Lot{Number: "1"}) }), ledger.Conflict, "Le lot 1 existe déjà", "AddLot duplicate")
	wantErr(t, db.Update(func(tx *ledger.Tx) error { return tx.AddLot(ledger.Lot{Number: "123456"}) }), ledger.Invalid, "de 1 à 5 caractères", "AddLot long number")
	wantErr(t, db.Update(func(tx *ledger.Tx) error { return tx.AddLot(ledger.Lot{Number: " "}) }), ledger.Invalid, "de 1 à 5 caractères", "AddLot empty number")
	wantErr(t, db.Update(func(tx *ledger.Tx) error { return tx.AddLot(ledger.Lot{Number: "9", Owner: "450099"}) }), ledger.NotFound, "450099", "AddLot unknown owner")
	wantErr(t, db.Update(func(tx *ledger.Tx) error { return tx.DeleteLot("1") }), ledger.Conflict, "Le lot 1 a des tantièmes", "DeleteLot with shares")
	wantErr(t, db.Update(func(tx *ledger.Tx) error { return tx.DeleteLot("99") }), ledger.NotFound, "Le lot 99 n'existe pas", "DeleteLot unknown")
	wantErr(t, db.Update(func(tx *ledger.Tx) error { return tx.UpdateLot(ledger.Lot{Number: "99"}) }), ledger.NotFound, "Le lot 99 n'existe pas", "UpdateLot unknown")
	wantErr(t, db.Update(func(tx *ledger.Tx) error { return tx.SetShare("99", "001", dec("1")) }), ledger.NotFound, "Le lot 99 ou la clé 001 n'existe pas", "SetShare unknown lot")
	wantErr(t, db.Update(func(tx *ledger.Tx) error { return tx.SetShare("1", "009", dec("1")) }), ledger.NotFound, "la clé 009 n'existe pas", "SetShare unknown key")
	wantErr(t, db.Update(func(tx *ledger.Tx) error { return tx.SetShare("1", "001", dec("-1")) }), ledger.Invalid, "ne peuvent pas être négatifs", "SetShare negative")

	wantErr(t, db.Update(func(tx *ledger.Tx) error { return tx.AddKey(ledger.Key{Code: "001", Label: "Bis"}) }), ledger.Conflict, "La clé 001 existe déjà", "AddKey duplicate")
	wantErr(t, db.Update(func(tx *ledger.Tx) error { return tx.AddKey(ledger.Key{Code: "0001", Label: "X"}) }), ledger.Invalid, "de 1 à 3 caractères", "AddKey long code")
	wantErr(t, db.Update(func(tx *ledger.Tx) error { return tx.AddKey(ledger.Key{Code: "004", Label: ""}) }), ledger.Invalid, "Le libellé de la clé 004 est obligatoire", "AddKey no label")
	wantErr(t, db.Update(func(tx *ledger.Tx) error {
		return tx.AddKey(ledger.Key{Code: "004", Label: "X", DeclaredTotal: dec("-1")})
	}), ledger.Invalid, "ne peut pas être négatif", "AddKey negative total")
	wantErr(t, db.Update(func(tx *ledger.Tx) error { return tx.UpdateKey(ledger.Key{Code: "009", Label: "X"}) }), ledger.NotFound, "La clé 009 n'existe pas", "UpdateKey unknown")
	wantErr(t, db.Update(func(tx *ledger.Tx) error { return tx.DeleteKey("009") }), ledger.NotFound, "La clé 009 n'existe pas", "DeleteKey unknown")
	// A key in use (shares, budget lines or entries) stays: "still in use"
	// is a Conflict (ARCHITECTURE, Errors).
	const inUse = "Une clé utilisée (tantièmes, budget ou écritures) ne peut pas être supprimée"
	wantErr(t, db.Update(func(tx *ledger.Tx) error { return tx.DeleteKey("002") }), ledger.Conflict, inUse, "DeleteKey with shares")
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		for _, k := range []string{"003", "004", "005"} {
			if err := tx.AddKey(ledger.Key{Code: k, Label: "Clé " + k}); err != nil {
				return err
			}
		}
		ex, err := tx.ExerciseOfYear(2026)
		if err != nil {
			return err
		}
		if err := tx.SetBudgetLine(ex.ID, ledger.BudgetLine{Account: "601000", Key: "004", Amount: 100000}); err != nil {
			return err
		}
		return tx.PostEntry(entry("2025-02-03", "AC", "F1", dr("601000", "003", "10"), cr("401000", "", "10")))
	})
	wantErr(t, db.Update(func(tx *ledger.Tx) error { return tx.DeleteKey("003") }), ledger.Conflict, inUse, "DeleteKey used by an entry")
	wantErr(t, db.Update(func(tx *ledger.Tx) error { return tx.DeleteKey("004") }), ledger.Conflict, inUse, "DeleteKey used by the budget")
	mustUpdate(t, db, func(tx *ledger.Tx) error { return tx.DeleteKey("005") })

	// A lot without shares can go, with its ownership history.
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		for _, k := range []string{"001", "002"} {
			if err := tx.SetShare("4", k, dec("0")); err != nil {
				return err
			}
		}
		if err := tx.DeleteLot("4"); err != nil {
			return err
		}
		lots, err := tx.Lots()
		if err != nil || len(lots) != 3 {
			t.Errorf("Lots after delete: %v %v", lots, err)
		}
		return nil
	})
	if got := ownersAt(t, db, "2025-06-01"); len(got) != 3 || got["4"] != "" {
		t.Errorf("OwnersAt after deleting lot 4: %v", got)
	}
	// Lots are listed in natural order: 2 before 10.
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		if err := tx.AddLot(ledger.Lot{Number: "10", Owner: "450001", Type: "cave"}); err != nil {
			return err
		}
		lots, err := tx.Lots()
		var nums []string
		for _, l := range lots {
			nums = append(nums, l.Number)
		}
		if got := strings.Join(nums, " "); got != "1 2 3 10" {
			t.Errorf("lots in order %q", got)
		}
		return err
	})
}

func TestSuppliersAccountsJournals(t *testing.T) {
	db := mustCreate(t)
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		s := ledger.Supplier{Name: "Eaux de Lyon", IBAN: "fr76 3000 6000 0112 3456 7890 189"}
		if err := tx.AddSupplier(&s); err != nil {
			return err
		}
		if s.Account != "401001" || s.IBAN != "FR7630006000011234567890189" {
			t.Errorf("supplier: %+v", s)
		}
		s.Name = "Eau du Grand Lyon"
		if err := tx.UpdateSupplier(s); err != nil {
			return err
		}
		list, err := tx.Suppliers()
		if err != nil || len(list) != 1 || list[0].Name != "Eau du Grand Lyon" {
			t.Errorf("Suppliers = %+v, %v", list, err)
		}
		if a, _ := tx.Account("401001"); a.Label != "Eau du Grand Lyon" {
			t.Errorf("supplier account label %q", a.Label)
		}
		return nil
	})
	for _, tt := range []struct {
		name string
		s    ledger.Supplier
		kind ledger.Kind
		msg  string
	}{
		{"duplicate", ledger.Supplier{Account: "401001", Name: "Autre"}, ledger.Conflict, "Le compte 401001 est déjà celui d'un autre fournisseur"},
		{"no name", ledger.Supplier{Account: "401002"}, ledger.Invalid, "Le nom du fournisseur est obligatoire"},
		{"401000", ledger.Supplier{Account: "401000", Name: "X"}, ledger.Invalid, "doit commencer par 401"},
		{"not a 401", ledger.Supplier{Account: "408001", Name: "X"}, ledger.Invalid, "doit commencer par 401"},
		{"bad IBAN", ledger.Supplier{Account: "401002", Name: "X", IBAN: "FR7630006000011234567890188"}, ledger.Invalid, "n'est pas valide"},
	} {
		err := db.Update(func(tx *ledger.Tx) error { s := tt.s; return tx.AddSupplier(&s) })
		wantErr(t, err, tt.kind, tt.msg, "AddSupplier: "+tt.name)
	}
	wantErr(t, db.Update(func(tx *ledger.Tx) error { return tx.UpdateSupplier(ledger.Supplier{Account: "401099", Name: "X"}) }), ledger.NotFound, "n'existe pas", "UpdateSupplier unknown")

	for _, code := range []string{"702ETU", "512002", "6211AB", "401ABC", "103110", "120001", "4720XY", "531001", "780100", "650001", "7061AB"} {
		if err := db.Update(func(tx *ledger.Tx) error {
			return tx.AddAccount(ledger.Account{Code: code, Label: "Sous-compte " + code})
		}); err != nil {
			t.Errorf("AddAccount(%s): %v", code, err)
		}
	}
	// Lower case is read as upper case.
	mustUpdate(t, db, func(tx *ledger.Tx) error { return tx.AddAccount(ledger.Account{Code: "702abc", Label: "Travaux ABC"}) })
	for _, tt := range []struct{ code, msg string }{
		{"200000", "n'appartient pas au plan comptable des copropriétés"},
		{"300000", "n'appartient pas au plan comptable des copropriétés"},
		{"812000", "n'appartient pas au plan comptable des copropriétés"},
		{"012000", "n'appartient pas au plan comptable des copropriétés"},
		{"450000", "Un compte de copropriétaire va de 450001 à 450999"},
		{"4501AB", "Un compte de copropriétaire va de 450001 à 450999"},
		{"7", "doit avoir 6 caractères"},
		{"7010000", "doit avoir 6 caractères"},
		{"70-100", "que des chiffres et des lettres majuscules"},
		{"600000", "n'est pas une subdivision d'un compte du plan"},
		{"690000", "n'est pas une subdivision d'un compte du plan"},
		{"410000", "n'est pas une subdivision d'un compte du plan"},
		{"519000", "n'est pas une subdivision d'un compte du plan"},
		{"707000", "n'est pas une subdivision d'un compte du plan"},
	} {
		err := db.Update(func(tx *ledger.Tx) error { return tx.AddAccount(ledger.Account{Code: tt.code, Label: "X"}) })
		wantErr(t, err, ledger.Invalid, tt.msg, "AddAccount("+tt.code+")")
	}
	wantErr(t, db.Update(func(tx *ledger.Tx) error { return tx.AddAccount(ledger.Account{Code: "512001", Label: "X"}) }), ledger.Conflict, "Le compte 512001 existe déjà", "AddAccount duplicate")
	wantErr(t, db.Update(func(tx *ledger.Tx) error { return tx.AddAccount(ledger.Account{Code: "512003", Label: " "}) }), ledger.Invalid, "Le libellé du compte 512003 est obligatoire", "AddAccount without label")
	wantErr(t, db.Update(func(tx *ledger.Tx) error { return tx.UpdateAccount(ledger.Account{Code: "512099", Label: "X"}) }), ledger.NotFound, "n'existe pas", "UpdateAccount unknown")
	wantErr(t, db.Update(func(tx *ledger.Tx) error { return tx.AddJournal(ledger.Journal{Code: "bq", Label: "Banque bis"}) }), ledger.Conflict, "Le journal BQ existe déjà", "AddJournal duplicate")
	wantErr(t, db.Update(func(tx *ledger.Tx) error { return tx.AddJournal(ledger.Journal{Code: "BANK2", Label: "X"}) }), ledger.Invalid, "de 1 à 4 caractères", "AddJournal long code")
	// The file refuses what the Go checks would: deleting a used account.
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		return tx.PostEntry(entry("2025-01-01", "BQ", "V1", dr("512002", "", "1"), cr("512001", "", "1")))
	})
	wantRefused(t, db.Exec(`DELETE FROM accounts WHERE code = '512002'`), "Un compte mouvementé ne peut pas être supprimé", "deleting a used account")
	wantRefused(t, db.Exec(`UPDATE accounts SET code = '512009' WHERE code = '702ETU'`), "Le numéro d'un compte ne peut pas changer", "renumbering an account")
	mustView(t, db, func(tx *ledger.Tx) error {
		js, err := tx.Journals()
		var codes []string
		for _, j := range js {
			codes = append(codes, j.Code)
		}
		if got := strings.Join(codes, " "); got != "AC BQ OD AN" {
			t.Errorf("Journals = %q", got)
		}
		return err
	})
}

func TestSetupValidate(t *testing.T) {
	jan := ledger.Date(2025, 1, 1)
	for _, tt := range []struct {
		name string
		s    ledger.Setup
		msg  string // "" when valid
		end  time.Time
	}{
		{"twelve months by default", ledger.Setup{Residence: ledger.Residence{Name: "R"}, FirstStart: jan}, "", ledger.Date(2025, 12, 31)},
		{"mid-year start", ledger.Setup{Residence: ledger.Residence{Name: "R"}, FirstStart: ledger.Date(2025, 7, 1)}, "", ledger.Date(2026, 6, 30)},
		{"short first exercise", ledger.Setup{Residence: ledger.Residence{Name: "R"}, FirstStart: ledger.Date(2025, 10, 1), FirstEnd: ledger.Date(2025, 12, 31)}, "", ledger.Date(2025, 12, 31)},
		{"18 months", ledger.Setup{Residence: ledger.Residence{Name: "R"}, FirstStart: jan, FirstEnd: ledger.Date(2026, 6, 30)}, "", ledger.Date(2026, 6, 30)},
		{"18 months and a day", ledger.Setup{Residence: ledger.Residence{Name: "R"}, FirstStart: jan, FirstEnd: ledger.Date(2026, 7, 1)}, "Un exercice dure au plus 18 mois", time.Time{}},
		{"19 months", ledger.Setup{Residence: ledger.Residence{Name: "R"}, FirstStart: jan, FirstEnd: ledger.Date(2026, 7, 31)}, "Un exercice dure au plus 18 mois", time.Time{}},
		{"end before start", ledger.Setup{Residence: ledger.Residence{Name: "R"}, FirstStart: jan, FirstEnd: ledger.Date(2024, 12, 31)}, "doit suivre son début", time.Time{}},
		{"no name", ledger.Setup{Residence: ledger.Residence{Name: "  "}, FirstStart: jan}, "Le nom de la résidence est obligatoire", time.Time{}},
		{"no start", ledger.Setup{Residence: ledger.Residence{Name: "R"}}, "La date de début du premier exercice est obligatoire", time.Time{}},
		{"bank in class 4", ledger.Setup{Residence: ledger.Residence{Name: "R"}, FirstStart: jan, Bank: &ledger.BankAccount{Account: "401000"}}, "doit être un compte de classe 5", time.Time{}},
		{"bad IBAN", ledger.Setup{Residence: ledger.Residence{Name: "R"}, FirstStart: jan, Bank: &ledger.BankAccount{Account: "512001", IBAN: "FR76 3000 6000 0112 3456 7890 188"}}, "n'est pas valide", time.Time{}},
	} {
		s := tt.s
		err := s.Validate()
		if tt.msg == "" {
			if err != nil {
				t.Errorf("%s: %v", tt.name, err)
			} else if !s.FirstEnd.Equal(tt.end) {
				t.Errorf("%s: FirstEnd %s, want %s", tt.name, ledger.ISO(s.FirstEnd), ledger.ISO(tt.end))
			}
			continue
		}
		wantErr(t, err, ledger.Invalid, tt.msg, tt.name)
	}
}

func TestCreate(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "Le Clos.copro")
	db, err := ledger.Create(file, ledger.Setup{
		Residence:  ledger.Residence{Name: "Le Clos", City: "Nîmes"},
		FirstStart: ledger.Date(2025, 7, 1),
		FirstEnd:   ledger.Date(2026, 12, 31), // 18 months to align on calendar years
	})
	if err != nil {
		t.Fatal(err)
	}
	mustView(t, db, func(tx *ledger.Tx) error {
		ex, err := tx.Exercises()
		if err != nil {
			return err
		}
		var spans []string
		for _, e := range ex {
			spans = append(spans, ledger.ISO(e.Start)+".."+ledger.ISO(e.End))
			if e.Closed {
				t.Errorf("new exercise %s is closed", e.Name())
			}
		}
		if got := strings.Join(spans, " "); got != "2025-07-01..2026-12-31 2027-01-01..2027-12-31 2028-01-01..2028-12-31" {
			t.Errorf("exercises %s", got)
		}
		if ex[0].Name() != "01/07/2025 – 31/12/2026" || ex[1].Name() != "2027" || ex[1].Year() != 2027 {
			t.Errorf("names %q %q", ex[0].Name(), ex[1].Name())
		}
		if w, err := tx.WorkingExercise(); err != nil || w.ID != ex[0].ID {
			t.Errorf("WorkingExercise = %+v, %v", w, err)
		}
		js, err := tx.Journals()
		if err != nil || fmt.Sprint(js) != "[{AC Achats} {BQ Banque} {OD Opérations diverses} {AN À nouveaux}]" {
			t.Errorf("Journals = %v, %v", js, err)
		}
		keys, err := tx.Keys()
		if err != nil || len(keys) != 1 || keys[0].Code != "001" {
			t.Errorf("Keys = %v, %v", keys, err)
		}
		for _, code := range []string{"701000", "103100", "102000", "401000", "512000", "601000", "621100", "706200"} {
			if _, err := tx.Account(code); err != nil {
				t.Errorf("account %s: %v", code, err)
			}
		}
		// 1032 was struck out in 2020; 4501–4505 would collide with owners.
		for _, code := range []string{"103200", "450100", "200000"} {
			if _, err := tx.Account(code); ledger.KindOf(err) != ledger.NotFound {
				t.Errorf("account %s: %v, want NotFound", code, err)
			}
		}
		accounts, err := tx.Accounts()
		if err != nil || len(accounts) != len(ledger.OfficialChart()) {
			t.Errorf("%d accounts, chart has %d (%v)", len(accounts), len(ledger.OfficialChart()), err)
		}
		r, err := tx.Residence()
		if err != nil || r.Name != "Le Clos" || r.City != "Nîmes" {
			t.Errorf("Residence = %+v, %v", r, err)
		}
		return nil
	})
	wantNoProblem(t, db)
	// A fourth exercise follows the third.
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		e, err := tx.AddNextExercise()
		if err != nil {
			return err
		}
		if !e.Start.Equal(ledger.Date(2029, 1, 1)) || !e.End.Equal(ledger.Date(2029, 12, 31)) {
			t.Errorf("AddNextExercise = %+v", e)
		}
		if _, err := tx.AddExercise(ledger.Date(2030, 2, 1), ledger.Date(2031, 1, 31)); ledger.KindOf(err) != ledger.Invalid {
			t.Errorf("AddExercise with a gap: %v", err)
		}
		if _, err := tx.AddExercise(ledger.Date(2030, 1, 1), ledger.Date(2031, 3, 31)); ledger.KindOf(err) != ledger.Invalid {
			t.Errorf("AddExercise of 15 months after the first: %v", err)
		}
		return nil
	})
	db.Close()

	// The file is refused when it exists, and reopens.
	_, err = ledger.Create(file, ledger.Setup{Residence: ledger.Residence{Name: "X"}, FirstStart: ledger.Date(2025, 1, 1)})
	wantErr(t, err, ledger.Conflict, "existe déjà", "Create over an existing file")
	db, err = ledger.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	ro, err := ledger.OpenReadOnly(file)
	if err != nil {
		t.Fatal(err)
	}
	wantErr(t, ro.Update(func(tx *ledger.Tx) error { return nil }), ledger.Locked, "lecture seule", "Update on a read-only residence")
	ro.Close()

	// Nothing but a residence opens.
	notSQLite := filepath.Join(dir, "notes.copro")
	os.WriteFile(notSQLite, []byte("bonjour, ceci n'est pas une base"), 0o644)
	_, err = ledger.Open(notSQLite)
	wantErr(t, err, ledger.Invalid, "n'est pas une résidence Tantième", "Open of a text file")
	_, err = ledger.Open(filepath.Join(dir, "absent.copro"))
	wantErr(t, err, ledger.NotFound, "n'existe pas", "Open of a missing file")
	_, err = ledger.Open(dir)
	wantErr(t, err, ledger.Invalid, "est un dossier", "Open of a folder")
	// Failed creations leave no file behind.
	bad := filepath.Join(dir, "bad.copro")
	_, err = ledger.Create(bad, ledger.Setup{Residence: ledger.Residence{Name: "X"}, FirstStart: ledger.Date(2025, 1, 1), FirstEnd: ledger.Date(2027, 1, 1)})
	wantErr(t, err, ledger.Invalid, "18 mois", "Create with a 2-year exercise")
	if _, err := os.Stat(bad); !os.IsNotExist(err) {
		t.Errorf("refused Create left a file: %v", err)
	}
}
