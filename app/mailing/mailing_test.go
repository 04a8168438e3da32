package mailing_test

import (
	"context"
	"encoding/base64"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/mail"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"tantieme/app"
	"tantieme/app/apptest"
	"tantieme/app/mailing"
	"tantieme/ledger"
	"tantieme/mailer"
	"tantieme/mailer/mailtest"
)

var due = ledger.Date(2025, time.April, 1)

// consenting gives the consent of these owners, at addresses named after
// their accounts.
func consenting(t *testing.T, r *app.Residence, owners ...string) {
	t.Helper()
	apptest.Update(t, r, func(tx *ledger.Tx) error {
		for _, o := range owners {
			if err := tx.GiveConsent(o, "c"+o+"@exemple.fr", ledger.Date(2024, 12, 1)); err != nil {
				return err
			}
		}
		return nil
	})
}

func server(t *testing.T, opt mailtest.Options) (*mailtest.Server, mailer.Settings) {
	t.Helper()
	srv, err := mailtest.Start(opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Close)
	return srv, mailer.Settings{Host: srv.Host, Port: srv.Port, From: "syndic.tilleuls@example.org", FromName: "Mme Hélène Lefèvre", TLS: mailer.NoTLS, User: opt.User}
}

func status(t *testing.T, res mailing.Result) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, o := range res.Outcomes {
		out[o.Owner] = o.Status
	}
	return out
}

type received struct {
	to, subject, body string
	files             []string
}

func decode(t *testing.T, got []mailtest.Received) map[string]received {
	t.Helper()
	out := map[string]received{}
	dec := new(mime.WordDecoder)
	for _, g := range got {
		m, err := mail.ReadMessage(strings.NewReader(string(g.Data)))
		if err != nil {
			t.Fatal(err)
		}
		var rc received
		rc.to, _ = dec.DecodeHeader(m.Header.Get("To"))
		rc.subject, _ = dec.DecodeHeader(m.Header.Get("Subject"))
		mt, params, _ := mime.ParseMediaType(m.Header.Get("Content-Type"))
		if mt != "multipart/mixed" {
			t.Fatalf("Content-Type %s", mt)
		}
		mr := multipart.NewReader(m.Body, params["boundary"])
		for {
			p, err := mr.NextPart()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(p)
			ct, _, _ := mime.ParseMediaType(p.Header.Get("Content-Type"))
			if name, _ := dec.DecodeHeader(p.FileName()); name != "" {
				pdf, _ := base64.StdEncoding.DecodeString(strings.ReplaceAll(strings.ReplaceAll(string(b), "\r", ""), "\n", ""))
				if ct != "application/pdf" || !strings.HasPrefix(string(pdf), "%PDF-") {
					t.Errorf("attachment %s: %s", name, ct)
				}
				rc.files = append(rc.files, name)
			} else {
				rc.body = string(b)
			}
		}
		out[g.To[0]] = rc
	}
	return out
}

// The notices of a call date: produced into the documents folder and
// registered, e-mailed to the owners who consented only, one message
// each with his own notice; the rest listed for printing.
func TestNoticesGoToConsentingOwnersOnly(t *testing.T) {
	r := apptest.Demo(t)
	consenting(t, r, "450002", "450005", "450011")
	srv, s := server(t, mailtest.Options{Reject: map[string]string{"c450011@exemple.fr": "Boîte inconnue"}})
	p, err := mailing.Prepare(r, mailing.Request{What: mailing.Notices, Date: due})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Produced) == 0 || p.EmailCount() != 3 || len(p.Lines) < 8 {
		t.Fatalf("plan: %d produced, %d by e-mail of %d", len(p.Produced), p.EmailCount(), len(p.Lines))
	}
	tmpl, _ := mailing.LoadTemplate(r, p.Kind)
	res, err := mailing.Send(context.Background(), r, p, tmpl, s, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	st := status(t, res)
	if st["450002"] != ledger.MailSent || st["450005"] != ledger.MailSent || st["450011"] != ledger.MailRefused || st["450001"] != ledger.MailSkipped {
		t.Errorf("statuses %v", st)
	}
	for _, o := range res.Outcomes {
		if o.Owner == "450011" && !strings.Contains(o.Reason, "Boîte inconnue") {
			t.Errorf("refusal reason %q", o.Reason)
		}
		if o.Status == ledger.MailSkipped && !strings.Contains(o.Reason, "42-1") {
			t.Errorf("skip reason %q", o.Reason)
		}
	}
	got := decode(t, srv.Messages())
	if len(got) != 2 {
		t.Fatalf("server got %d messages: %v", len(got), got)
	}
	helene := got["c450002@exemple.fr"]
	if helene.subject != "Résidence Les Tilleuls – avis d'appel de fonds du 01/04/2025" && !strings.Contains(helene.subject, "avis d'appel de fonds du 01/04/2025") {
		t.Errorf("subject %q", helene.subject)
	}
	if !strings.Contains(helene.to, "Lefèvre Hélène") || !strings.HasPrefix(helene.body, "Madame,\r\n") || !strings.Contains(helene.body, "Mme Hélène Lefèvre") ||
		!strings.Contains(helene.body, "d'un montant de 879,09 €") {
		t.Errorf("to %q body %q", helene.to, helene.body)
	}
	if len(helene.files) != 1 || !strings.Contains(helene.files[0], "450002") || !strings.HasSuffix(helene.files[0], ".pdf") {
		t.Errorf("Hélène's attachments %v", helene.files)
	}
	if f := got["c450005@exemple.fr"].files; len(f) != 1 || !strings.Contains(f[0], "450005") {
		t.Errorf("Anaïs's attachments %v", f)
	}
	// The log per owner and the register's documents sent.
	msgs, err := mailing.Messages(r, res.Mailing)
	if err != nil || len(msgs) != len(p.Lines) {
		t.Fatalf("log: %d messages, %v", len(msgs), err)
	}
	for _, m := range msgs {
		if len(m.Documents) != 1 {
			t.Errorf("%s: documents %v", m.Owner, m.Documents)
		}
	}
	// The letters to print: the skipped and the refused, drawn again.
	pdf := filepath.Join(t.TempDir(), "a imprimer.pdf")
	n, err := mailing.PrintRemaining(r, res.Mailing, pdf)
	if err != nil || n != len(p.Lines)-2 {
		t.Fatalf("to print: %d, %v", n, err)
	}
	text := pdfText(t, pdf)
	if !strings.Contains(text, "Faure Jérôme") || !strings.Contains(text, "Bernard") || strings.Contains(text, "Girard Anaïs") {
		t.Errorf("printed letters hold the wrong owners:\n%.2000s", text)
	}
	// A second Prepare finds the registered notices and produces nothing.
	p2, err := mailing.Prepare(r, mailing.Request{What: mailing.Notices, Date: due})
	if err != nil || len(p2.Produced) != 0 || len(p2.Lines) != len(p.Lines) {
		t.Errorf("second plan: %v, produced %v", err, p2.Produced)
	}
}

func pdfText(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// The server goes down after the first message: that one is sent, the
// next refused with the reason, the others wait (not sent!) for a retry,
// which sends them and only them.
func TestServerDownMidMailingLeavesTheRestPending(t *testing.T) {
	r := apptest.Demo(t)
	consenting(t, r, "450002", "450005", "450007", "450009")
	srv, s := server(t, mailtest.Options{StopAfter: 1})
	p, err := mailing.Prepare(r, mailing.Request{What: mailing.Notices, Date: due})
	if err != nil {
		t.Fatal(err)
	}
	res, err := mailing.Send(context.Background(), r, p, mailing.DefaultTemplate(p.Kind), s, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	st := status(t, res)
	if st["450002"] != ledger.MailSent || st["450005"] != ledger.MailRefused || st["450007"] != ledger.MailPending || st["450009"] != ledger.MailPending {
		t.Fatalf("after the fall: %v", st)
	}
	if len(srv.Messages()) != 1 {
		t.Fatalf("server got %d", len(srv.Messages()))
	}
	srv2, s2 := server(t, mailtest.Options{})
	res, err = mailing.Retry(context.Background(), r, res.Mailing, false, s2, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	st = status(t, res)
	for _, o := range []string{"450002", "450005", "450007", "450009"} {
		if st[o] != ledger.MailSent {
			t.Errorf("after retry %s: %s", o, st[o])
		}
	}
	var to []string
	for _, m := range srv2.Messages() {
		to = append(to, m.To[0])
	}
	sort.Strings(to)
	if strings.Join(to, " ") != "c450005@exemple.fr c450007@exemple.fr c450009@exemple.fr" {
		t.Errorf("retry sent to %v", to)
	}
}

// A crash between 'sending' committed and the server's reply: the log
// says « unknown » for exactly that owner; a retry leaves him alone until
// the syndic confirms.
func TestCrashLeavesExactlyOneUnknown(t *testing.T) {
	r := apptest.Demo(t)
	consenting(t, r, "450002", "450005", "450007")
	srv, s := server(t, mailtest.Options{})
	p, err := mailing.Prepare(r, mailing.Request{What: mailing.Notices, Date: due})
	if err != nil {
		t.Fatal(err)
	}
	restore := mailing.CrashAfterSending("450005")
	_, err = mailing.Send(context.Background(), r, p, mailing.DefaultTemplate(p.Kind), s, "", nil)
	restore()
	if err == nil {
		t.Fatal("the simulated crash said nothing")
	}
	ms, _ := mailing.Mailings(r)
	id := ms[0].ID
	msgs, _ := mailing.Messages(r, id)
	for _, m := range msgs {
		want := map[string]string{"450002": ledger.MailSent, "450005": ledger.MailSending, "450007": ledger.MailPending}[m.Owner]
		if want != "" && m.Status != want {
			t.Errorf("%s: %s, want %s", m.Owner, m.Status, want)
		}
		if m.Owner == "450005" && (m.Reason != ledger.UnknownFate || m.StatusText() != "inconnu") {
			t.Errorf("unknown fate said %q / %q", m.Reason, m.StatusText())
		}
	}
	if n, _ := mailing.Unknown(r, id); n != 1 {
		t.Errorf("%d unknown", n)
	}
	res, err := mailing.Retry(context.Background(), r, id, false, s, "", nil)
	if err != nil || status(t, res)["450005"] != ledger.MailSending || status(t, res)["450007"] != ledger.MailSent {
		t.Fatalf("retry without confirmation: %v %v", status(t, res), err)
	}
	res, err = mailing.Retry(context.Background(), r, id, true, s, "", nil)
	if err != nil || status(t, res)["450005"] != ledger.MailSent {
		t.Fatalf("retry confirmed: %v %v", status(t, res), err)
	}
	if len(srv.Messages()) != 3 {
		t.Errorf("server got %d", len(srv.Messages()))
	}
}

// A refused login refuses every message, on its line, and says why.
func TestRefusedLoginSaidOnEachLine(t *testing.T) {
	r := apptest.Demo(t)
	consenting(t, r, "450002", "450005")
	_, s := server(t, mailtest.Options{User: "syndic", Password: "juste"})
	p, err := mailing.Prepare(r, mailing.Request{What: mailing.Notices, Date: due})
	if err != nil {
		t.Fatal(err)
	}
	res, err := mailing.Send(context.Background(), r, p, mailing.DefaultTemplate(p.Kind), s, "faux", nil)
	if !errors.Is(err, mailer.ErrLogin) {
		t.Fatalf("wrong password: %v", err)
	}
	for _, o := range res.Outcomes {
		if o.Email != "" && (o.Status != ledger.MailRefused || !strings.Contains(o.Reason, "identification")) {
			t.Errorf("%+v", o)
		}
	}
}

// The AG convocation needs a registered letter (or an LRE): the whole
// mailing is refused before anything is recorded or sent.
func TestConvocationRefused(t *testing.T) {
	r := apptest.Demo(t)
	consenting(t, r, "450002")
	root, err := r.DocumentsFolder()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(root, "convocation.pdf")
	if err := os.MkdirAll(root, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("%PDF-1.4\n%%EOF\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ids, err := r.Register(app.Produced{Path: path, Kind: "ag_convocation", Title: "Convocation AG 2026", Date: due, Owners: []string{"450002"}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = mailing.Prepare(r, mailing.Request{What: mailing.Single, Document: ids[0]})
	if err == nil || !strings.Contains(err.Error(), "42-1") || !strings.Contains(err.Error(), "LRE") {
		t.Fatalf("convocation: %v", err)
	}
	if ms, _ := mailing.Mailings(r); len(ms) != 0 {
		t.Errorf("a mailing was recorded: %v", ms)
	}
}

// A register document of another kind, for every owner: the owners not
// reached get a page listing them with their postal addresses, naming the
// document's file to print after it.
func TestOtherDocumentPrintsAPostList(t *testing.T) {
	r := apptest.Demo(t)
	consenting(t, r, "450002")
	_, s := server(t, mailtest.Options{})
	root, err := r.DocumentsFolder()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(root, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(root, "Règlement intérieur.pdf")
	if err := os.WriteFile(path, []byte("%PDF-1.4\n%%EOF\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ids, err := r.Register(app.Produced{Path: path, Kind: "letter", Title: "Règlement intérieur de la cour", Date: due})
	if err != nil {
		t.Fatal(err)
	}
	p, err := mailing.Prepare(r, mailing.Request{What: mailing.Single, Document: ids[0]})
	if err != nil {
		t.Fatal(err)
	}
	res, err := mailing.Send(context.Background(), r, p, mailing.DefaultTemplate(p.Kind), s, "", nil)
	if err != nil || status(t, res)["450002"] != ledger.MailSent {
		t.Fatalf("%v %v", status(t, res), err)
	}
	pdf := filepath.Join(t.TempDir(), "liste.pdf")
	n, err := mailing.PrintRemaining(r, res.Mailing, pdf)
	if err != nil || n < 8 {
		t.Fatalf("%d to print, %v", n, err)
	}
	text := pdfText(t, pdf)
	for _, want := range []string{"Courriers à poster", "Règlement intérieur de la cour", "450001", "Bernard Jean-Luc", "14 rue des Tilleuls", "Règlement intérieur.pdf"} {
		if !strings.Contains(text, want) {
			t.Errorf("the list lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "450002") {
		t.Error("the owner reached by e-mail is on the list")
	}
	if keep := os.Getenv("MAIL_TEST_PDF"); keep != "" {
		b, _ := os.ReadFile(pdf)
		_ = os.WriteFile(keep, b, 0o644)
	}
}
