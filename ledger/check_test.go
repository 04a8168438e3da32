package ledger_test

import (
	"strings"
	"testing"

	"tantieme/ledger"
)

// saneResidence is a residence with a year of books, 2025 closed and carried
// forward, and some 2026 entries.
func saneResidence(t *testing.T) *ledger.DB {
	t.Helper()
	db := mustCreate(t)
	post2025(t, db)
	carryForward(t, db)
	post2026(t, db)
	return db
}

func TestCheckSaneResidence(t *testing.T) {
	db := saneResidence(t)
	for _, full := range []bool{false, true} {
		problems, err := db.Check(full)
		if err != nil {
			t.Fatal(err)
		}
		if len(problems) != 0 {
			t.Errorf("Check(%v) on sane books: %v", full, problems)
		}
	}
}

func TestCheckFindsProblems(t *testing.T) {
	tests := []struct {
		name     string
		tamper   []string
		severity string
		want     string // part of a problem's text
	}{
		{"day total changed", []string{`UPDATE day_totals SET debit = debit + 1 WHERE account = '601000' AND date = '2026-03-01'`},
			"erreur", "totaux journaliers du compte 601000 au 2026-03-01 incohérents avec les lignes (clé 001)"},
		{"day total removed", []string{`DELETE FROM day_totals WHERE account = '512001' AND date = '2026-02-01'`},
			"erreur", "totaux journaliers du compte 512001 au 2026-02-01 incohérents"},
		{"day total invented", []string{`INSERT INTO day_totals VALUES ('615000', '001', '2026-05-05', 0, 100, 0)`},
			"erreur", "totaux journaliers du compte 615000 au 2026-05-05 incohérents"},
		{"lock trigger dropped", []string{`DROP TRIGGER entries_lock_update`},
			"erreur", "la protection « entries_lock_update » du fichier a été retirée"},
		{"frozen trigger dropped", []string{`DROP TRIGGER lines_frozen_delete`},
			"erreur", "la protection « lines_frozen_delete » du fichier a été retirée"},
		{"key total differs", []string{`UPDATE keys SET declared_total = '999' WHERE code = '001'`},
			"erreur", "clé 001 « Charges générales » : total déclaré 999, somme des tantièmes des lots 1000"},
		{"lot without owner", []string{`INSERT INTO lots (number) VALUES ('5')`},
			"erreur", "le lot 5 n'a pas de propriétaire"},
		{"draft entry", []string{`INSERT INTO entries (id, journal, date) VALUES (77, 'OD', '2026-04-01')`,
			`INSERT INTO lines (entry_id, account, debit) VALUES (77, '450001', 100)`},
			"attention", "l'écriture n° 77 du 2026-04-01 n'est pas validée (brouillon ignoré dans les comptes, lignes : 1)"},
		// Triggers dropped first, as a tool editing the file might do.
		{"unbalanced posted entry", []string{`DROP TRIGGER lines_frozen_update`,
			`UPDATE lines SET debit = debit + 5 WHERE id = (SELECT min(l.id) FROM lines l JOIN entries e ON e.id = l.entry_id WHERE e.piece = 'R2' AND l.debit > 0)`},
			"erreur", "n'est pas équilibrée (écart de 5 centimes)"},
		{"line on a missing account", []string{`DROP TRIGGER accounts_delete`, `PRAGMA foreign_keys = OFF`, `DELETE FROM accounts WHERE code = '614000'`},
			"erreur", "le compte 614000 n'existe pas dans le plan comptable"},
		{"schema version", []string{`PRAGMA user_version = 0`},
			"erreur", "version du schéma 0 au lieu de"},
		{"exercise closed after an open one", []string{`UPDATE exercises SET closed = 1 WHERE start = '2027-01-01'`},
			"erreur", "l'exercice 2027 est clos alors que l'exercice 2026 qui le précède ne l'est pas"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := saneResidence(t)
			for _, q := range tt.tamper {
				if err := db.Exec(q); err != nil {
					t.Fatalf("%s: %v", q, err)
				}
			}
			problems, err := db.Check(false)
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, p := range problems {
				if strings.Contains(p.Text, tt.want) {
					found = true
					if p.Severity != tt.severity {
						t.Errorf("%q is %q, want %q", p.Text, p.Severity, tt.severity)
					}
					if !strings.HasPrefix(p.String(), p.Severity+" : ") {
						t.Errorf("Problem.String() = %q", p.String())
					}
				}
			}
			if !found {
				t.Errorf("Check did not report %q; got %v", tt.want, problems)
			}
		})
	}
}
