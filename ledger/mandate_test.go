package ledger_test

import (
	"strings"
	"testing"

	"tantieme/ledger"
)

// Valid IBANs of the standard's examples, for owners' mandates.
const (
	ibanFR = "FR14 2004 1010 0505 0001 3M02 606"
	ibanDE = "DE89 3704 0044 0532 0130 00"
	ibanGB = "GB82 WEST 1234 5698 7654 32"
)

// TestAddMandate: what a mandate must be; a refused one leaves nothing.
func TestAddMandate(t *testing.T) {
	signed := ledger.Date(2025, 3, 1)
	tests := []struct {
		name string
		m    ledger.Mandate
		want string // part of the refusal; "" when accepted
	}{
		{"typed RUM", ledger.Mandate{Owner: "450001", RUM: "RUM-ZOE-1", IBAN: ibanFR, BIC: "bnpafrpp", Signed: signed}, ""},
		{"second in force", ledger.Mandate{Owner: "450001", RUM: "RUM-ZOE-2", IBAN: ibanDE, Signed: signed}, "un mandat est déjà en vigueur (RUM RUM-ZOE-1) ; révoquez-le d'abord"},
		{"duplicate RUM", ledger.Mandate{Owner: "450002", RUM: "RUM-ZOE-1", IBAN: ibanDE, Signed: signed}, "la RUM « RUM-ZOE-1 » a déjà été donnée"},
		{"bad IBAN", ledger.Mandate{Owner: "450002", IBAN: "FR14 2004 1010 0505 0001 3M02 607", Signed: signed}, "l'IBAN « FR1420041010050500013M02607 » n'est pas valide"},
		{"bad BIC", ledger.Mandate{Owner: "450002", IBAN: ibanDE, BIC: "BNP1FRPP", Signed: signed}, "le BIC « BNP1FRPP »"},
		{"bad RUM", ledger.Mandate{Owner: "450002", RUM: "RUM ÉTÉ", IBAN: ibanDE, Signed: signed}, "la RUM « RUM ÉTÉ » doit avoir"},
		{"no signature", ledger.Mandate{Owner: "450002", IBAN: ibanDE}, "date de signature est obligatoire"},
		{"signed tomorrow", ledger.Mandate{Owner: "450002", IBAN: ibanDE, Signed: ledger.Today().AddDate(0, 0, 1)}, "postérieure à aujourd'hui"},
		{"unknown owner", ledger.Mandate{Owner: "450009", IBAN: ibanDE, Signed: signed}, "450009 n'existe pas"},
		{"generated RUM", ledger.Mandate{Owner: "450002", IBAN: ibanDE, Signed: signed}, ""},
	}
	db := mustCreate(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := tt.m
			err := db.Update(func(tx *ledger.Tx) error { return tx.AddMandate(&m) })
			if tt.want != "" {
				if err == nil || !strings.Contains(ledger.Message(err), tt.want) {
					t.Fatalf("err %v, want %q", err, tt.want)
				}
				mustView(t, db, func(tx *ledger.Tx) error {
					list, err := tx.Mandates(tt.m.Owner)
					if tt.m.Owner == "450002" && len(list) != 0 {
						t.Errorf("a refused mandate was recorded: %+v", list)
					}
					return err
				})
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if m.ID == 0 {
				t.Error("no id written back")
			}
		})
	}
	mustView(t, db, func(tx *ledger.Tx) error {
		m, ok, err := tx.MandateInForce("450002")
		if err != nil || !ok {
			t.Fatalf("450002 in force: %v %v", ok, err)
		}
		// « Les Tests » → TESTS, the owner, his first mandate.
		if m.RUM != "TESTS-450002-01" || m.IBAN != "DE89370400440532013000" || m.Sequence() != ledger.SequenceFirst {
			t.Errorf("generated mandate %+v", m)
		}
		z, _, _ := tx.MandateInForce("450001")
		if z.BIC != "BNPAFRPP" {
			t.Errorf("BIC not normalised: %q", z.BIC)
		}
		return nil
	})
}

// TestRevokeMandate: a revoked mandate frees the owner for a new one, and
// its RUM stays taken for good.
func TestRevokeMandate(t *testing.T) {
	db := mustCreate(t)
	signed := ledger.Date(2025, 3, 1)
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		return tx.AddMandate(&ledger.Mandate{Owner: "450001", RUM: "OLD-1", IBAN: ibanFR, Signed: signed})
	})
	err := db.Update(func(tx *ledger.Tx) error { _, err := tx.RevokeMandate("450001", ledger.Date(2025, 2, 1)); return err })
	if err == nil || !strings.Contains(ledger.Message(err), "précède sa signature") {
		t.Fatalf("revoked before signed: %v", err)
	}
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		_, err := tx.RevokeMandate("450001", ledger.Date(2025, 6, 1))
		return err
	})
	err = db.Update(func(tx *ledger.Tx) error { _, err := tx.RevokeMandate("450001", ledger.Date(2025, 7, 1)); return err })
	if err == nil || !strings.Contains(ledger.Message(err), "pas de mandat de prélèvement en vigueur") {
		t.Fatalf("revoked twice: %v", err)
	}
	err = db.Update(func(tx *ledger.Tx) error {
		return tx.AddMandate(&ledger.Mandate{Owner: "450002", RUM: "OLD-1", IBAN: ibanDE, Signed: signed})
	})
	if err == nil || !strings.Contains(ledger.Message(err), "même révoquée") {
		t.Fatalf("revoked RUM reused: %v", err)
	}
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		m := ledger.Mandate{Owner: "450001", IBAN: ibanGB, Signed: ledger.Date(2025, 6, 2)}
		if err := tx.AddMandate(&m); err != nil {
			return err
		}
		if m.RUM != "TESTS-450001-02" {
			t.Errorf("second mandate's RUM %q", m.RUM)
		}
		list, err := tx.Mandates("450001")
		if len(list) != 2 || list[0].RUM != m.RUM || list[1].InForce() {
			t.Errorf("mandates %+v", list)
		}
		return err
	})
}

// TestMandateLapse: 36 months without a collection, counted from the last
// one or from the signature; FRST then RCUR; flagged after two returns.
func TestMandateLapse(t *testing.T) {
	db := mustCreate(t)
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		for _, m := range []ledger.Mandate{
			{Owner: "450001", RUM: "A", IBAN: ibanFR, Signed: ledger.Date(2022, 5, 10)},
			{Owner: "450002", RUM: "B", IBAN: ibanDE, Signed: ledger.Date(2022, 5, 10)},
			{Owner: "450003", RUM: "C", IBAN: ibanGB, Signed: ledger.Date(2025, 9, 1)},
		} {
			if err := tx.AddMandate(&m); err != nil {
				return err
			}
		}
		b, _, _ := tx.MandateInForce("450002")
		if err := tx.MandateCollected(b.ID, ledger.Date(2023, 1, 5)); err != nil {
			return err
		}
		return tx.MandateCollected(b.ID, ledger.Date(2024, 1, 5))
	})
	tests := []struct {
		day            string
		usable, lapsed string
	}{
		{"2025-05-09", "A B", ""},
		{"2025-05-10", "B", "A"}, // signed 2022-05-10, never used
		{"2025-09-01", "B C", "A"},
		{"2027-01-04", "B C", "A"},
		{"2027-01-05", "C", "A B"}, // last collected 2024-01-05
	}
	for _, tt := range tests {
		mustView(t, db, func(tx *ledger.Tx) error {
			u, l, err := tx.MandatesInForce(ledger.MustDate(tt.day))
			if got := rums(u); got != tt.usable {
				t.Errorf("%s usable %q, want %q", tt.day, got, tt.usable)
			}
			if got := rums(l); got != tt.lapsed {
				t.Errorf("%s lapsed %q, want %q", tt.day, got, tt.lapsed)
			}
			return err
		})
	}
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		b, _, _ := tx.MandateInForce("450002")
		if b.Sequence() != ledger.SequenceRecurrent || !b.FirstCollection.Equal(ledger.Date(2023, 1, 5)) || !b.LastCollection.Equal(ledger.Date(2024, 1, 5)) {
			t.Errorf("collected mandate %+v", b)
		}
		for i := 0; i < 2; i++ {
			if b.Flagged() {
				t.Errorf("flagged after %d returns", i)
			}
			if err := tx.MandateReturned(b.ID); err != nil {
				return err
			}
			b, _, _ = tx.MandateInForce("450002")
		}
		if !b.Flagged() || !strings.Contains(b.State(ledger.Date(2025, 1, 1)), "2 prélèvements rejetés") {
			t.Errorf("not flagged after two returns: %+v", b)
		}
		return nil
	})
}

func rums(list []ledger.Mandate) string {
	var s []string
	for _, m := range list {
		s = append(s, m.RUM)
	}
	return strings.Join(s, " ")
}
