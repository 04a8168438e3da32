package ledger_test

import (
	"strings"
	"testing"

	"tantieme/ledger"
)

// The send log: a message moves pending → sending → sent or refused, and
// never to sent from anything but sending (nothing is marked sent that was
// not being given to the server); a server's reply is cleaned of control
// characters and bounded; a crash's 'sending' reads as unknown.
func TestMailLog(t *testing.T) {
	db := mustCreate(t)
	var id int64
	var ids []int64
	err := db.Update(func(tx *ledger.Tx) (err error) {
		id, ids, err = tx.AddMailing(ledger.Mailing{Kind: "notice", Title: "Avis du 01/04/2025", Subject: "Avis d'appel"}, []ledger.MailMessage{
			{Owner: "450001", Address: "a@exemple.fr", Status: ledger.MailPending},
			{Owner: "450002", Address: "b@exemple.fr", Status: ledger.MailPending},
			{Owner: "450003", Status: ledger.MailSkipped, Reason: "pas d'accord"},
		})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	must := func(fn func(tx *ledger.Tx) error) {
		t.Helper()
		if err := db.Update(fn); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Update(func(tx *ledger.Tx) error { return tx.MarkSent(ids[0]) }); err == nil {
		t.Error("a pending message was marked sent")
	}
	must(func(tx *ledger.Tx) error { return tx.MarkSending(ids[0]) })
	must(func(tx *ledger.Tx) error { return tx.MarkSent(ids[0]) })
	must(func(tx *ledger.Tx) error { return tx.MarkSending(ids[1]) })
	var msgs []ledger.MailMessage
	mustView(t, db, func(tx *ledger.Tx) (err error) { msgs, err = tx.MailMessages(id); return })
	if msgs[1].Status != ledger.MailSending || msgs[1].Reason != ledger.UnknownFate || msgs[1].StatusText() != "inconnu" || msgs[1].Tries != 1 {
		t.Errorf("crash: %+v", msgs[1])
	}
	must(func(tx *ledger.Tx) error {
		return tx.MarkRefused(ids[1], "550 5.1.1 \x1b[31mBoîte\r\ninconnue\x00"+strings.Repeat("x", 2000))
	})
	mustView(t, db, func(tx *ledger.Tx) (err error) { msgs, err = tx.OwnerMail("450002"); return })
	r := msgs[0].Reason
	if msgs[0].Status != ledger.MailRefused || !strings.HasPrefix(r, "550 5.1.1 [31mBoîte inconnue") || len([]rune(r)) > ledger.MaxReplyText || strings.ContainsAny(r, "\x1b\r\n\x00") {
		t.Errorf("refused: %q", r)
	}
	must(func(tx *ledger.Tx) error { return tx.RequeueMessage(ids[1]) })
	var ms []ledger.Mailing
	mustView(t, db, func(tx *ledger.Tx) (err error) { ms, err = tx.Mailings(); return })
	if len(ms) != 1 || ms[0].Title != "Avis du 01/04/2025" {
		t.Errorf("mailings %+v", ms)
	}
	if err := db.Update(func(tx *ledger.Tx) error {
		_, _, err := tx.AddMailing(ledger.Mailing{Kind: "notice", Title: "x", Subject: "a\x07b"}, nil)
		return err
	}); err == nil {
		t.Error("a subject with a control character was recorded")
	}
}
