package ledger_test

import (
	"strings"
	"testing"

	"tantieme/ledger"
)

// TestRecordPublication: a publication replaces what its folder's spaces
// hold, and leaves other folders alone.
func TestRecordPublication(t *testing.T) {
	db := mustCreate(t)
	var id int64
	mustUpdate(t, db, func(tx *ledger.Tx) (err error) {
		id, err = tx.RegisterDocument(ledger.Document{Kind: "other", Date: ledger.Date(2025, 4, 1), Title: "Note", File: "n.pdf", SHA256: sumA})
		return
	})
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		if _, err := tx.RecordPublication(ledger.Publication{Folder: "/a", Added: 2}, []ledger.Published{
			{Audience: "owners", Document: id, SHA256: sumA, Name: "Divers/n.pdf"},
			{Audience: ledger.OwnerAudience("450001"), Document: id, SHA256: sumA, Name: "Divers/n.pdf"}}); err != nil {
			return err
		}
		_, err := tx.RecordPublication(ledger.Publication{Folder: "/b", Since: ledger.Date(2025, 1, 1), Added: 1}, []ledger.Published{
			{Audience: "council", Document: id, SHA256: sumA, Name: "Divers/n.pdf"}})
		return err
	})
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		_, err := tx.RecordPublication(ledger.Publication{Folder: "/a", Removed: 1}, []ledger.Published{
			{Audience: "owners", Document: id, SHA256: sumB, Name: "Divers/n.pdf"}})
		return err
	})
	mustView(t, db, func(tx *ledger.Tx) error {
		a, err := tx.PublishedIn("/a")
		if err != nil {
			return err
		}
		if len(a) != 1 || a[0].Audience != "owners" || a[0].SHA256 != sumB {
			t.Errorf("/a holds %+v", a)
		}
		b, err := tx.PublishedIn("/b")
		if len(b) != 1 || b[0].Audience != "council" {
			t.Errorf("/b holds %+v", b)
		}
		ps, err := tx.Publications("/a")
		if len(ps) != 2 || ps[0].Added != 2 || ps[1].Removed != 1 || !ps[0].Since.IsZero() {
			t.Errorf("publications %+v", ps)
		}
		if ps, _ := tx.Publications("/b"); len(ps) != 1 || !ps[0].Since.Equal(ledger.Date(2025, 1, 1)) {
			t.Errorf("publications of /b %+v", ps)
		}
		return err
	})
	if err := db.Update(func(tx *ledger.Tx) error {
		_, err := tx.RecordPublication(ledger.Publication{Folder: "/c\x07"}, nil)
		return err
	}); err == nil || !strings.Contains(ledger.Message(err), "Dossier de publication") {
		t.Errorf("control character in the folder: %v", err)
	}
	if ledger.AudienceOwnerAccount(ledger.OwnerAudience("450003")) != "450003" || ledger.AudienceOwnerAccount("council") != "" {
		t.Error("owner audience")
	}
}

// TestCouncilPresident: the president is a member of the council; once he
// is no longer one, there is none.
func TestCouncilPresident(t *testing.T) {
	db := mustCreate(t)
	day := ledger.Date(2025, 6, 1)
	if err := db.Update(func(tx *ledger.Tx) error { return tx.SetCouncilPresident("450001") }); err == nil || !strings.Contains(ledger.Message(err), "n'est pas membre du conseil") {
		t.Errorf("not a member: %v", err)
	}
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		o, err := tx.Owner("450001")
		if err != nil {
			return err
		}
		o.Council = true
		if err := tx.UpdateOwner(o); err != nil {
			return err
		}
		return tx.SetCouncilPresident("450001")
	})
	mustView(t, db, func(tx *ledger.Tx) error {
		p, err := tx.CouncilPresident(day)
		if p != "450001" {
			t.Errorf("president %q", p)
		}
		return err
	})
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		o, _ := tx.Owner("450001")
		o.Council = false
		return tx.UpdateOwner(o)
	})
	mustView(t, db, func(tx *ledger.Tx) error {
		p, err := tx.CouncilPresident(day)
		if p != "" {
			t.Errorf("president no longer a member: %q", p)
		}
		return err
	})
}
