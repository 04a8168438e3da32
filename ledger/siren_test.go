package ledger_test

import (
	"testing"

	"tantieme/ledger"
)

func TestNormalizeSIREN(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"", "", true},
		{"   ", "", true},
		{"732 829 320", "732829320", true}, // a real, Luhn-valid SIREN
		{"732829320", "732829320", true},
		{"732.829.320", "732829320", true},
		{"356000000", "356000000", true}, // La Poste: the documented exception
		{"732829321", "", false},         // wrong key
		{"73282932", "", false},          // 8 digits
		{"7328293200", "", false},        // 10 digits
		{"73282932A", "", false},
		{"000000000", "", false}, // the FEC's stand-in for none
	} {
		got, err := ledger.NormalizeSIREN(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("ledger.NormalizeSIREN(%q) = %q, %v; want %q, ok=%v", tc.in, got, err, tc.want, tc.ok)
		}
	}
}

func TestResidenceSIRENRoundTrip(t *testing.T) {
	r := mustCreate(t)
	save := func(siren string) error {
		return r.Update(func(tx *ledger.Tx) error {
			res, err := tx.Residence()
			if err != nil {
				return err
			}
			res.SIREN = siren
			return tx.SaveResidence(res)
		})
	}
	read := func() string {
		var s string
		if err := r.View(func(tx *ledger.Tx) error {
			res, err := tx.Residence()
			s = res.SIREN
			return err
		}); err != nil {
			t.Fatal(err)
		}
		return s
	}
	if got := read(); got != "" {
		t.Fatalf("new residence has SIREN %q", got)
	}
	if err := save("732 829 320"); err != nil {
		t.Fatal(err)
	}
	if got := read(); got != "732829320" {
		t.Fatalf("SIREN read back %q", got)
	}
	if err := save("732829321"); ledger.KindOf(err) != ledger.Invalid {
		t.Fatalf("bad key accepted: %v", err)
	}
	if got := read(); got != "732829320" {
		t.Fatalf("refused save changed the SIREN to %q", got)
	}
	if err := save(""); err != nil {
		t.Fatal(err)
	}
	if got := read(); got != "" {
		t.Fatalf("cleared SIREN reads %q", got)
	}
}

// A SIRET is the SIREN, 5 digits and a Luhn key over the fourteen:
// 732 829 320 00074 is INSEE's example (key: the doubled digits from the
// right, 7+4+… ≡ 0 mod 10); 00075 breaks the key, 73282932100074 breaks
// the SIREN's.
func TestNormalizeSIRET(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"", "", true},
		{"732 829 320 00074", "73282932000074", true},
		{"73282932000074", "73282932000074", true},
		{"35600000000048", "35600000000048", true}, // La Poste
		{"73282932000075", "", false},
		{"73282932100074", "", false},
		{"7328293200007", "", false},
		{"7328293200007A", "", false},
	} {
		got, err := ledger.NormalizeSIRET(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("ledger.NormalizeSIRET(%q) = %q, %v; want %q, ok=%v", tc.in, got, err, tc.want, tc.ok)
		}
	}
}
