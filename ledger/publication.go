package ledger

import (
	"database/sql"
	"strings"
	"time"
)

// A publication writes, into a folder the syndic chose (a USB stick, the
// council's shared drive), one space per audience holding exactly the
// documents that audience may see (issue 19, seed 000's extranet without a
// server). The residence remembers what each space holds after each
// publication (table published), so the next one writes only what is new
// or changed and removes what was withdrawn or is no longer allowed, and
// never touches a file it did not write.

// Publication is one « Publier… » into a folder.
type Publication struct {
	ID     int64
	Folder string // absolute, cleaned
	At     time.Time
	// Since is, for the first publication to a folder, the day from which
	// it published (zero: the whole history); for a later one, the day from
	// which it sent every document again (« renvoyer depuis le … »).
	Since   time.Time
	Added   int
	Removed int
}

// Published is a document in an audience's space after a publication.
type Published struct {
	// Audience names the space: "owner:450001", "owners", "council",
	// "president", "supplier".
	Audience string
	Document int64
	SHA256   string
	// Name is the file's path inside the audience's folder, with slashes:
	// « Relevés de charges/Avis 2025-T1.pdf ».
	Name string
}

// OwnerAudience is the space of one owner.
func OwnerAudience(account string) string { return "owner:" + account }

// AudienceOwnerAccount is the owner of an owner's space, "" for a shared
// one.
func AudienceOwnerAccount(audience string) string {
	if a, ok := strings.CutPrefix(audience, "owner:"); ok {
		return a
	}
	return ""
}

const publicationColumns = `id, folder, at, since, added, removed`

func scanPublication(r interface{ Scan(...any) error }) (Publication, error) {
	var p Publication
	var at, since string
	err := r.Scan(&p.ID, &p.Folder, &at, &since, &p.Added, &p.Removed)
	p.At, _ = time.Parse("2006-01-02T15:04:05", at)
	p.Since = parseStored(since)
	return p, err
}

// Publications lists the publications into folder, oldest first.
func (tx *Tx) Publications(folder string) ([]Publication, error) {
	return collect(tx, "lecture des publications", `SELECT `+publicationColumns+` FROM publications WHERE folder = ? ORDER BY id`, []any{folder},
		func(r *sql.Rows) (Publication, error) { return scanPublication(r) })
}

// PublishedIn is what each audience's space of folder holds after the
// last publication into it, by audience then name.
func (tx *Tx) PublishedIn(folder string) ([]Published, error) {
	return collect(tx, "lecture des documents publiés", `SELECT audience, document, sha256, name FROM published WHERE folder = ? ORDER BY audience, name`, []any{folder},
		func(r *sql.Rows) (Published, error) {
			var p Published
			return p, r.Scan(&p.Audience, &p.Document, &p.SHA256, &p.Name)
		})
}

// RecordPublication records a publication into p.Folder and replaces what
// the folder's spaces hold by state. The caller writes the files first:
// the rows say what is there, never what is about to be.
func (tx *Tx) RecordPublication(p Publication, state []Published) (int64, error) {
	if err := cleanTexts(textField{&p.Folder, "dossier de publication", OptionText}); err != nil {
		return 0, err
	}
	if p.Folder == "" {
		return 0, Errorf(Invalid, "Indiquez le dossier de publication")
	}
	if p.At.IsZero() {
		p.At = Now()
	}
	if p.Added < 0 || p.Removed < 0 {
		return 0, Errorf(Internal, "Publication : nombre de documents négatif")
	}
	res, err := tx.exec("enregistrement d'une publication", `INSERT INTO publications (folder, at, since, added, removed) VALUES (?, ?, ?, ?, ?)`,
		p.Folder, p.At.UTC().Format("2006-01-02T15:04:05"), ISO(p.Since), p.Added, p.Removed)
	if err != nil {
		return 0, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, sqlError(err, "enregistrement d'une publication")
	}
	if _, err := tx.exec("enregistrement d'une publication", `DELETE FROM published WHERE folder = ?`, p.Folder); err != nil {
		return 0, err
	}
	for _, s := range state {
		if _, err := tx.exec("enregistrement d'une publication", `INSERT INTO published (folder, audience, document, sha256, name, publication)
			VALUES (?, ?, ?, ?, ?, ?)`, p.Folder, s.Audience, s.Document, s.SHA256, s.Name, id); err != nil {
			return 0, err
		}
	}
	return id, nil
}

// optionCouncilPresident is the account of the president of the conseil
// syndical (décret 1967 art. 22: the council elects him among its
// members); his space sees what the binders give the president.
const optionCouncilPresident = "council.president"

// CouncilPresident is the president of the council: "" when none is
// named, or when the one named is no longer a member or has left at day.
func (tx *Tx) CouncilPresident(day time.Time) (string, error) {
	acc, err := tx.Option(optionCouncilPresident, "")
	if err != nil || acc == "" {
		return "", err
	}
	o, err := tx.Owner(acc)
	if KindOf(err) == NotFound {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	if !o.Council || o.Left(day) {
		return "", nil
	}
	return acc, nil
}

// SetCouncilPresident names the president of the council, a member of it;
// "" names none.
func (tx *Tx) SetCouncilPresident(account string) error {
	account = strings.TrimSpace(account)
	if account != "" {
		o, err := tx.Owner(account)
		if err != nil {
			return err
		}
		if !o.Council {
			return Errorf(Invalid, "%s (%s) n'est pas membre du conseil syndical : le président est élu parmi ses membres", o.DisplayName(), account)
		}
		if o.Left(Today()) {
			return Errorf(Invalid, "%s (%s) n'est plus copropriétaire", o.DisplayName(), account)
		}
	}
	return tx.SetOption(optionCouncilPresident, account)
}
