// Package mailing e-mails the register's documents to the owners who
// consented (issue 19): it plans a mailing (who gets what, who must be
// printed and why), keeps the send log in the residence, sends in the
// background through mailer, retries the failures, and prints the letters
// of the owners it could not e-mail.
package mailing

import (
	"strconv"
	"strings"

	"tantieme/app"
	"tantieme/ledger"
	"tantieme/mailer"
)

// The residence's options holding the SMTP settings. The password is never
// among them (mailer: the environment or the system's keyring).
const (
	optHost     = "mail.host"
	optPort     = "mail.port"
	optFrom     = "mail.from"
	optFromName = "mail.from_name"
	optUser     = "mail.user"
	optTLS      = "mail.tls"
)

// LoadSettings reads the residence's SMTP settings; ok is false when none
// were saved yet. A sender's name left empty is the syndic's.
func LoadSettings(r *app.Residence) (s mailer.Settings, ok bool, err error) {
	err = r.View(func(tx *ledger.Tx) error {
		get := func(name string) string {
			if err != nil {
				return ""
			}
			var v string
			v, err = tx.Option(name, "")
			return v
		}
		s.Host, s.From, s.FromName, s.User, s.TLS = get(optHost), get(optFrom), get(optFromName), get(optUser), get(optTLS)
		s.Port, _ = strconv.Atoi(get(optPort))
		if err != nil {
			return err
		}
		if s.FromName == "" {
			info, err := tx.Residence()
			if err != nil {
				return err
			}
			s.FromName = strings.TrimSpace(info.SyndicName)
			if s.From == "" {
				s.From = info.SyndicEmail
			}
		}
		return nil
	})
	return s, err == nil && s.Host != "", err
}

// SaveSettings checks and records the SMTP settings.
func SaveSettings(r *app.Residence, s mailer.Settings) (mailer.Settings, error) {
	if err := s.Check(); err != nil {
		return s, err
	}
	return s, r.Update(func(tx *ledger.Tx) error {
		for _, o := range [][2]string{{optHost, s.Host}, {optPort, strconv.Itoa(s.Port)}, {optFrom, s.From}, {optFromName, s.FromName}, {optUser, s.User}, {optTLS, s.TLS}} {
			if err := tx.SetOption(o[0], o[1]); err != nil {
				return err
			}
		}
		return nil
	})
}
