package mailer_test

import (
	"context"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net"
	"net/mail"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tantieme/mailer"
	"tantieme/mailer/mailtest"
)

func startServer(t *testing.T, opt mailtest.Options) (*mailtest.Server, mailer.Settings) {
	t.Helper()
	srv, err := mailtest.Start(opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Close)
	return srv, mailer.Settings{Host: srv.Host, Port: srv.Port, From: "syndic@exemple.fr", FromName: "Syndic bénévole – Les Érables", User: opt.User, TLS: mailer.NoTLS}
}

func pdfFile(t *testing.T, name string, size int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	data := []byte("%PDF-1.4\n" + strings.Repeat("x", size) + "\n%%EOF\n")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// Parsed is a received message as an owner's mail program reads it.
type parsed struct {
	subject, to, from, body string
	files                   map[string]string // file name → content type
}

func parse(t *testing.T, data []byte) parsed {
	t.Helper()
	m, err := mail.ReadMessage(strings.NewReader(string(data)))
	if err != nil {
		t.Fatal(err)
	}
	dec := new(mime.WordDecoder)
	var p parsed
	p.subject, err = dec.DecodeHeader(m.Header.Get("Subject"))
	if err != nil {
		t.Fatal(err)
	}
	p.to, _ = dec.DecodeHeader(m.Header.Get("To"))
	p.from, _ = dec.DecodeHeader(m.Header.Get("From"))
	if m.Header.Get("Message-Id") == "" || m.Header.Get("Date") == "" {
		t.Errorf("no Message-ID or Date: %v", m.Header)
	}
	mt, params, err := mime.ParseMediaType(m.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/mixed" {
		t.Fatalf("Content-Type %q (%v), want multipart/mixed", m.Header.Get("Content-Type"), err)
	}
	p.files = map[string]string{}
	r := multipart.NewReader(m.Body, params["boundary"])
	for {
		part, err := r.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		ct, _, _ := mime.ParseMediaType(part.Header.Get("Content-Type"))
		b, _ := io.ReadAll(part) // decodes quoted-printable
		// go-mail writes a non-ASCII file name as an RFC 2047 word in the
		// parameter, as Thunderbird and the webmails read it.
		if name, _ := dec.DecodeHeader(part.FileName()); name != "" {
			p.files[name] = ct
			if ct == "application/pdf" && part.Header.Get("Content-Transfer-Encoding") != "base64" {
				t.Errorf("attachment %s not in base64", name)
			}
			continue
		}
		if ct == "text/plain" {
			p.body = string(b)
		}
	}
	return p
}

func TestSendBuildsFrenchMIME(t *testing.T) {
	srv, s := startServer(t, mailtest.Options{})
	sess, err := mailer.Dial(context.Background(), s, "")
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	notice := pdfFile(t, "APPEL.pdf", 1000)
	err = sess.Send(mailer.Message{To: "berenice@exemple.fr", ToName: "Mme Bérénice Lefèvre", Subject: "Avis d'appel de fonds – échéance du 1er janvier",
		Body: "Madame,\n\nVeuillez trouver ci-joint l'avis d'appel de fonds.\nÀ bientôt.", Attachments: []mailer.Attachment{{Path: notice, Name: "Appel du 01-01-2026 – Lefèvre.pdf"}, {Path: notice, Name: "Relevé"}}})
	if err != nil {
		t.Fatal(err)
	}
	got := srv.Messages()
	if len(got) != 1 || len(got[0].To) != 1 || got[0].To[0] != "berenice@exemple.fr" {
		t.Fatalf("received %+v", got)
	}
	p := parse(t, got[0].Data)
	if p.subject != "Avis d'appel de fonds – échéance du 1er janvier" {
		t.Errorf("subject %q", p.subject)
	}
	if !strings.Contains(p.to, "Bérénice Lefèvre") || !strings.Contains(p.from, "Les Érables") {
		t.Errorf("to %q from %q", p.to, p.from)
	}
	if !strings.Contains(p.body, "À bientôt.") {
		t.Errorf("body %q", p.body)
	}
	want := map[string]string{"Appel du 01-01-2026 – Lefèvre.pdf": "application/pdf", "Relevé.pdf": "application/pdf"}
	if len(p.files) != len(want) {
		t.Fatalf("attachments %v, want %v", p.files, want)
	}
	for name, ct := range want {
		if p.files[name] != ct {
			t.Errorf("attachment %q: %q, want %q (all: %v)", name, p.files[name], ct, p.files)
		}
	}
}

func TestRejectedRecipientRefusesThatMessageOnly(t *testing.T) {
	srv, s := startServer(t, mailtest.Options{Reject: map[string]string{"inconnu@exemple.fr": "Mailbox unknown\x1b[31m here"}})
	sess, err := mailer.Dial(context.Background(), s, "")
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	pdf := pdfFile(t, "a.pdf", 10)
	for _, to := range []string{"a@exemple.fr", "inconnu@exemple.fr", "b@exemple.fr"} {
		err := sess.Send(mailer.Message{To: to, Subject: "Objet", Body: "x", Attachments: []mailer.Attachment{{Path: pdf}}})
		var r *mailer.Refusal
		if to == "inconnu@exemple.fr" {
			if !errors.As(err, &r) || r.Lost || !strings.Contains(r.Reason, "550") || !strings.Contains(r.Reason, "Mailbox unknown") || strings.ContainsRune(r.Reason, 0x1b) {
				t.Errorf("rejected address: %#v", err)
			}
		} else if err != nil {
			t.Errorf("%s: %v", to, err)
		}
	}
	if n := len(srv.Messages()); n != 2 {
		t.Errorf("server accepted %d messages, want 2", n)
	}
}

func TestRefusedLogin(t *testing.T) {
	_, s := startServer(t, mailtest.Options{User: "syndic", Password: "bon"})
	if _, err := mailer.Dial(context.Background(), s, "mauvais"); !errors.Is(err, mailer.ErrLogin) || !strings.Contains(err.Error(), "identification") {
		t.Fatalf("wrong password: %v", err)
	}
	sess, err := mailer.Dial(context.Background(), s, "bon")
	if err != nil {
		t.Fatalf("right password: %v", err)
	}
	sess.Close()
}

func TestTooLargeIsRefusedBeforeSending(t *testing.T) {
	srv, s := startServer(t, mailtest.Options{MaxSize: 50_000})
	sess, err := mailer.Dial(context.Background(), s, "")
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	if sess.MaxSize() != 50_000 {
		t.Errorf("SIZE read as %d", sess.MaxSize())
	}
	err = sess.Send(mailer.Message{To: "a@exemple.fr", Subject: "Gros", Body: "x", Attachments: []mailer.Attachment{{Path: pdfFile(t, "gros.pdf", 60_000)}}})
	var r *mailer.Refusal
	if !errors.As(err, &r) || r.Lost || !strings.Contains(r.Reason, "message trop gros") {
		t.Fatalf("too large: %v", err)
	}
	if len(srv.Messages()) != 0 {
		t.Error("the server got the message")
	}
}

func TestServerDownMidSession(t *testing.T) {
	srv, s := startServer(t, mailtest.Options{StopAfter: 1})
	sess, err := mailer.Dial(context.Background(), s, "")
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	pdf := pdfFile(t, "a.pdf", 10)
	if err := sess.Send(mailer.Message{To: "a@exemple.fr", Subject: "Un", Body: "x", Attachments: []mailer.Attachment{{Path: pdf}}}); err != nil {
		t.Fatal(err)
	}
	err = sess.Send(mailer.Message{To: "b@exemple.fr", Subject: "Deux", Body: "x", Attachments: []mailer.Attachment{{Path: pdf}}})
	var r *mailer.Refusal
	if !errors.As(err, &r) || !r.Lost || !strings.Contains(r.Reason, "serveur injoignable") {
		t.Fatalf("server down: %#v", err)
	}
	if len(srv.Messages()) != 1 {
		t.Errorf("server got %d", len(srv.Messages()))
	}
}

func TestUnreachableServer(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	s := mailer.Settings{Host: "127.0.0.1", Port: port, From: "syndic@exemple.fr", TLS: mailer.NoTLS}
	if _, err := mailer.Dial(context.Background(), s, ""); !errors.Is(err, mailer.ErrUnreachable) || !strings.Contains(err.Error(), "ne répond pas") {
		t.Fatalf("unreachable: %v", err)
	}
}

func TestTLSFailure(t *testing.T) {
	_, s := startServer(t, mailtest.Options{})
	s.TLS = mailer.StartTLS // the test server offers no STARTTLS
	if _, err := mailer.Dial(context.Background(), s, ""); !errors.Is(err, mailer.ErrTLS) {
		t.Fatalf("no STARTTLS: %v", err)
	}
}

func TestSettingsCheck(t *testing.T) {
	for _, s := range []mailer.Settings{
		{Host: "", From: "a@b.fr"},
		{Host: "smtp.exemple.fr:587", From: "a@b.fr"},
		{Host: "smtp.exemple.fr", From: "pas une adresse"},
		{Host: "smtp.exemple.fr", From: "a@b.fr", TLS: "ssl"},
		{Host: "smtp.exemple.fr", From: "a@b.fr", Port: 70000},
		{Host: "smtp\x00.fr", From: "a@b.fr"},
	} {
		if err := s.Check(); err == nil {
			t.Errorf("%+v accepted", s)
		}
	}
	s := mailer.Settings{Host: " smtp.exemple.fr ", From: "a@b.fr", TLS: mailer.TLS}
	if err := s.Check(); err != nil || s.Port != 465 || s.Host != "smtp.exemple.fr" {
		t.Errorf("%+v: %v", s, err)
	}
}

// Without TANTIEME_SMTP_PASSWORD and with no keyring (this Linux box has
// no D-Bus secret service), the caller is told to ask.
func TestPasswordFallsBackToAsking(t *testing.T) {
	t.Setenv(mailer.PasswordEnv, "")
	s := mailer.Settings{Host: "smtp.exemple.fr", User: "syndic", From: "a@b.fr"}
	if mailer.KeyringAvailable() {
		t.Skip("a keyring exists here")
	}
	if _, err := mailer.Password(s); !errors.Is(err, mailer.ErrPasswordNeeded) {
		t.Fatalf("no keyring: %v", err)
	}
	if err := mailer.SavePassword(s, "secret"); err == nil {
		t.Error("saving without a keyring said nothing")
	}
	t.Setenv(mailer.PasswordEnv, "depuis-env")
	if p, err := mailer.Password(s); err != nil || p != "depuis-env" {
		t.Errorf("from env: %q %v", p, err)
	}
}
