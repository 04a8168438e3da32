package mailer

import (
	"errors"
	"os"
	"strings"

	"github.com/zalando/go-keyring"

	"tantieme/ledger"
)

// KeyringService is the service the password is kept under in the
// system's keyring.
const KeyringService = "Tantième"

// PasswordEnv is the environment variable the CLI and the window read the
// password from first (a script, a test).
const PasswordEnv = "TANTIEME_SMTP_PASSWORD"

// ErrPasswordNeeded says the password is neither in the environment nor in
// the keyring: the window asks it, the CLI says how to give it. Test it
// with errors.Is.
var ErrPasswordNeeded = errors.New("mot de passe du serveur d'envoi inconnu")

// The keyring's functions, replaced by tests.
var (
	keyringGet = keyring.Get
	keyringSet = keyring.Set
)

// Password is the server's password: from PasswordEnv, else the keyring.
// A server without login needs none (""). Without either, the error wraps
// ErrPasswordNeeded.
func Password(s Settings) (string, error) {
	if s.User == "" {
		return "", nil
	}
	if p := os.Getenv(PasswordEnv); p != "" {
		return p, nil
	}
	p, err := keyringGet(KeyringService, s.KeyringUser())
	if err == nil && p != "" {
		return p, nil
	}
	return "", ledger.Wrap(ledger.Invalid, ErrPasswordNeeded,
		"Le mot de passe de %s n'est ni dans le trousseau du système ni dans la variable %s : indiquez-le", s.KeyringUser(), PasswordEnv)
}

// KeyringAvailable says whether this computer has a keyring the password
// can be kept in (on Linux, a D-Bus secret service; often absent).
func KeyringAvailable() bool {
	_, err := keyringGet(KeyringService, "essai@tantieme")
	return err == nil || errors.Is(err, keyring.ErrNotFound)
}

// SavePassword keeps the password in the system's keyring.
func SavePassword(s Settings, password string) error {
	if s.User == "" {
		return nil
	}
	if strings.ContainsAny(password, "\r\n\x00") {
		return ledger.Errorf(ledger.Invalid, "Le mot de passe contient un retour à la ligne ou un caractère de contrôle")
	}
	if err := keyringSet(KeyringService, s.KeyringUser(), password); err != nil {
		return ledger.Wrap(ledger.Invalid, err, "Le trousseau du système n'a pas gardé le mot de passe (%s) : il sera demandé à chaque envoi", ledger.CleanReply(err.Error()))
	}
	return nil
}
