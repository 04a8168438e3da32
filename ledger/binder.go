package ledger

import (
	"database/sql"
	"fmt"
	"strings"

	"tantieme/internal/fr"
)

// Audience is who may see a binder's documents (seed 000, « Classeurs
// Syndic »).
type Audience string

const (
	AudienceOwner     Audience = "owner"     // the copropriétaire(s) a document concerns
	AudienceOwners    Audience = "owners"    // every copropriétaire, for a document concerning nobody in particular
	AudienceCouncil   Audience = "council"   // the members of the conseil syndical
	AudiencePresident Audience = "president" // its president
	AudienceSupplier  Audience = "supplier"  // a prestataire
)

// Audiences are the audiences in the order of the seed's grid.
var Audiences = []Audience{AudienceOwner, AudienceOwners, AudienceCouncil, AudiencePresident, AudienceSupplier}

// Label is the audience in French, as the grid's column says it.
func (a Audience) Label() string {
	switch a {
	case AudienceOwner:
		return "Copropriétaire concerné"
	case AudienceOwners:
		return "Tous les copropriétaires"
	case AudienceCouncil:
		return "Membre du conseil"
	case AudiencePresident:
		return "Président du conseil"
	case AudienceSupplier:
		return "Prestataire"
	}
	return string(a)
}

// Binder is a classeur of the register with the audiences that see it.
type Binder struct {
	Code      string
	Label     string
	Audiences map[Audience]bool
}

// Sees says whether audience a sees the binder's documents.
func (b Binder) Sees(a Audience) bool { return b.Audiences[a] }

// Binders lists the binders in their order.
func (tx *Tx) Binders() ([]Binder, error) {
	bs, err := collect(tx, "lecture des classeurs", `SELECT code, label FROM binders ORDER BY position, code`, nil,
		func(r *sql.Rows) (Binder, error) {
			b := Binder{Audiences: map[Audience]bool{}}
			return b, r.Scan(&b.Code, &b.Label)
		})
	if err != nil {
		return nil, err
	}
	type pair struct{ binder, audience string }
	pairs, err := collect(tx, "lecture des classeurs", `SELECT binder, audience FROM binder_audiences`, nil,
		func(r *sql.Rows) (pair, error) {
			var p pair
			return p, r.Scan(&p.binder, &p.audience)
		})
	if err != nil {
		return nil, err
	}
	for i := range bs {
		for _, p := range pairs {
			if p.binder == bs[i].Code {
				bs[i].Audiences[Audience(p.audience)] = true
			}
		}
	}
	return bs, nil
}

// SetBinderAudiences sets who sees a binder, as one row of the seed's grid.
func (tx *Tx) SetBinderAudiences(code string, audiences map[Audience]bool) error {
	var n int
	if err := tx.queryRow(`SELECT count(*) FROM binders WHERE code = ?`, code).Scan(&n); err != nil {
		return sqlError(err, "lecture des classeurs")
	}
	if n == 0 {
		return Errorf(NotFound, "Classeur inconnu : « %s »", code)
	}
	if _, err := tx.exec("enregistrement des droits d'un classeur", `DELETE FROM binder_audiences WHERE binder = ?`, code); err != nil {
		return err
	}
	for _, a := range Audiences {
		if !audiences[a] {
			continue
		}
		if _, err := tx.exec("enregistrement des droits d'un classeur", `INSERT INTO binder_audiences (binder, audience) VALUES (?, ?)`, code, string(a)); err != nil {
			return err
		}
	}
	return nil
}

// AddBinder adds a binder after the others, seen by the council and its
// president until the syndic says more, and returns its code.
func (tx *Tx) AddBinder(label string) (string, error) {
	if err := cleanTexts(textField{&label, "nom du classeur", NameText}); err != nil {
		return "", err
	}
	if label == "" {
		return "", Errorf(Invalid, "Donnez un nom au classeur")
	}
	var n int
	if err := tx.queryRow(`SELECT count(*) FROM binders WHERE lower(label) = lower(?)`, label).Scan(&n); err != nil {
		return "", sqlError(err, "lecture des classeurs")
	}
	if n > 0 {
		return "", Errorf(Conflict, "Un classeur « %s » existe déjà", label)
	}
	base := binderCode(label)
	code := base
	for i := 2; ; i++ {
		if err := tx.queryRow(`SELECT count(*) FROM binders WHERE code = ?`, code).Scan(&n); err != nil {
			return "", sqlError(err, "lecture des classeurs")
		}
		if n == 0 {
			break
		}
		code = fmt.Sprintf("%s_%d", base[:min(len(base), 26)], i)
	}
	if _, err := tx.exec("ajout d'un classeur", `INSERT INTO binders (code, label, position) VALUES (?, ?, (SELECT coalesce(max(position), 0) + 1 FROM binders))`, code, label); err != nil {
		return "", err
	}
	return code, tx.SetBinderAudiences(code, map[Audience]bool{AudienceCouncil: true, AudiencePresident: true})
}

// binderCode is a code made of a label: « Plans de l'immeuble » gives
// plans_de_l_immeuble.
func binderCode(label string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(fr.Fold(label)) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "_"):
			b.WriteByte('_')
		}
	}
	s := strings.Trim(b.String(), "_")
	if len(s) > 30 {
		s = strings.TrimRight(s[:30], "_")
	}
	if s == "" {
		s = "classeur"
	}
	return s
}
