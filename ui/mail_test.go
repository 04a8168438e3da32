package ui

import (
	"bytes"
	"mime"
	"net/mail"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"tantieme/app"
	"tantieme/app/mailing"
	"tantieme/ledger"
	"tantieme/mailer"
	"tantieme/mailer/mailtest"
)

func mailServer(t *testing.T, opt mailtest.Options) *mailtest.Server {
	t.Helper()
	srv, err := mailtest.Start(opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Close)
	return srv
}

// Documents › Réglages de l'e-mail…: a bad server name is said in the
// dialog, which keeps what was typed; without a keyring the dialog says
// the password is asked at each mailing; the test message reaches the
// server; the settings are saved in the residence, never the password.
func TestMailSettingsDialog(t *testing.T) {
	keyringAvailable = func() bool { return false }
	t.Cleanup(func() { keyringAvailable = mailer.KeyringAvailable })
	t.Setenv(mailer.PasswordEnv, "")
	s := newTestShell(t)
	openTest(t, s, testResidence(t))
	srv := mailServer(t, mailtest.Options{User: "syndic", Password: "secret"})
	menuItem(t, s, "Documents", "Réglages de l'e-mail…").Action()
	m := s.openMailSettings()
	if m == nil {
		t.Fatal("no dialog")
	}
	mustContain(t, "the dialog", overlayText(s), "Serveur d'envoi", "le mot de passe sera demandé à chaque envoi")
	if m.remember.Visible() {
		t.Error("« Mémoriser » shown without a keyring")
	}
	m.host.SetText("smtp exemple:fr")
	m.from.SetText("syndic@exemple.fr")
	test.Tap(m.f.ok)
	mustContain(t, "the dialog", overlayText(s), "n'est pas un nom de serveur")
	if m.host.Text != "smtp exemple:fr" {
		t.Error("the typed text was lost")
	}
	m.host.SetText("127.0.0.1")
	m.port.SetText(strconv.Itoa(srv.Port))
	m.tls.SetSelectedIndex(2)
	m.user.SetText("syndic")
	m.password.SetText("secret")
	test.Tap(m.test)
	s.jobs.Wait()
	mustContain(t, "the test's note", m.testNote.Text, "Message d'essai accepté par 127.0.0.1:")
	if got := srv.Messages(); len(got) != 1 || got[0].To[0] != "syndic@exemple.fr" {
		t.Fatalf("server got %v", got)
	}
	test.Tap(m.f.ok)
	mustContain(t, "the status line", s.statusText.Text, "Réglages de l'e-mail enregistrés (127.0.0.1:")
	set, ok, err := mailing.LoadSettings(s.res)
	if err != nil || !ok || set.User != "syndic" || set.TLS != mailer.NoTLS || set.Port != srv.Port {
		t.Errorf("saved %+v %v %v", set, ok, err)
	}
	if err := s.res.View(func(tx *ledger.Tx) error {
		for _, o := range []string{"mail.password", "mail.pass"} {
			if v, _ := tx.Option(o, ""); v != "" {
				t.Errorf("password stored as %s", o)
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
}

// The owner card's « E-mail » tab: no consent, then one given with its
// date, then withdrawn, with the history.
func TestOwnerCardConsent(t *testing.T) {
	s, o := openOwners(t)
	o.openCard("450001")
	o.card.selectTab("E-mail")
	if o.card.tabs.Selected().Text != "E-mail" {
		t.Fatalf("tab %q", o.card.tabs.Selected().Text)
	}
	mustContain(t, "the card", texts(o.card.consent), "Pas d'accord pour les notifications par e-mail")
	test.Tap(dialogButtonIn(t, o.card.consent, "Enregistrer un accord…"))
	mustContain(t, "the form", overlayText(s), "Adresse e-mail", "Accord donné le")
	email := dialogField(t, s, "nom@exemple.fr")
	email.SetText("zoe@exemple")
	press(s, "Return")
	mustContain(t, "the form", overlayText(s), "n'est pas une adresse valable")
	email.SetText("zoe@exemple.fr")
	test.Tap(dialogButton(t, s, "Enregistrer"))
	mustContain(t, "the card", texts(o.card.consent), "Accord pour les notifications par e-mail depuis le 30/06/2025, à l'adresse zoe@exemple.fr")
	test.Tap(dialogButtonIn(t, o.card.consent, "Retirer l'accord…"))
	test.Tap(dialogButton(t, s, "Retirer l'accord"))
	mustContain(t, "the card", texts(o.card.consent), "Pas d'accord", "Accords précédents", "Accord à zoe@exemple.fr, du 30/06/2025 au 30/06/2025.")
}

// The send assistant, against a real server: what, who (by e-mail or
// printed, and why), the sending off the window's goroutine, the result
// with the log; the server got exactly the consenting owners' messages.
func TestMailWizardSends(t *testing.T) {
	t.Setenv(mailer.PasswordEnv, "")
	s := newTestShell(t)
	file := filepath.Join(t.TempDir(), "Les Tilleuls.copro")
	r, err := app.WriteDemo(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range []string{"450002", "450005"} {
		if err := r.GiveConsent(o, "c"+o+"@exemple.fr", ledger.Date(2024, 12, 1)); err != nil {
			t.Fatal(err)
		}
	}
	srv := mailServer(t, mailtest.Options{Reject: map[string]string{"c450005@exemple.fr": "Boîte pleine"}})
	if _, err := mailing.SaveSettings(r, mailer.Settings{Host: "127.0.0.1", Port: srv.Port, From: "syndic@exemple.fr", TLS: mailer.NoTLS}); err != nil {
		t.Fatal(err)
	}
	r.Close()
	openTest(t, s, file)
	w := s.openMailWizard()
	mustContain(t, "step 1", overlayText(s), "Étape 1 sur 4 — Quoi envoyer")
	w.date.SetText("01/04/2025")
	test.Tap(w.f.ok)
	s.jobs.Wait()
	mustContain(t, "step 2", overlayText(s), "Étape 2 sur 4 — Destinataires et message", "2 copropriétaire(s) par e-mail", "e-mail à c450002@exemple.fr", "à imprimer")
	if !strings.Contains(w.subject.Text, "avis d'appel de fonds du {date}") {
		t.Errorf("subject template %q", w.subject.Text)
	}
	w.subject.SetText("Votre appel du {date} – {residence}")
	test.Tap(w.f.ok)
	s.jobs.Wait()
	mustContain(t, "step 4", overlayText(s), "Étape 4 sur 4 — Compte rendu", "1 envoyé(s), 1 refusé(s)", "Boîte pleine", "envoyé", "refusé")
	if !w.printBtn.Visible() {
		t.Error("no « Imprimer les courriers restants »")
	}
	got := srv.Messages()
	if len(got) != 1 || got[0].To[0] != "c450002@exemple.fr" {
		t.Fatalf("server got %v", got)
	}
	msg, err := mail.ReadMessage(bytes.NewReader(got[0].Data))
	if err != nil {
		t.Fatal(err)
	}
	if subj, _ := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject")); subj != "Votre appel du 01/04/2025 – Résidence Les Tilleuls" {
		t.Errorf("subject %q, not from the edited template", subj)
	}
	test.Tap(w.f.ok)
	// The log shows the mailing, per owner.
	l := s.openMailLog()
	mustContain(t, "the log", overlayText(s), "Journal des envois", "1 envoyé(s), 1 refusé(s)", "Boîte pleine")
	if l.retry.Disabled() {
		t.Error("« Réessayer les échecs » disabled with a refusal")
	}
}
