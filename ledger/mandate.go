package ledger

import (
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// Mandate is an owner's SEPA Core direct-debit mandate (seed 003 « ppa »):
// the owner authorises the syndicat to collect his charges from his
// account. Its RUM (référence unique du mandat) names it for good.
type Mandate struct {
	ID     int64
	Owner  string
	RUM    string
	IBAN   string
	BIC    string // "" allowed: SEPA takes IBAN-only debits since 2016
	Signed time.Time
	// FirstCollection is the date of its first debit (zero until then: the
	// next debit is FRST, the following ones RCUR); LastCollection its
	// latest, from which the 36 months of lapse are counted.
	FirstCollection time.Time
	LastCollection  time.Time
	Revoked         time.Time // zero while in force
	Returns         int       // debits the owner's bank sent back
}

// MandateLapseMonths is how long a mandate may go unused: a mandate with no
// collection for 36 months since its last one (or since its signature when
// it was never used) lapses, and a new one must be signed (EPC SEPA Core
// Direct Debit rulebook, section 4.1, "expiry of mandates").
const MandateLapseMonths = 36

// MandateReturnsFlag is the number of returned debits after which a
// mandate is flagged: the syndic should ask the owner before debiting him
// again (the seed's « ppa sans fonds », twice).
const MandateReturnsFlag = 2

// Sequence codes of a SEPA Core debit (SeqTp), the ones this program uses.
const (
	SequenceFirst     = "FRST"
	SequenceRecurrent = "RCUR"
)

// InForce says whether the mandate was not revoked.
func (m Mandate) InForce() bool { return m.Revoked.IsZero() }

// LapsesOn is the first day the mandate is no longer usable for want of
// use: 36 months after its last collection, or after its signature when it
// was never used.
func (m Mandate) LapsesOn() time.Time {
	from := m.LastCollection
	if from.IsZero() {
		from = m.Signed
	}
	return from.AddDate(0, MandateLapseMonths, 0)
}

// Lapsed says whether the mandate has lapsed by day d.
func (m Mandate) Lapsed(d time.Time) bool { return !d.Before(m.LapsesOn()) }

// Flagged says whether the owner's bank returned too many of its debits.
func (m Mandate) Flagged() bool { return m.Returns >= MandateReturnsFlag }

// Sequence is the SeqTp of the mandate's next debit: FRST for a mandate
// never collected, RCUR after (EPC SDD Core rulebook, AT-21).
func (m Mandate) Sequence() string {
	if m.FirstCollection.IsZero() {
		return SequenceFirst
	}
	return SequenceRecurrent
}

// State is the mandate's state in French, as the owner's card says it.
func (m Mandate) State(d time.Time) string {
	switch {
	case !m.InForce():
		return "révoqué le " + FrenchDate(m.Revoked)
	case m.Lapsed(d):
		return "caduc depuis le " + FrenchDate(m.LapsesOn()) + " (inutilisé 36 mois) : faites signer un nouveau mandat"
	case m.Flagged():
		return fmt.Sprintf("en vigueur, %d prélèvements rejetés : vérifiez avec le copropriétaire avant de prélever", m.Returns)
	}
	return "en vigueur"
}

const mandateColumns = `id, owner, rum, iban, bic, signed_at, first_collection, last_collection, revoked_at, returns`

func scanMandate(r interface{ Scan(...any) error }) (Mandate, error) {
	var m Mandate
	var signed, first, last, revoked string
	err := r.Scan(&m.ID, &m.Owner, &m.RUM, &m.IBAN, &m.BIC, &signed, &first, &last, &revoked, &m.Returns)
	m.Signed, m.FirstCollection, m.LastCollection, m.Revoked = parseStored(signed), parseStored(first), parseStored(last), parseStored(revoked)
	return m, err
}

// validRUM checks a RUM: 1 to 35 characters of the SEPA identifier set
// (EPC SDD Core rulebook AT-01; the characters of the Latin set without
// the space, as the migration's CHECK says).
func validRUM(rum string) bool {
	if rum == "" || len(rum) > 35 {
		return false
	}
	for _, c := range rum {
		ok := c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || strings.ContainsRune("/?:().,'+-", c)
		if !ok {
			return false
		}
	}
	return true
}

// AddMandate records a mandate an owner signed. An empty RUM is generated
// (NextRUM) and written back into m. Refused: a RUM already given, even to
// a revoked mandate (the rulebook forbids reusing one); a second mandate
// while one is in force (revoke it first: replacing a mandate silently
// would debit an account the owner may have closed); a wrong IBAN or BIC;
// a signature date missing or after today.
func (tx *Tx) AddMandate(m *Mandate) error {
	o, err := tx.Owner(m.Owner)
	if err != nil {
		return err
	}
	m.IBAN, m.BIC, m.RUM = normalizeID(m.IBAN), normalizeID(m.BIC), strings.TrimSpace(m.RUM)
	who := "Mandat de " + o.DisplayName()
	switch {
	case !validIBAN(m.IBAN):
		return Errorf(Invalid, "%s : l'IBAN « %s » n'est pas valide (clé de contrôle ou longueur)", who, m.IBAN)
	case m.BIC != "" && !validBIC(m.BIC):
		return Errorf(Invalid, "%s : le BIC « %s » n'est pas valide (8 ou 11 caractères : 4 lettres de banque, 2 de pays…)", who, m.BIC)
	case m.Signed.IsZero():
		return Errorf(Invalid, "%s : la date de signature est obligatoire", who)
	case m.Signed.After(Today()):
		return Errorf(Invalid, "%s : la date de signature (%s) est postérieure à aujourd'hui", who, FrenchDate(m.Signed))
	}
	if cur, ok, err := tx.MandateInForce(m.Owner); err != nil {
		return err
	} else if ok {
		return Errorf(Conflict, "%s : un mandat est déjà en vigueur (RUM %s) ; révoquez-le d'abord", who, cur.RUM)
	}
	if m.RUM == "" {
		if m.RUM, err = tx.NextRUM(m.Owner); err != nil {
			return err
		}
	}
	if !validRUM(m.RUM) {
		return Errorf(Invalid, "%s : la RUM « %s » doit avoir 1 à 35 caractères parmi A-Z, a-z, 0-9 et / ? : ( ) . , ' + -", who, m.RUM)
	}
	var n int
	if err := tx.queryRow(`SELECT count(*) FROM mandates WHERE rum = ?`, m.RUM).Scan(&n); err != nil {
		return sqlError(err, "lecture des mandats")
	}
	if n > 0 {
		return Errorf(Conflict, "%s : la RUM « %s » a déjà été donnée à un mandat ; une RUM ne sert qu'une fois, même révoquée", who, m.RUM)
	}
	m.FirstCollection, m.LastCollection, m.Revoked, m.Returns = time.Time{}, time.Time{}, time.Time{}, 0
	res, err := tx.exec("enregistrement du mandat de "+o.DisplayName(), `INSERT INTO mandates (owner, rum, iban, bic, signed_at) VALUES (?, ?, ?, ?, ?)`,
		m.Owner, m.RUM, m.IBAN, m.BIC, ISO(m.Signed))
	if err != nil {
		return err
	}
	m.ID, err = res.LastInsertId()
	return sqlError(err, "enregistrement du mandat")
}

// RevokeMandate ends the owner's mandate in force on day d (the owner
// withdrew it, or changed bank). Its RUM stays taken.
func (tx *Tx) RevokeMandate(owner string, d time.Time) (Mandate, error) {
	m, ok, err := tx.MandateInForce(owner)
	if err != nil {
		return m, err
	}
	if !ok {
		return m, Errorf(NotFound, "Le copropriétaire %s n'a pas de mandat de prélèvement en vigueur", owner)
	}
	if d.IsZero() {
		return m, Errorf(Invalid, "Mandat %s : la date de révocation est obligatoire", m.RUM)
	}
	if d.Before(m.Signed) {
		return m, Errorf(Invalid, "Mandat %s : la révocation du %s précède sa signature (%s)", m.RUM, FrenchDate(d), FrenchDate(m.Signed))
	}
	m.Revoked = d
	_, err = tx.exec("révocation du mandat "+m.RUM, `UPDATE mandates SET revoked_at = ? WHERE id = ?`, ISO(d), m.ID)
	return m, err
}

// Mandates lists an owner's mandates, the newest first ("" lists every
// owner's, by owner then newest first).
func (tx *Tx) Mandates(owner string) ([]Mandate, error) {
	q, args := `SELECT `+mandateColumns+` FROM mandates ORDER BY owner, id DESC`, []any(nil)
	if owner != "" {
		q, args = `SELECT `+mandateColumns+` FROM mandates WHERE owner = ? ORDER BY id DESC`, []any{owner}
	}
	return collect(tx, "lecture des mandats", q, args, func(r *sql.Rows) (Mandate, error) { return scanMandate(r) })
}

// Mandate reads one mandate by its id.
func (tx *Tx) Mandate(id int64) (Mandate, error) {
	m, err := scanMandate(tx.queryRow(`SELECT `+mandateColumns+` FROM mandates WHERE id = ?`, id))
	if err == sql.ErrNoRows {
		return m, Errorf(NotFound, "Le mandat n° %d n'existe pas", id)
	}
	return m, sqlError(err, "lecture du mandat")
}

// MandateInForce is the owner's mandate not revoked, if any (lapsed or
// not: the caller tells with Lapsed).
func (tx *Tx) MandateInForce(owner string) (Mandate, bool, error) {
	m, err := scanMandate(tx.queryRow(`SELECT `+mandateColumns+` FROM mandates WHERE owner = ? AND revoked_at = ''`, owner))
	if err == sql.ErrNoRows {
		return Mandate{}, false, nil
	}
	return m, err == nil, sqlError(err, "lecture du mandat")
}

// MandatesInForce lists the mandates usable on day d, by owner: signed by
// then, not revoked, not lapsed. The lapsed ones come second, for the
// caller to say so.
func (tx *Tx) MandatesInForce(d time.Time) (usable, lapsed []Mandate, err error) {
	all, err := collect(tx, "lecture des mandats", `SELECT `+mandateColumns+` FROM mandates
		WHERE revoked_at = '' AND signed_at <= ? ORDER BY owner`, []any{ISO(d)},
		func(r *sql.Rows) (Mandate, error) { return scanMandate(r) })
	for _, m := range all {
		if m.Lapsed(d) {
			lapsed = append(lapsed, m)
		} else {
			usable = append(usable, m)
		}
	}
	return usable, lapsed, err
}

// MandateCollected records a debit collected under the mandate on day d:
// the first collection when it had none, the last one always.
func (tx *Tx) MandateCollected(id int64, d time.Time) error {
	_, err := tx.exec("mise à jour du mandat", `UPDATE mandates SET first_collection = CASE WHEN first_collection = '' THEN ? ELSE first_collection END,
		last_collection = CASE WHEN last_collection < ? THEN ? ELSE last_collection END WHERE id = ?`, ISO(d), ISO(d), ISO(d), id)
	return err
}

// MandateReturned counts one more debit the owner's bank sent back.
func (tx *Tx) MandateReturned(id int64) error {
	_, err := tx.exec("mise à jour du mandat", `UPDATE mandates SET returns = returns + 1 WHERE id = ?`, id)
	return err
}

// rumPrefix is the residence's name in capitals without accents, spaces
// nor the words every residence starts with (« Résidence des Tests »
// gives TESTS), so that the RUM an owner reads on his statement names it.
func rumPrefix(name string) string {
	words := strings.Split(strings.ToUpper(ArchiveSlug(name)), "-")
	for len(words) > 1 {
		switch words[0] {
		case "RESIDENCE", "COPROPRIETE", "IMMEUBLE", "SYNDICAT", "LE", "LA", "LES", "L", "DU", "DE", "DES", "D":
			words = words[1:]
			continue
		}
		break
	}
	return strings.Join(words, "")
}

// NextRUM proposes a RUM for a new mandate of the owner: the residence's
// name in capitals (rumPrefix, 8 letters or digits at most), the owner's account and
// a counter of his mandates, « TILLEULS-450001-01 » for « Les Tilleuls »; the counter goes on
// while the RUM is taken. Every character is of the SEPA identifier set.
func (tx *Tx) NextRUM(owner string) (string, error) {
	res, err := tx.Residence()
	if err != nil {
		return "", err
	}
	prefix := rumPrefix(res.Name)
	if len(prefix) > 8 {
		prefix = prefix[:8]
	}
	var n int
	if err := tx.queryRow(`SELECT count(*) FROM mandates WHERE owner = ?`, owner).Scan(&n); err != nil {
		return "", sqlError(err, "lecture des mandats")
	}
	for i := n + 1; ; i++ {
		rum := fmt.Sprintf("%s-%s-%02d", prefix, owner, i)
		var taken int
		if err := tx.queryRow(`SELECT count(*) FROM mandates WHERE rum = ?`, rum).Scan(&taken); err != nil {
			return "", sqlError(err, "lecture des mandats")
		}
		if taken == 0 {
			return rum, nil
		}
	}
}
