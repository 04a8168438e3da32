// Package mailer sends the residence's e-mail (issue 19): SMTP settings,
// the password (never in the residence file), building a message with its
// PDF attachments, and a session that sends messages one by one and says,
// for each, in French, whether the server accepted it. It knows nothing of
// the books: app/mailing decides who gets what and keeps the log.
package mailer

import (
	"fmt"
	"strings"

	"tantieme/ledger"
)

// The TLS modes of a server.
const (
	StartTLS = "starttls" // plain connection upgraded by STARTTLS (port 587), required
	TLS      = "tls"      // TLS from the first byte (port 465)
	NoTLS    = "none"     // no encryption (a local relay)
)

// Settings are a residence's SMTP settings. They are stored as the
// residence's options « mail.* » (app), never with the password.
type Settings struct {
	Host     string
	Port     int
	From     string // the sender's address
	FromName string // the sender's display name (« Syndic bénévole – Les Tilleuls »)
	User     string // "" for a server that asks no login
	TLS      string // StartTLS, TLS or NoTLS
}

// DefaultPort is the usual port of a TLS mode.
func DefaultPort(mode string) int {
	switch mode {
	case TLS:
		return 465
	case NoTLS:
		return 25
	}
	return 587
}

// Check checks and cleans the settings, with a French message naming the
// field at fault.
func (s *Settings) Check() error {
	s.Host = strings.TrimSpace(s.Host)
	s.From = strings.TrimSpace(s.From)
	s.User = strings.TrimSpace(s.User)
	s.FromName = strings.TrimSpace(s.FromName)
	var err error
	if s.Host, err = ledger.CleanText("serveur d'envoi", s.Host, ledger.NameText); err != nil {
		return err
	}
	if s.FromName, err = ledger.CleanText("nom de l'expéditeur", s.FromName, ledger.NameText); err != nil {
		return err
	}
	if s.User, err = ledger.CleanText("identifiant du serveur d'envoi", s.User, ledger.NameText); err != nil {
		return err
	}
	if s.Host == "" {
		return ledger.Errorf(ledger.Invalid, "Indiquez le serveur d'envoi (par exemple smtp.orange.fr)")
	}
	if strings.ContainsAny(s.Host, " /\\@:") {
		return ledger.Errorf(ledger.Invalid, "Le serveur d'envoi « %s » n'est pas un nom de serveur : il s'écrit smtp.exemple.fr, sans espace ni « : »", s.Host)
	}
	if s.TLS == "" {
		s.TLS = StartTLS
	}
	if s.TLS != StartTLS && s.TLS != TLS && s.TLS != NoTLS {
		return ledger.Errorf(ledger.Invalid, "Chiffrement « %s » inconnu : starttls, tls ou none", s.TLS)
	}
	if s.Port == 0 {
		s.Port = DefaultPort(s.TLS)
	}
	if s.Port < 1 || s.Port > 65535 {
		return ledger.Errorf(ledger.Invalid, "Le port du serveur d'envoi (%d) doit être compris entre 1 et 65535", s.Port)
	}
	if s.From == "" {
		return ledger.Errorf(ledger.Invalid, "Indiquez l'adresse de l'expéditeur")
	}
	return ledger.CheckEmail(s.From, "adresse de l'expéditeur")
}

// Address is host:port.
func (s Settings) Address() string { return fmt.Sprintf("%s:%d", s.Host, s.Port) }

// KeyringUser is the name the password is kept under in the system's
// keyring: user@host, so that two residences on one server share it.
func (s Settings) KeyringUser() string { return s.User + "@" + s.Host }
