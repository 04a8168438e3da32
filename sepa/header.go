package sepa

import (
	"fmt"
	"time"
)

// header is what both messages check first: the message id, the creation
// time, the number of transactions, the initiator.
type header struct {
	msgID, created, initiator string
}

func checkHeader(c *checker, msgID string, created time.Time, initiator string, count int, what string) (header, error) {
	var h header
	var err error
	c.where = "Fichier"
	if count == 0 {
		return h, c.fail("", "aucun %s à mettre dans le fichier", what)
	}
	if count > MaxTransactions {
		return h, c.fail("", "%d %ss : %d au plus par fichier", count, what, MaxTransactions)
	}
	if h.msgID, err = c.id("identifiant du message", msgID); err != nil {
		return h, err
	}
	if created.IsZero() {
		return h, c.fail("date de création", "manquante")
	}
	if y := created.Year(); y < 1900 || y > 9999 {
		return h, c.fail("date de création", "année %d impossible", y)
	}
	// ISODateTime (xs:dateTime) with the offset of the time given, to the
	// second.
	h.created = created.Format("2006-01-02T15:04:05Z07:00")
	if h.initiator, err = c.text("émetteur", initiator, maxName); err != nil {
		return h, err
	}
	return h, nil
}

// partyWhere names a party in the errors: « bénéficiaire « Dupont » ».
func partyWhere(role, name string) string {
	if s := show(name); s != "" {
		return fmt.Sprintf("%s « %s »", role, s)
	}
	return role
}
