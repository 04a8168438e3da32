package ledger

import (
	"net/mail"
	"strings"
)

// CheckEmail says whether s is an e-mail address as printed on a document
// (« syndic@exemple.fr »): net/mail's syntax, a bare address without a
// display name, and a domain with a dot (mail accepts « a@b », which no
// mail reaches). Empty is allowed: the field is optional. what names the
// field in the message (« e-mail du syndic »).
func CheckEmail(s, what string) error {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	a, err := mail.ParseAddress(s)
	ok := err == nil && a.Name == "" && a.Address == s
	if ok {
		_, domain, _ := strings.Cut(a.Address, "@")
		i := strings.LastIndex(domain, ".")
		ok = i > 0 && i < len(domain)-1 && !strings.ContainsAny(domain, "[]")
	}
	if !ok {
		return Errorf(Invalid, "L'%s « %s » n'est pas une adresse valable : elle s'écrit nom@domaine.fr, sans espace", what, s)
	}
	return nil
}
