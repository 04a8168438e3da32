package ui

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme/app/mailing"
	"tantieme/ledger"
	"tantieme/mailer"
	"tantieme/ui/widgets"
)

// keyringAvailable says whether the password can be kept in the system's
// keyring; tests replace it.
var keyringAvailable = mailer.KeyringAvailable

// mailSettingsForm is Documents › Réglages de l'e-mail… (issue 19): the
// residence's SMTP server, the sender, the login; the password goes to the
// system's keyring when there is one, never into the residence file.
type mailSettingsForm struct {
	s                    *Shell
	f                    *form
	host, port, from     *widgets.Field
	name, user, password *widgets.Field
	tls                  *widget.Select
	remember             *widget.Check
	test                 *widgets.Button
	testNote             *widget.Label
}

var tlsChoices = []string{"STARTTLS (port 587)", "TLS (port 465)", "Sans chiffrement (relais local)"}
var tlsModes = []string{mailer.StartTLS, mailer.TLS, mailer.NoTLS}

func (s *Shell) mailSettings() { s.openMailSettings() }

func (s *Shell) openMailSettings() *mailSettingsForm {
	if s.res == nil {
		return nil
	}
	cur, _, err := mailing.LoadSettings(s.res)
	if err != nil {
		s.showError(err)
		return nil
	}
	m := &mailSettingsForm{s: s}
	port := ""
	if cur.Port != 0 {
		port = strconv.Itoa(cur.Port)
	}
	m.host = widgets.NewField(cur.Host, "smtp.orange.fr")
	m.port = widgets.NewField(port, "587")
	m.from = widgets.NewField(cur.From, "syndic@exemple.fr")
	m.name = widgets.NewField(cur.FromName, "Syndic bénévole – Résidence …")
	m.user = widgets.NewField(cur.User, "vide si le serveur n'en demande pas")
	m.password = widgets.NewField("", "mot de passe du compte d'envoi")
	m.password.Password = true
	m.tls = widget.NewSelect(tlsChoices, nil)
	m.tls.SetSelectedIndex(0)
	for i, t := range tlsModes {
		if cur.TLS == t {
			m.tls.SetSelectedIndex(i)
		}
	}
	m.f = s.newForm("Réglages de l'e-mail", "Enregistrer", m.host, m.port, m.from, m.name, m.user, m.password)
	m.f.width = 640
	m.remember = widget.NewCheck("Mémoriser le mot de passe dans le trousseau du système", nil)
	m.remember.SetChecked(true)
	keyNote := widgets.Note("Le mot de passe n'est jamais écrit dans le fichier de la résidence.")
	if !keyringAvailable() {
		m.remember.SetChecked(false)
		m.remember.Hide()
		keyNote.SetText("Cet ordinateur n'a pas de trousseau de mots de passe : le mot de passe sera demandé à chaque envoi (il n'est jamais écrit dans le fichier de la résidence).")
	}
	m.test = widgets.NewButton("Envoyer un message d'essai", theme.MailSendIcon(), widget.MediumImportance, m.sendTest)
	m.test.Keys = m.f.keys
	m.testNote = widgets.Note("")
	m.f.submit = m.save
	form := widget.NewForm(
		widget.NewFormItem("Serveur d'envoi", m.host), widget.NewFormItem("Port", container.New(&widgets.FixedWidth{Width: 100}, m.port)),
		widget.NewFormItem("Chiffrement", m.tls), widget.NewFormItem("Adresse de l'expéditeur", m.from),
		widget.NewFormItem("Nom de l'expéditeur", m.name), widget.NewFormItem("Identifiant", m.user),
		widget.NewFormItem("Mot de passe", m.password))
	m.f.show(container.NewVBox(
		widgets.Note("Les réglages que votre fournisseur d'e-mail donne pour « envoyer depuis un logiciel de messagerie » (SMTP)."),
		form, m.remember, keyNote, container.NewBorder(nil, nil, container.NewVBox(m.test), nil, widgets.Reserve(m.testNote, 2))), m.host)
	return m
}

// settings are the fields as typed, checked.
func (m *mailSettingsForm) settings() (mailer.Settings, error) {
	s := mailer.Settings{Host: m.host.Text, From: m.from.Text, FromName: m.name.Text, User: m.user.Text, TLS: tlsModes[max(0, m.tls.SelectedIndex())]}
	if p := strings.TrimSpace(m.port.Text); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil {
			return s, ledger.Errorf(ledger.Invalid, "Le port « %s » n'est pas un nombre (587, 465 ou 25 d'habitude)", p)
		}
		s.Port = n
	}
	return s, s.Check()
}

func (m *mailSettingsForm) save() error {
	set, err := m.settings()
	if err != nil {
		return err
	}
	if set, err = mailing.SaveSettings(m.s.res, set); err != nil {
		return err
	}
	done := "Réglages de l'e-mail enregistrés (" + set.Address() + ")"
	if m.password.Text != "" && m.remember.Visible() && m.remember.Checked {
		if err := mailer.SavePassword(set, m.password.Text); err != nil {
			m.s.showError(err)
		} else {
			done += ", mot de passe gardé dans le trousseau du système"
		}
	}
	m.s.say(done)
	return nil
}

// sendTest sends a message to the sender's own address with the settings
// as typed, in the background.
func (m *mailSettingsForm) sendTest() {
	set, err := m.settings()
	if err != nil {
		m.f.fail(err)
		return
	}
	password := m.password.Text
	if password == "" {
		if password, err = mailer.Password(set); err != nil && errors.Is(err, mailer.ErrPasswordNeeded) {
			m.f.fail(ledger.Errorf(ledger.Invalid, "Tapez le mot de passe du compte d'envoi pour l'essai"))
			m.s.win.Canvas().Focus(m.password)
			return
		}
	}
	m.testNote.SetText("Envoi du message d'essai à " + set.From + "…")
	m.test.Disable()
	m.s.jobs.Add(1)
	go func() {
		defer m.s.jobs.Done()
		err := mailing.TestMessage(context.Background(), set, password)
		fyne.Do(func() {
			m.test.Enable()
			if err != nil {
				m.testNote.SetText("")
				m.f.fail(err)
				return
			}
			m.testNote.SetText("Message d'essai accepté par " + set.Address() + " : regardez la boîte de " + set.From + ".")
		})
	}()
}
