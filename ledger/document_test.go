package ledger_test

import (
	"strings"
	"testing"

	"tantieme/ledger"
)

const sumA = "0000000000000000000000000000000000000000000000000000000000000001"
const sumB = "0000000000000000000000000000000000000000000000000000000000000002"

// TestRegisterDocument: what the register refuses, one line per file, a
// file produced again updates its line, withdrawal keeps it.
func TestRegisterDocument(t *testing.T) {
	db := mustCreate(t)
	day := ledger.Date(2025, 4, 1)
	tests := []struct {
		name string
		d    ledger.Document
		want string
	}{
		{"notice", ledger.Document{Kind: "notice", Date: day, Title: "Appel du 01/04/2025", File: "Appels/a.pdf", SHA256: sumA, Size: 10, Owners: []string{"450002", "450001", "450002"}}, ""},
		{"unknown kind", ledger.Document{Kind: "nope", Date: day, Title: "x", File: "x.pdf", SHA256: sumA}, "Genre de document inconnu"},
		{"unknown binder", ledger.Document{Kind: "other", Binder: "nope", Date: day, Title: "x", File: "x.pdf", SHA256: sumA}, "Classeur inconnu"},
		{"no title", ledger.Document{Kind: "other", Date: day, File: "x.pdf", SHA256: sumA}, "Donnez un titre"},
		{"no date", ledger.Document{Kind: "other", Title: "x", File: "x.pdf", SHA256: sumA}, "n'a pas de date"},
		{"control", ledger.Document{Kind: "other", Date: day, Title: "a\x07b", File: "x.pdf", SHA256: sumA}, "caractère"},
		{"bad sum", ledger.Document{Kind: "other", Date: day, Title: "x", File: "x.pdf", SHA256: "ABC"}, "SHA-256"},
		{"unknown owner", ledger.Document{Kind: "other", Date: day, Title: "x", File: "x.pdf", SHA256: sumA, Owners: []string{"459999"}}, "Copropriétaire inconnu"},
	}
	for _, tt := range tests {
		err := db.Update(func(tx *ledger.Tx) error { _, err := tx.RegisterDocument(tt.d); return err })
		if (err == nil) != (tt.want == "") || err != nil && !strings.Contains(ledger.Message(err), tt.want) {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.want)
		}
	}
	var docs []ledger.Document
	mustView(t, db, func(tx *ledger.Tx) (err error) { docs, err = tx.Documents(ledger.DocumentFilter{}); return })
	if len(docs) != 1 || docs[0].Binder != "releves" || strings.Join(docs[0].Owners, ",") != "450001,450002" {
		t.Fatalf("register %+v", docs)
	}
	// Produced again: same line, new content and owners.
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		id, err := tx.RegisterDocument(ledger.Document{Kind: "notice", Date: day, Title: "Appel du 01/04/2025", File: "Appels/a.pdf", SHA256: sumB, Size: 11, Owners: []string{"450003"}})
		if id != docs[0].ID {
			t.Errorf("id %d, want %d", id, docs[0].ID)
		}
		return err
	})
	mustView(t, db, func(tx *ledger.Tx) (err error) {
		docs, err = tx.Documents(ledger.DocumentFilter{Owner: "450003"})
		return
	})
	if len(docs) != 1 || docs[0].SHA256 != sumB || docs[0].Size != 11 {
		t.Fatalf("after producing again %+v", docs)
	}
	mustView(t, db, func(tx *ledger.Tx) (err error) {
		docs, err = tx.Documents(ledger.DocumentFilter{Owner: "450001"})
		return
	})
	if len(docs) != 0 {
		t.Fatalf("450001 still has %+v", docs)
	}
	mustUpdate(t, db, func(tx *ledger.Tx) error { return tx.WithdrawDocument(1, day) })
	mustView(t, db, func(tx *ledger.Tx) (err error) { docs, err = tx.Documents(ledger.DocumentFilter{}); return })
	if len(docs) != 0 {
		t.Fatalf("withdrawn still listed %+v", docs)
	}
	mustView(t, db, func(tx *ledger.Tx) (err error) {
		docs, err = tx.Documents(ledger.DocumentFilter{Withdrawn: true})
		return
	})
	if len(docs) != 1 || docs[0].Live() {
		t.Fatalf("withdrawn %+v", docs)
	}
	if err := db.Update(func(tx *ledger.Tx) error { return tx.WithdrawDocument(1, day) }); err == nil {
		t.Error("withdrawn twice")
	}
}

// TestBinders: the seed's grid with its two departures, editable, and a
// binder added.
func TestBinders(t *testing.T) {
	db := mustCreate(t)
	var bs []ledger.Binder
	mustView(t, db, func(tx *ledger.Tx) (err error) { bs, err = tx.Binders(); return })
	if len(bs) != 13 || bs[0].Label != "Assemblées générales" || bs[12].Label != "Relevés de charges" {
		t.Fatalf("binders %+v", bs)
	}
	for _, b := range bs {
		switch b.Code {
		case "bordereaux", "conseil":
			if b.Sees(ledger.AudienceOwner) || b.Sees(ledger.AudienceOwners) || !b.Sees(ledger.AudienceCouncil) {
				t.Errorf("%s: %v", b.Code, b.Audiences)
			}
		case "contentieux":
			if !b.Sees(ledger.AudienceOwner) || b.Sees(ledger.AudienceOwners) {
				t.Errorf("%s: %v", b.Code, b.Audiences)
			}
		default:
			if !b.Sees(ledger.AudienceOwners) || b.Sees(ledger.AudienceSupplier) {
				t.Errorf("%s: %v", b.Code, b.Audiences)
			}
		}
	}
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		return tx.SetBinderAudiences("carnet", map[ledger.Audience]bool{ledger.AudienceSupplier: true, ledger.AudienceCouncil: true})
	})
	var code string
	mustUpdate(t, db, func(tx *ledger.Tx) (err error) { code, err = tx.AddBinder("Plans de l'immeuble"); return })
	if code != "plans_de_l_immeuble" {
		t.Errorf("code %q", code)
	}
	if err := db.Update(func(tx *ledger.Tx) error { _, err := tx.AddBinder("plans de l'immeuble"); return err }); err == nil {
		t.Error("same binder twice")
	}
	mustView(t, db, func(tx *ledger.Tx) (err error) { bs, err = tx.Binders(); return })
	if len(bs) != 14 || bs[13].Code != code || !bs[13].Sees(ledger.AudienceCouncil) || bs[13].Sees(ledger.AudienceOwners) {
		t.Fatalf("added %+v", bs[13])
	}
	if bs[3].Code != "carnet" || !bs[3].Sees(ledger.AudienceSupplier) || bs[3].Sees(ledger.AudienceOwners) {
		t.Fatalf("carnet %+v", bs[3])
	}
}

// TestConsent: art. 42-1 consent given, changed with a new address,
// withdrawn; the history stays.
func TestConsent(t *testing.T) {
	db := mustCreate(t)
	if err := db.Update(func(tx *ledger.Tx) error {
		return tx.GiveConsent("450001", "pas une adresse", ledger.Date(2025, 1, 10))
	}); err == nil {
		t.Error("bad address accepted")
	}
	mustUpdate(t, db, func(tx *ledger.Tx) error { return tx.GiveConsent("450001", "zoe@exemple.fr", ledger.Date(2025, 1, 10)) })
	mustUpdate(t, db, func(tx *ledger.Tx) error { return tx.GiveConsent("450001", "zoe@exemple.fr", ledger.Date(2025, 2, 10)) }) // told again
	if err := db.Update(func(tx *ledger.Tx) error { return tx.GiveConsent("450001", "z@exemple.fr", ledger.Date(2024, 1, 1)) }); err == nil {
		t.Error("a new consent before the one in force")
	}
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		return tx.GiveConsent("450001", "zoe.b@exemple.fr", ledger.Date(2025, 3, 1))
	})
	mustView(t, db, func(tx *ledger.Tx) error {
		c, ok, err := tx.Consent("450001")
		if err != nil || !ok || c.Email != "zoe.b@exemple.fr" || !c.Given.Equal(ledger.Date(2025, 3, 1)) {
			t.Errorf("consent %+v %v %v", c, ok, err)
		}
		o, _ := tx.Owner("450001")
		if o.Email != "zoe.b@exemple.fr" {
			t.Errorf("owner's e-mail %q", o.Email)
		}
		h, _ := tx.ConsentHistory("450001")
		if len(h) != 2 || h[0].InForce() || !h[0].Revoked.Equal(ledger.Date(2025, 3, 1)) {
			t.Errorf("history %+v", h)
		}
		return nil
	})
	mustUpdate(t, db, func(tx *ledger.Tx) error { return tx.RevokeConsent("450001", ledger.Date(2025, 6, 1)) })
	mustView(t, db, func(tx *ledger.Tx) error {
		if _, ok, _ := tx.Consent("450001"); ok {
			t.Error("still in force")
		}
		cs, _ := tx.Consents()
		if len(cs) != 0 {
			t.Errorf("consents %+v", cs)
		}
		return nil
	})
	if err := db.Update(func(tx *ledger.Tx) error { return tx.RevokeConsent("450001", ledger.Date(2025, 7, 1)) }); err == nil {
		t.Error("revoked twice")
	}
}
