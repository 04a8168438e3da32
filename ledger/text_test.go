package ledger_test

import (
	"errors"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"tantieme/ledger"
)

func TestCleanText(t *testing.T) {
	short := ledger.TextKind{Max: 5}
	multi := ledger.TextKind{Max: 10, Multiline: true}
	for _, c := range []struct {
		name string
		in   string
		kind ledger.TextKind
		want string // cleaned value when accepted
		err  string // part of the message when refused
	}{
		{"plain", "abcde", short, "abcde", ""},
		{"accents count as one character", "éèàçœ", short, "éèàçœ", ""},
		{"one over", "abcdef", short, "", "texte trop long (6 caractères ; 5 au plus)"},
		{"accents one over", "éèàçœé", short, "", "texte trop long (6 caractères"},
		{"far too long", strings.Repeat("x", 1<<20), short, "", "texte trop long (1 048 576 caractères ; 5 au plus)"},
		{"CR LF counts as one", "a\r\nb\r\nc", short, "a b c", ""},
		{"invalid UTF-8 counts", "\xff\xff\xff\xff\xff\xff", short, "", "6 caractères"},
		{"tab and line breaks become spaces", "a\tb\r\nc\rd\ne", ledger.TextKind{Max: 9}, "a b c d e", ""},
		{"unicode line separators too", "a\u2028b\u2029c", short, "a b c", ""},
		{"multi-line keeps LF", "a\r\nb\rc\nd\te", multi, "a\nb\nc\nd e", ""},
		{"NUL", "ab\x00c", short, "", "NUL (U+0000) en position 3"},
		{"other C0", "a\x1bb", short, "", "U+001B en position 2"},
		{"vertical tab in a multi-line field", "a\vb", multi, "", "U+000B"},
		{"DEL", "a\x7f", short, "", "DEL (U+007F)"},
		{"C1 (NEL)", "a\u0085", short, "", "U+0085"},
		{"bidi override", "ab\u202ec", short, "", "U+202E en position 3"},
		{"bidi isolate", "\u2067ab", short, "", "U+2067 en position 1"},
		{"invalid UTF-8", "a\xffb", short, "", "octet 0xFF en position 2"},
		{"no-break space is text", "1\u00a0000", short, "1\u00a0000", ""},
		{"left-to-right mark is text", "a\u200eb", short, "a\u200eb", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := ledger.CleanText("nom du test", c.in, c.kind)
			if c.err == "" {
				if err != nil || got != c.want {
					t.Errorf("CleanText(%q) = %q, %v; want %q", c.in, got, err, c.want)
				}
				return
			}
			var te *ledger.TextError
			if err == nil || ledger.KindOf(err) != ledger.Invalid || !errors.As(err, &te) {
				t.Fatalf("CleanText(%q) = %q, %v; want an Invalid *TextError", c.in, got, err)
			}
			if msg := ledger.Message(err); !strings.HasPrefix(msg, "Nom du test : ") || !strings.Contains(msg, c.err) {
				t.Errorf("message %q, want the field and %q", msg, c.err)
			}
			if te.Field != "nom du test" || strings.Contains(te.Problem, "Nom du test") {
				t.Errorf("TextError %+v: the problem must not repeat the field", te)
			}
		})
	}
}

// A value CleanText refuses is refused by every write of the books, with a
// message naming the field; a value it cleans is stored cleaned.
func TestTextLimitsThroughGo(t *testing.T) {
	db := mustCreate(t)
	overName := strings.Repeat("é", ledger.MaxNameText+1<<20) // 1 M characters over
	for _, c := range []struct {
		name  string
		write func(tx *ledger.Tx) error
		field string
	}{
		{"owner name 1 M over", func(tx *ledger.Tx) error { return tx.AddOwner(&ledger.Owner{Name: overName}) }, "Nom du copropriétaire"},
		{"owner name with NUL", func(tx *ledger.Tx) error { return tx.AddOwner(&ledger.Owner{Name: "Dupont\x00Zoé"}) }, "Nom du copropriétaire"},
		{"owner notes over", func(tx *ledger.Tx) error {
			return tx.AddOwner(&ledger.Owner{Name: "Noé", Notes: strings.Repeat("n", ledger.MaxNotesText+1)})
		}, "Notes sur le copropriétaire"},
		{"owner update", func(tx *ledger.Tx) error {
			o, err := tx.Owner("450001")
			if err != nil {
				return err
			}
			o.Email = "a\u202e@b.fr"
			return tx.UpdateOwner(o)
		}, "E-mail du copropriétaire"},
		{"supplier", func(tx *ledger.Tx) error {
			return tx.AddSupplier(&ledger.Supplier{Name: "EDF", Contact: overName})
		}, "Contact chez le fournisseur"},
		{"lot", func(tx *ledger.Tx) error { return tx.AddLot(ledger.Lot{Number: "9", Floor: "3\x07"}) }, "Étage du lot"},
		{"key", func(tx *ledger.Tx) error {
			return tx.AddKey(ledger.Key{Code: "009", Label: strings.Repeat("k", ledger.MaxNameText+1)})
		}, "Libellé de la clé"},
		{"account", func(tx *ledger.Tx) error {
			return tx.AddAccount(ledger.Account{Code: "606100", Label: strings.Repeat("k", ledger.MaxLabelText+1)})
		}, "Libellé du compte"},
		{"residence", func(tx *ledger.Tx) error {
			return tx.SaveResidence(ledger.Residence{Name: "Les Tests", SyndicAddress: "1 rue\x00"})
		}, "Adresse du syndic"},
		{"bank account", func(tx *ledger.Tx) error {
			return tx.SaveBankAccount(ledger.BankAccount{Account: "512002", Label: strings.Repeat("b", ledger.MaxNameText+1)})
		}, "Libellé du compte bancaire"},
		{"option", func(tx *ledger.Tx) error { return tx.SetOption("dossier", strings.Repeat("/", ledger.MaxOptionText+1)) }, "Option « dossier »"},
		{"letter template", func(tx *ledger.Tx) error {
			return tx.SetLetterTemplate("appel", strings.Repeat("t", ledger.MaxTemplateText+1))
		}, "Modèle de lettre « appel »"},
		{"entry label", func(tx *ledger.Tx) error {
			e := entry("2025-03-01", "OD", "P1", dr("450001", "", "10"), cr("512001", "", "10"))
			e.Label = strings.Repeat("l", ledger.MaxLabelText+1)
			return tx.PostEntry(e)
		}, "Libellé de l'écriture P1 du 01/03/2025"},
		{"entry piece", func(tx *ledger.Tx) error {
			return tx.PostEntry(entry("2025-03-01", "OD", strings.Repeat("p", ledger.MaxShortText+1), dr("450001", "", "10"), cr("512001", "", "10")))
		}, "Pièce de l'écriture du 01/03/2025"},
		{"line label", func(tx *ledger.Tx) error {
			l := dr("450001", "", "10")
			l.Label = "a\x1bb"
			return tx.PostEntry(entry("2025-03-01", "OD", "P2", l, cr("512001", "", "10")))
		}, "Libellé de l'écriture P2 du 01/03/2025, ligne 1"},
		{"receipt drawer", func(tx *ledger.Tx) error {
			_, err := tx.PostReceipt(&ledger.Receipt{Owner: "450001", Date: ledger.Date(2025, 3, 1), Journal: "BQ", Amount: 1000,
				Mode: ledger.ByCheque, BankAccount: "512001", Drawer: "Zoé\u0085"})
			return err
		}, "Tireur du chèque du règlement du 01/03/2025"},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := db.Update(c.write)
			if ledger.KindOf(err) != ledger.Invalid || !strings.HasPrefix(ledger.Message(err), c.field+" : ") {
				t.Fatalf("got %v; want Invalid naming %q", err, c.field)
			}
			if len(ledger.Message(err)) > 300 {
				t.Errorf("message of %d bytes: it must not repeat the text", len(ledger.Message(err)))
			}
		})
	}
	mustView(t, db, func(tx *ledger.Tx) error {
		o, err := tx.Owner("450001")
		if err != nil || o.Email != "" || o.Name != "Dupont Zoé" {
			t.Errorf("owner 450001 changed: %+v %v", o, err)
		}
		owners, _ := tx.Owners()
		if len(owners) != 3 {
			t.Errorf("%d owners, want the 3 of the setup", len(owners))
		}
		return nil
	})

	// Cleaned, not refused: breaks in one-line fields, CR LF in addresses.
	o := ledger.Owner{Name: " Petit\tJean\r\n", Address: "1 rue Haute\r\nBât. A", City: "Lyon\n"}
	mustUpdate(t, db, func(tx *ledger.Tx) error { return tx.AddOwner(&o) })
	mustView(t, db, func(tx *ledger.Tx) error {
		got, err := tx.Owner(o.Account)
		if err != nil {
			return err
		}
		if got.Name != "Petit Jean" || got.Address != "1 rue Haute\nBât. A" || got.City != "Lyon " {
			t.Errorf("stored %q %q %q", got.Name, got.Address, got.City)
		}
		return nil
	})
}

// The schema refuses what CleanText refuses, for writes that bypass the Go
// checks (raw SQL, a tool): too long, NUL anywhere (SQLite's length() and
// GLOB stop at a NUL), other controls, bidi overrides.
func TestTextLimitsThroughSQL(t *testing.T) {
	db := mustCreate(t)
	long := strings.Repeat("é", ledger.MaxNameText+1<<20)
	for _, c := range []struct {
		name  string
		query string
		args  []any
		ok    bool
	}{
		{"insert long name", `INSERT INTO owners (account, name) VALUES ('450009', ?)`, []any{long}, false},
		{"account of the owner", `INSERT INTO accounts (code, label) VALUES ('450009', 'Neuf')`, nil, true},
		{"insert name at the limit", `INSERT INTO owners (account, name) VALUES ('450009', ?)`, []any{strings.Repeat("é", ledger.MaxNameText)}, true},
		{"update long name", `UPDATE owners SET name = ? WHERE account = '450001'`, []any{long}, false},
		{"NUL after a short prefix", `UPDATE owners SET name = ? WHERE account = '450001'`, []any{"Zoé\x00" + long}, false},
		{"NUL from SQL", `UPDATE owners SET name = 'Zoé' || char(0) || 'x' WHERE account = '450001'`, nil, false},
		{"blob with NUL", `UPDATE owners SET name = x'5A00' WHERE account = '450001'`, nil, false},
		{"escape", `UPDATE owners SET name = ? WHERE account = '450001'`, []any{"a\x1b[31m"}, false},
		{"LF in a one-line field", `UPDATE owners SET name = ? WHERE account = '450001'`, []any{"a\nb"}, false},
		{"LF in an address", `UPDATE owners SET address = ? WHERE account = '450001'`, []any{"1 rue Haute\nBât. A"}, true},
		{"TAB in an address", `UPDATE owners SET address = ? WHERE account = '450001'`, []any{"1\true"}, false},
		{"C1", `UPDATE suppliers SET name = ?`, []any{"x\u0090"}, true}, // no supplier: nothing updated
		{"bidi", `UPDATE keys SET label = ? WHERE code = '001'`, []any{"Charges \u202egénérales"}, false},
		{"entry label", `UPDATE entries SET label = ?`, []any{strings.Repeat("l", ledger.MaxLabelText+1)}, true}, // no entry yet
		{"letter template", `INSERT INTO letter_templates (name, body) VALUES ('appel', ?)`, []any{strings.Repeat("t\n", ledger.MaxTemplateText/2+1)}, false},
		{"option", `INSERT INTO options (name, value) VALUES ('x', ?)`, []any{strings.Repeat("o", ledger.MaxOptionText+1)}, false},
		{"accents at the limit", `UPDATE residence SET city = ?`, []any{strings.Repeat("ç", ledger.MaxNameText)}, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := db.Exec(c.query, c.args...)
			if c.ok {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			if ledger.KindOf(err) != ledger.Invalid || !strings.Contains(ledger.Message(err), "texte trop long") {
				t.Fatalf("got %v; want the schema's refusal", err)
			}
		})
	}
	mustView(t, db, func(tx *ledger.Tx) error {
		o, err := tx.Owner("450001")
		if err != nil || o.Name != "Dupont Zoé" {
			t.Errorf("owner 450001 is now %q (%v)", o.Name, err)
		}
		return nil
	})
	// A value written before the limits does not block an update of
	// another column, nor a rewrite of the same value.
	if err := db.Exec(`DROP TRIGGER owners_notes_text_update`); err != nil {
		t.Fatal(err)
	}
	if err := db.Exec(`UPDATE owners SET notes = ? WHERE account = '450002'`, "x\x01"); err != nil {
		t.Fatal(err)
	}
	if err := db.Exec(`UPDATE owners SET name = 'Garçon Loïc', notes = notes, phone = '0102' WHERE account = '450002'`); err != nil {
		t.Errorf("update beside an old value: %v", err)
	}
}

// CleanText accepts only what it can keep, never grows a text past its
// limit, and is idempotent; SafeText always gives a text an export can
// write.
func FuzzCleanText(f *testing.F) {
	for _, s := range []string{"", "Dupont Zoé", "a\r\nb", "a\x00b", "\u202e", "\xff", "a\u2028b\tc", strings.Repeat("é", 12)} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, multiline bool) {
		kind := ledger.TextKind{Max: 10, Multiline: multiline}
		got, err := ledger.CleanText("champ", s, kind)
		if err == nil {
			if !utf8.ValidString(got) || utf8.RuneCountInString(got) > kind.Max {
				t.Fatalf("CleanText(%q) = %q: invalid or too long", s, got)
			}
			for _, r := range got {
				if r < 0x20 && !(multiline && r == '\n') || r >= 0x7f && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x2028 || r == 0x2029 {
					t.Fatalf("CleanText(%q) = %q keeps U+%04X", s, got, r)
				}
			}
			if again, err := ledger.CleanText("champ", got, kind); err != nil || again != got {
				t.Fatalf("CleanText not idempotent on %q: %q %v", got, again, err)
			}
		}
		safe := ledger.SafeText(s, multiline)
		if !utf8.ValidString(safe) {
			t.Fatalf("SafeText(%q) = %q: invalid UTF-8", s, safe)
		}
		for _, r := range safe {
			if unicode.IsControl(r) && !(multiline && r == '\n') || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 {
				t.Fatalf("SafeText(%q) = %q keeps U+%04X", s, safe, r)
			}
		}
		if _, err := ledger.CleanText("champ", safe, ledger.TextKind{Max: len(safe) + 1, Multiline: multiline}); err != nil && len(safe) > 0 {
			t.Fatalf("SafeText(%q) = %q, which CleanText refuses: %v", s, safe, err)
		}
	})
}
