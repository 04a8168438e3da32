package ledger_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"tantieme/ledger"
)

func TestEntryValidate(t *testing.T) {
	tests := []struct {
		name string
		e    *ledger.Entry
		msg  string // "" when valid
	}{
		{"valid", entry("2025-02-03", "AC", "F1", dr("601000", "001", "55,10"), cr("401000", "", "55,10")), ""},
		{"valid, several lines", entry("2025-01-01", "OD", "A1", dr("450001", "", "1"), dr("450002", "", "2"), cr("701000", "001", "3")), ""},
		{"no date", &ledger.Entry{Journal: "OD", Lines: []ledger.Line{dr("450001", "", "1"), cr("701000", "001", "1")}}, "la date est obligatoire"},
		{"no journal", entry("2025-01-01", " ", "", dr("450001", "", "1"), cr("701000", "001", "1")), "le journal est obligatoire"},
		{"no line", entry("2025-01-01", "OD", "A1"), "au moins deux lignes"},
		{"one line", entry("2025-01-01", "OD", "A1", dr("450001", "", "1")), "au moins deux lignes"},
		{"no account", entry("2025-01-01", "OD", "A1", dr("", "", "1"), cr("701000", "001", "1")), "ligne 1 : le compte est obligatoire"},
		{"negative debit", entry("2025-01-01", "OD", "A1", dr("450001", "", "1"), dr("450002", "", "-1"), cr("701000", "001", "0,01")), "ligne 2 : un montant ne peut pas être négatif"},
		{"negative credit", entry("2025-01-01", "OD", "A1", dr("450001", "", "1"), cr("701000", "001", "-1")), "ligne 2 : un montant ne peut pas être négatif"},
		{"both sides", entry("2025-01-01", "OD", "A1", ledger.Line{Account: "450001", Debit: 100, Credit: 100}, cr("701000", "001", "1")), "ligne 1 : une ligne est soit au débit, soit au crédit"},
		{"zero line", entry("2025-01-01", "OD", "A1", dr("450001", "", "1"), cr("701000", "001", "1"), cr("701000", "001", "0")), "ligne 3 : le montant est nul"},
		{"charge without key", entry("2025-02-03", "AC", "F1", dr("601000", "", "10"), cr("401000", "", "10")), "ligne 1 : la charge 601000 doit porter une clé de répartition"},
		{"unbalanced", entry("2025-02-03", "AC", "F1", dr("601000", "001", "100"), cr("401000", "", "99,99")),
			"Écriture F1 du 03/02/2025 : écriture déséquilibrée, débit 100,00 €, crédit 99,99 € (écart 0,01 €)"},
		{"unbalanced the other way", entry("2025-02-03", "AC", "", dr("601000", "001", "1"), cr("401000", "", "1 001")),
			"Écriture du 03/02/2025 : écriture déséquilibrée, débit 1,00 €, crédit 1 001,00 € (écart 1 000,00 €)"},
	}
	for _, tt := range tests {
		err := tt.e.Validate()
		if tt.msg == "" {
			if err != nil {
				t.Errorf("%s: %v", tt.name, err)
			}
			continue
		}
		if err == nil {
			t.Errorf("%s: accepted, want %q", tt.name, tt.msg)
			continue
		}
		if ledger.KindOf(err) != ledger.Invalid || !strings.Contains(ledger.Message(err), tt.msg) {
			t.Errorf("%s: %v (kind %v), want Invalid saying %q", tt.name, err, ledger.KindOf(err), tt.msg)
		}
	}
}

// entryCount counts the posted entries of the books.
func entryCount(t *testing.T, db *ledger.DB) int {
	t.Helper()
	var n int
	mustView(t, db, func(tx *ledger.Tx) error {
		list, err := tx.Entries(ledger.EntryFilter{})
		n = len(list)
		return err
	})
	return n
}

func TestPostEntryChecksTheBooks(t *testing.T) {
	db := mustCreate(t)
	tests := []struct {
		name string
		e    *ledger.Entry
		msg  string
	}{
		{"unknown journal", entry("2025-01-01", "XX", "A1", dr("450001", "", "1"), cr("701000", "001", "1")), "le journal XX n'existe pas"},
		{"unknown account", entry("2025-01-01", "OD", "A1", dr("450009", "", "1"), cr("701000", "001", "1")), "ligne 1 : le compte 450009 n'existe pas dans le plan comptable"},
		{"unknown sub-account", entry("2025-01-01", "AC", "F1", dr("601100", "001", "1"), cr("401000", "", "1")), "le compte 601100 n'existe pas"},
		{"unknown key", entry("2025-01-01", "AC", "F1", dr("601000", "009", "1"), cr("401000", "", "1")), "ligne 1 : la clé 009 n'existe pas"},
		{"unknown key on a non-charge line", entry("2025-01-01", "OD", "A1", dr("450001", "", "1"), cr("701000", "ZZ", "1")), "ligne 2 : la clé ZZ n'existe pas"},
		{"before the first exercise", entry("2024-12-31", "OD", "A1", dr("450001", "", "1"), cr("701000", "001", "1")), "la date n'appartient à aucun exercice"},
		{"after the last exercise", entry("2028-01-01", "OD", "A1", dr("450001", "", "1"), cr("701000", "001", "1")), "la date n'appartient à aucun exercice"},
		{"invalid", entry("2025-01-01", "OD", "A1", dr("450001", "", "1"), cr("701000", "001", "2")), "déséquilibrée"},
	}
	for _, tt := range tests {
		err := db.Update(func(tx *ledger.Tx) error { return tx.PostEntry(tt.e) })
		if err == nil {
			t.Errorf("%s: accepted, want %q", tt.name, tt.msg)
			continue
		}
		if ledger.KindOf(err) != ledger.Invalid || !strings.Contains(ledger.Message(err), tt.msg) {
			t.Errorf("%s: %v (kind %v), want Invalid saying %q", tt.name, err, ledger.KindOf(err), tt.msg)
		}
		if tt.e.ID != 0 {
			t.Errorf("%s: refused entry got ID %d", tt.name, tt.e.ID)
		}
	}
	if n := entryCount(t, db); n != 0 {
		t.Errorf("%d entries written by refused posts", n)
	}
	// An account, key or journal added in the same transaction is known at once.
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		if err := tx.AddAccount(ledger.Account{Code: "601100", Label: "Eau froide"}); err != nil {
			return err
		}
		if err := tx.AddKey(ledger.Key{Code: "003", Label: "Chauffage"}); err != nil {
			return err
		}
		if err := tx.AddJournal(ledger.Journal{Code: "BQ2", Label: "Livret"}); err != nil {
			return err
		}
		if err := tx.PostEntry(entry("2025-01-01", "AC", "F1", dr("601100", "003", "1"), cr("401000", "", "1"))); err != nil {
			return err
		}
		return tx.PostEntry(entry("2025-01-01", "BQ2", "V1", dr("512001", "", "1"), cr("450001", "", "1")))
	})
}

// draft inserts an entry with its lines as a draft, through raw SQL, and
// returns its id.
func draft(t *testing.T, db *ledger.DB, id int64, date string, lines ...ledger.Line) int64 {
	t.Helper()
	if err := db.Exec(`INSERT INTO entries (id, journal, date, label) VALUES (?, 'OD', ?, 'brouillon')`, id, date); err != nil {
		t.Fatal(err)
	}
	for _, l := range lines {
		var key any
		if l.Key != "" {
			key = l.Key
		}
		if err := db.Exec(`INSERT INTO lines (entry_id, account, key, debit, credit) VALUES (?, ?, ?, ?, ?)`,
			id, l.Account, key, int64(l.Debit), int64(l.Credit)); err != nil {
			t.Fatal(err)
		}
	}
	return id
}

func trialBalance(t *testing.T, db *ledger.DB, from, to string) map[string]ledger.AccountBalance {
	t.Helper()
	out := map[string]ledger.AccountBalance{}
	mustView(t, db, func(tx *ledger.Tx) error {
		list, err := tx.TrialBalance(ledger.MustDate(from), ledger.MustDate(to))
		for _, b := range list {
			out[b.Account] = b
		}
		return err
	})
	return out
}

func byKey(t *testing.T, db *ledger.DB, from, to string) map[string]ledger.Amount {
	t.Helper()
	out := map[string]ledger.Amount{}
	mustView(t, db, func(tx *ledger.Tx) error {
		list, err := tx.BalanceByKey(ledger.MustDate(from), ledger.MustDate(to))
		for _, b := range list {
			out[b.Key+"/"+b.Account] = b.Balance()
		}
		return err
	})
	return out
}

func wantNoProblem(t *testing.T, db *ledger.DB) {
	t.Helper()
	problems, err := db.Check(true)
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) > 0 {
		t.Errorf("Check: %v", problems)
	}
}

// wantOutsideEdit checks that Check reports entry id as changed outside
// Tantième (issue 12: the chain catches raw SQL edits of posted entries),
// and nothing else.
func wantOutsideEdit(t *testing.T, db *ledger.DB, id int64) {
	t.Helper()
	problems, err := db.Check(true)
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) == 0 {
		t.Errorf("Check did not see the raw SQL edit of entry %d", id)
	}
	for _, p := range problems {
		if !strings.Contains(p.Text, fmt.Sprintf("n° %d ", id)) || !strings.Contains(p.Text, "hors de Tantième") {
			t.Errorf("Check: %v", p)
		}
	}
}

func wantRefused(t *testing.T, err error, msg string, what string) {
	t.Helper()
	if err == nil {
		t.Errorf("%s: accepted, want refused with %q", what, msg)
		return
	}
	if !strings.Contains(ledger.Message(err), msg) {
		t.Errorf("%s: %q, want %q", what, ledger.Message(err), msg)
	}
}

func TestPostingRawSQL(t *testing.T) {
	db := mustCreate(t)
	unbalanced := draft(t, db, 100, "2025-03-01", dr("450001", "", "100"), cr("701000", "001", "90"))
	wantRefused(t, db.Exec(`UPDATE entries SET posted = 1 WHERE id = ?`, unbalanced), "déséquilibrée", "posting an unbalanced draft")
	single := draft(t, db, 101, "2025-03-01", dr("450001", "", "100"))
	wantRefused(t, db.Exec(`UPDATE entries SET posted = 1 WHERE id = ?`, single), "au moins deux lignes", "posting a one-line draft")
	wantRefused(t, db.Exec(`INSERT INTO entries (journal, date, posted) VALUES ('OD', '2025-03-01', 1)`), "validée après l'ajout de ses lignes", "inserting a posted entry")
	wantRefused(t, db.Exec(`INSERT INTO entries (journal, date) VALUES ('OD', '2030-01-01')`), "n'appartient à aucun exercice", "entry out of every exercise")
	wantRefused(t, db.Exec(`INSERT INTO lines (entry_id, account, debit) VALUES (999, '450001', 1)`), "Ligne sans écriture", "line without entry")
	wantRefused(t, db.Exec(`INSERT INTO lines (entry_id, account, debit) VALUES (100, '999999', 1)`), "Compte inexistant dans le plan comptable", "line on an unknown account")
	wantRefused(t, db.Exec(`INSERT INTO lines (entry_id, account, debit) VALUES (100, '601000', 1)`), "Une ligne de charge (classe 6) doit porter une clé de répartition existante", "charge line without key")
	if got := trialBalance(t, db, "2025-01-01", "2025-12-31"); len(got) != 0 {
		t.Errorf("drafts count in the trial balance: %v", got)
	}

	// Balanced by hand, the draft posts and enters the totals.
	if err := db.Exec(`UPDATE lines SET credit = 10000 WHERE entry_id = 100 AND credit > 0`); err != nil {
		t.Fatalf("a draft's lines may change: %v", err)
	}
	if err := db.Exec(`UPDATE entries SET posted = 1 WHERE id = 100`); err != nil {
		t.Fatal(err)
	}
	if err := db.Exec(`DELETE FROM entries WHERE id = 101`); err != nil {
		t.Fatal(err)
	}
	if got := trialBalance(t, db, "2025-01-01", "2025-12-31"); got["450001"].Debit != 10000 || got["701000"].Credit != 10000 {
		t.Errorf("after posting by hand: %v", got)
	}
	wantRefused(t, db.Exec(`UPDATE entries SET posted = 0 WHERE id = 100`), "ne peut pas redevenir un brouillon", "unposting")
	wantRefused(t, db.Exec(`UPDATE entries SET id = 5 WHERE id = 100`), "numéro interne", "renumbering")
	// Posted by hand, it is not in the chain.
	wantOutsideEdit(t, db, 100)
}

func TestPostedEntryIsFrozen(t *testing.T) {
	db := mustCreate(t)
	inv := entry("2025-02-03", "AC", "F1", dr("601000", "001", "60"), dr("614000", "002", "40"), cr("401000", "", "100"))
	mustUpdate(t, db, func(tx *ledger.Tx) error { return tx.PostEntry(inv) })
	id := inv.ID
	for _, tt := range []struct{ q, msg string }{
		{fmt.Sprintf(`UPDATE lines SET debit = 7000 WHERE entry_id = %d AND account = '601000'`, id), "ne peuvent pas changer"},
		{fmt.Sprintf(`UPDATE lines SET credit = 1 WHERE entry_id = %d AND account = '401000'`, id), "ne peuvent pas changer"},
		{fmt.Sprintf(`UPDATE lines SET account = '602000' WHERE entry_id = %d AND account = '601000'`, id), "ne peuvent pas changer"},
		{fmt.Sprintf(`UPDATE lines SET key = NULL WHERE entry_id = %d AND account = '601000'`, id), "doit porter une clé"},
		{fmt.Sprintf(`UPDATE lines SET key = '999' WHERE entry_id = %d AND account = '601000'`, id), "doit porter une clé"},
		{fmt.Sprintf(`DELETE FROM lines WHERE entry_id = %d AND account = '614000'`, id), "ne peut pas être supprimée seule"},
		{fmt.Sprintf(`INSERT INTO lines (entry_id, account, key, debit) VALUES (%d, '601000', '001', 1)`, id), "ne peut pas recevoir de nouvelle ligne"},
	} {
		err := db.Exec(tt.q)
		wantRefused(t, err, tt.msg, tt.q)
		if k := ledger.KindOf(err); err != nil && k != ledger.Invalid {
			t.Errorf("%s: kind %v, want Invalid (the exercise is open)", tt.q, k)
		}
	}

	// Matching and reconciliation are not amounts: allowed on an open exercise.
	if err := db.Exec(`UPDATE lines SET letter = 'AB' WHERE entry_id = ? AND account = '401000'`, id); err != nil {
		t.Error(err)
	}
	if err := db.Exec(`UPDATE lines SET reconciled = '2025-02-28', label = 'facture eau' WHERE entry_id = ?`, id); err != nil {
		t.Error(err)
	}
	mustView(t, db, func(tx *ledger.Tx) error {
		e, err := tx.Entry(id)
		if err != nil {
			return err
		}
		for _, l := range e.Lines {
			if l.Reconciled != "2025-02-28" || (l.Account == "401000") != (l.Letter == "AB") {
				t.Errorf("line after update: %+v", l)
			}
		}
		return nil
	})

	// Correcting a key moves the amount between the per-key totals, not the
	// trial balance.
	tbBefore := trialBalance(t, db, "2025-01-01", "2025-12-31")
	if got := byKey(t, db, "2025-01-01", "2025-12-31"); got["001/601000"] != 6000 || got["002/614000"] != 4000 {
		t.Fatalf("by key before: %v", got)
	}
	if err := db.Exec(`UPDATE lines SET key = '002' WHERE entry_id = ? AND account = '601000'`, id); err != nil {
		t.Fatal(err)
	}
	got := byKey(t, db, "2025-01-01", "2025-12-31")
	if _, ok := got["001/601000"]; ok || got["002/601000"] != 6000 || got["002/614000"] != 4000 {
		t.Errorf("by key after moving 601000 to key 002: %v", got)
	}
	if after := trialBalance(t, db, "2025-01-01", "2025-12-31"); fmt.Sprint(after) != fmt.Sprint(tbBefore) {
		t.Errorf("trial balance moved with a key correction:\n%v\n%v", tbBefore, after)
	}
	// A key on a non-charge line counts in the per-key balance too.
	if err := db.Exec(`UPDATE lines SET key = '001' WHERE entry_id = ? AND account = '401000'`, id); err != nil {
		t.Fatal(err)
	}
	if got := byKey(t, db, "2025-01-01", "2025-12-31"); got["001/401000"] != -10000 {
		t.Errorf("by key after keying 401000: %v", got)
	}
	if err := db.Exec(`UPDATE lines SET key = NULL WHERE entry_id = ? AND account = '401000'`, id); err != nil {
		t.Fatal(err)
	}

	// Moving a posted entry to another day moves its totals.
	if err := db.Exec(`UPDATE entries SET date = '2025-07-14' WHERE id = ?`, id); err != nil {
		t.Fatal(err)
	}
	if got := trialBalance(t, db, "2025-01-01", "2025-07-13"); len(got) != 0 {
		t.Errorf("totals left at the old date: %v", got)
	}
	if got := trialBalance(t, db, "2025-07-14", "2025-07-14"); fmt.Sprint(got) != fmt.Sprint(tbBefore) {
		t.Errorf("totals at the new date: %v, want %v", got, tbBefore)
	}
	// Each of these raw edits (label, key, date) is an edit outside
	// Tantième: the totals follow, and the chain names the entry.
	wantOutsideEdit(t, db, id)
}

func TestDeleteAndReplaceKeepTotals(t *testing.T) {
	db := mustCreate(t)
	var call, inv1, inv2 *ledger.Entry
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		call = entry("2025-01-01", "OD", "A0001", dr("450001", "", "400"), dr("450002", "", "300"), dr("450003", "", "300"), cr("701000", "001", "1000"))
		// Two invoices on the same day, account and key: they share a day total.
		inv1 = entry("2025-02-03", "AC", "F1", dr("601000", "001", "60"), cr("401000", "", "60"))
		inv2 = entry("2025-02-03", "AC", "F2", dr("601000", "001", "40"), dr("602000", "001", "5"), cr("401000", "", "45"))
		for _, e := range []*ledger.Entry{call, inv1, inv2} {
			if err := tx.PostEntry(e); err != nil {
				return err
			}
		}
		return nil
	})
	const from, to = "2025-01-01", "2025-12-31"
	full := trialBalance(t, db, from, to)
	if full["601000"].Debit != 10000 || full["401000"].Credit != 10500 {
		t.Fatalf("trial balance: %v", full)
	}

	mustUpdate(t, db, func(tx *ledger.Tx) error { return tx.DeleteEntry(inv1.ID) })
	got := trialBalance(t, db, from, to)
	if got["601000"].Debit != 4000 || got["401000"].Credit != 4500 || got["602000"].Debit != 500 {
		t.Errorf("after deleting F1: %v", got)
	}
	wantNoProblem(t, db)

	mustUpdate(t, db, func(tx *ledger.Tx) error { return tx.DeleteEntry(inv2.ID) })
	got = trialBalance(t, db, from, to)
	if _, ok := got["601000"]; ok {
		t.Errorf("601000 still in the trial balance after deleting both invoices: %v", got)
	}
	if _, ok := got["602000"]; ok {
		t.Errorf("602000 still in the trial balance: %v", got)
	}

	// Replace the call (not the latest entry: a receipt follows) by a
	// smaller one at another date.
	receipt := entry("2025-03-10", "BQ", "R1", dr("512001", "", "400"), cr("450001", "", "400"))
	mustUpdate(t, db, func(tx *ledger.Tx) error { return tx.PostEntry(receipt) })
	repl := entry("2025-04-01", "OD", "A0001", dr("450001", "", "40"), dr("450002", "", "30"), dr("450003", "", "30"), cr("701000", "001", "100"))
	mustUpdate(t, db, func(tx *ledger.Tx) error { return tx.ReplaceEntry(call.ID, repl) })
	if repl.ID != call.ID {
		t.Errorf("replacement ID %d, want the old number %d kept", repl.ID, call.ID)
	}
	mustUpdate(t, db, func(tx *ledger.Tx) error { return tx.DeleteEntry(receipt.ID) })
	if got := trialBalance(t, db, "2025-01-01", "2025-03-31"); len(got) != 0 {
		t.Errorf("totals left at the old date: %v", got)
	}
	got = trialBalance(t, db, from, to)
	if got["450001"].Debit != 4000 || got["701000"].Credit != 10000 || len(got) != 4 {
		t.Errorf("after replacing the call: %v", got)
	}
	wantNoProblem(t, db)

	// A replacement that fails validation leaves the old entry in place.
	err := db.Update(func(tx *ledger.Tx) error {
		return tx.ReplaceEntry(repl.ID, entry("2025-04-01", "OD", "A0001", dr("450001", "", "1"), cr("701000", "001", "2")))
	})
	wantRefused(t, err, "déséquilibrée", "unbalanced replacement")
	if after := trialBalance(t, db, from, to); fmt.Sprint(after) != fmt.Sprint(got) {
		t.Errorf("a failed ReplaceEntry changed the books: %v", after)
	}

	for _, id := range []int64{receipt.ID, 9999} {
		err := db.Update(func(tx *ledger.Tx) error { return tx.DeleteEntry(id) })
		if ledger.KindOf(err) != ledger.NotFound {
			t.Errorf("DeleteEntry(%d): %v, want NotFound", id, err)
		}
	}
}

func TestEntriesFilter(t *testing.T) {
	db := mustCreate(t)
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		for _, e := range []*ledger.Entry{
			entry("2025-01-01", "OD", "A0001", dr("450001", "", "400"), dr("450002", "", "300"), dr("450003", "", "300"), cr("701000", "001", "1000")),
			entry("2025-02-03", "AC", "F1", dr("601000", "001", "55,10"), cr("401000", "", "55,10")),
			entry("2025-03-10", "BQ", "R1", dr("512001", "", "400"), cr("450001", "", "400")),
			entry("2025-04-01", "OD", "A0002", dr("450001", "", "400"), dr("450002", "", "300"), dr("450003", "", "300"), cr("701000", "001", "1000")),
			entry("2026-01-15", "BQ", "R2", dr("512001", "", "300"), cr("450002", "", "300")),
		} {
			switch e.Journal {
			case "OD":
				e.Origin = "call:2025-" + e.Piece
			case "BQ":
				e.Origin = "receipt*" // glob characters are matched literally
			}
			if err := tx.PostEntry(e); err != nil {
				return err
			}
		}
		return nil
	})
	// An entry posted in a transaction that fails later is not in the books.
	abandon := errors.New("abandon")
	if err := db.Update(func(tx *ledger.Tx) error {
		if err := tx.PostEntry(entry("2025-06-01", "OD", "X9", dr("450001", "", "1"), cr("701000", "001", "1"))); err != nil {
			return err
		}
		return abandon
	}); err != abandon {
		t.Fatalf("Update returned %v, want the workflow's own error", err)
	}
	draft(t, db, 500, "2025-05-01", dr("450001", "", "1"), cr("701000", "001", "1"))

	tests := []struct {
		name string
		f    ledger.EntryFilter
		want string // pieces in order
	}{
		{"all", ledger.EntryFilter{}, "A0001 F1 R1 A0002 R2"},
		{"journal", ledger.EntryFilter{Journal: "OD"}, "A0001 A0002"},
		{"from", ledger.EntryFilter{From: ledger.MustDate("2025-03-10")}, "R1 A0002 R2"},
		{"to", ledger.EntryFilter{To: ledger.MustDate("2025-03-10")}, "A0001 F1 R1"},
		{"exercise 2026", ledger.EntryFilter{From: ledger.Date(2026, 1, 1), To: ledger.Date(2026, 12, 31)}, "R2"},
		{"account", ledger.EntryFilter{Account: "450002"}, "A0001 A0002 R2"},
		{"account and journal", ledger.EntryFilter{Account: "512001", Journal: "BQ", To: ledger.Date(2025, 12, 31)}, "R1"},
		{"origin prefix", ledger.EntryFilter{Origin: "call:2025-"}, "A0001 A0002"},
		{"origin exact", ledger.EntryFilter{Origin: "call:2025-A0002"}, "A0002"},
		{"origin with a glob character", ledger.EntryFilter{Origin: "receipt*"}, "R1 R2"},
		{"glob character not a wildcard", ledger.EntryFilter{Origin: "c*"}, ""},
		{"nothing", ledger.EntryFilter{Journal: "AN"}, ""},
	}
	mustView(t, db, func(tx *ledger.Tx) error {
		for _, tt := range tests {
			list, err := tx.Entries(tt.f)
			if err != nil {
				return err
			}
			var pieces []string
			for _, e := range list {
				pieces = append(pieces, e.Piece)
				if d, c := e.Totals(); d != c || len(e.Lines) < 2 {
					t.Errorf("%s: entry %s comes back with %d lines, %v / %v", tt.name, e.Piece, len(e.Lines), d, c)
				}
			}
			if got := strings.Join(pieces, " "); got != tt.want {
				t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
			}
		}
		// Lines come back whole, with the entry's fields.
		list, err := tx.Entries(ledger.EntryFilter{Account: "601000"})
		if err != nil {
			return err
		}
		e := list[0]
		if e.Journal != "AC" || !e.Date.Equal(ledger.Date(2025, time.February, 3)) || e.Label != "test F1" ||
			len(e.Lines) != 2 || e.Lines[0].Key != "001" || e.Lines[0].Debit != 5510 || e.Lines[1].Key != "" || e.Lines[1].Credit != 5510 {
			t.Errorf("entry F1: %+v", e)
		}
		last, err := tx.LastEntryDate()
		if err != nil || !last.Equal(ledger.Date(2026, 1, 15)) {
			t.Errorf("LastEntryDate = %v, %v", last, err)
		}
		if _, err := tx.Entry(500); ledger.KindOf(err) != ledger.NotFound {
			t.Errorf("Entry of a draft: %v, want NotFound", err)
		}
		return nil
	})
}

func TestNextPiece(t *testing.T) {
	db := mustCreate(t)
	next := func(prefix string) string {
		var p string
		mustView(t, db, func(tx *ledger.Tx) error {
			var err error
			p, err = tx.NextPiece(prefix)
			return err
		})
		return p
	}
	if got := next("A"); got != "A0001" {
		t.Errorf("NextPiece(A) on empty books = %q", got)
	}
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		for _, p := range []string{"A0001", "A0002", "A0010", "AB0099", "A12345", "B0007", "A00X1", "[0003"} {
			if err := tx.PostEntry(entry("2025-01-01", "OD", p, dr("450001", "", "1"), cr("701000", "001", "1"))); err != nil {
				return err
			}
		}
		return nil
	})
	for prefix, want := range map[string]string{
		"A":  "A0011", // A12345 and AB0099 are other series
		"AB": "AB0100",
		"B":  "B0008",
		"C":  "C0001",
		"[":  "[0004",
		"":   "0001",
	} {
		if got := next(prefix); got != want {
			t.Errorf("NextPiece(%q) = %q, want %q", prefix, got, want)
		}
	}
}

// Editing or deleting a matched line unmatches its whole group: the letters
// left would claim a balance that no longer holds. A line copied unchanged
// keeps its letter.
func TestReplaceAndDeleteUnmatchBrokenGroups(t *testing.T) {
	db := mustCreate(t)
	var call, receipt, other *ledger.Entry
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		call = entry("2025-01-01", "OD", "A1", ledger.Line{Account: "450001", Debit: amt("100"), Letter: "A"}, cr("701000", "001", "100"))
		receipt = entry("2025-01-10", "BQ", "R1", dr("512001", "", "100"), ledger.Line{Account: "450001", Credit: amt("100"), Letter: "A"})
		other = entry("2025-02-01", "OD", "A2", ledger.Line{Account: "450002", Debit: amt("50"), Letter: "B"}, cr("701000", "001", "50"))
		for _, e := range []*ledger.Entry{call, receipt, other} {
			if err := tx.PostEntry(e); err != nil {
				return err
			}
		}
		return nil
	})
	letters := func() map[string]string {
		out := map[string]string{}
		mustView(t, db, func(tx *ledger.Tx) error {
			es, err := tx.Entries(ledger.EntryFilter{})
			for _, e := range es {
				for _, l := range e.Lines {
					if l.Account[:3] == "450" {
						out[e.Piece] = l.Letter
					}
				}
			}
			return err
		})
		return out
	}
	// The receipt's label changes, its matched line is copied unchanged.
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		e := entry("2025-01-10", "BQ", "R1", dr("512001", "", "100"), ledger.Line{Account: "450001", Credit: amt("100"), Letter: "A"})
		e.Label = "Chèque n° 123"
		return tx.ReplaceEntry(receipt.ID, e)
	})
	if got := letters(); got["A1"] != "A" || got["R1"] != "A" {
		t.Errorf("unchanged matched line lost its letter: %v", got)
	}
	// Its amount changes: the group A is unmatched on both sides.
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		return tx.ReplaceEntry(receipt.ID, entry("2025-01-10", "BQ", "R1", dr("512001", "", "90"), ledger.Line{Account: "450001", Credit: amt("90"), Letter: "A"}))
	})
	if got := letters(); got["A1"] != "" || got["R1"] != "" || got["A2"] != "B" {
		t.Errorf("after changing a matched amount: %v, want A unmatched and B kept", got)
	}
	// Deleting a matched entry unmatches its group.
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		return tx.PostEntry(entry("2025-02-10", "BQ", "R2", dr("512001", "", "50"), ledger.Line{Account: "450002", Credit: amt("50"), Letter: "B"}))
	})
	mustUpdate(t, db, func(tx *ledger.Tx) error { return tx.DeleteEntry(other.ID) })
	if got := letters(); got["R2"] != "" {
		t.Errorf("after deleting a matched entry: %v, want B unmatched", got)
	}
	wantNoProblem(t, db)
}
