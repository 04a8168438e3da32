package ledger

import (
	"database/sql"
	"strings"
	"time"

	"tantieme/internal/fr"
)

// Resolution is a question on an assembly's agenda, with the majority the
// law asks for it.
type Resolution struct {
	ID       int64
	Assembly int64
	Number   int // its place on the agenda, from 1
	Title    string
	Text     string // the draft resolution put to the vote
	// Article is the legal majority: Article24, Article25, Article26 or
	// ArticleUnanimity. The second votes of art. 25-1 and art. 26 follow from
	// the first vote's figures; they are not kinds of their own.
	Article string
	// Key is the key whose tantièmes vote, "" for the residence's general
	// key (loi 1965 art. 24 II: only the owners sharing the charges of a
	// special key vote on them).
	Key      string
	Kind     string // ResolutionBudget, ResolutionAccounts, ResolutionWorks or ResolutionOther
	Exercise int64  // the budget's or the accounts' exercise, 0 for none
	Outcome  string // "" until voted, then OutcomeAdopted or OutcomeRejected
	// Fingerprint is, for the approval of the accounts, the books'
	// fingerprint printed on the annexes the assembly was shown.
	Fingerprint string
	// Amended in session: a postal « pour » on it is défaillant (décret
	// 1967 art. 9 bis). See SetResolutionAmended.
	Amended bool
}

// The majorities, kinds and outcomes of a resolution.
const (
	Article24        = "24"
	Article25        = "25"
	Article26        = "26"
	ArticleUnanimity = "unanimite"

	ResolutionBudget   = "budget"
	ResolutionAccounts = "accounts"
	ResolutionWorks    = "works"
	ResolutionOther    = "other"

	OutcomeAdopted  = "adoptee"
	OutcomeRejected = "rejetee"
)

// Articles are the majorities in the law's order.
var Articles = []string{Article24, Article25, Article26, ArticleUnanimity}

// ArticleWords say each majority as the agenda prints it.
var ArticleWords = map[string]string{
	Article24:        "Majorité de l'article 24 (majorité des voix exprimées)",
	Article25:        "Majorité de l'article 25 (majorité des voix de tous les copropriétaires)",
	Article26:        "Majorité de l'article 26 (majorité des copropriétaires représentant au moins les deux tiers des voix)",
	ArticleUnanimity: "Unanimité des voix de tous les copropriétaires",
}

// ResolutionKinds are the kinds in the order the screens offer them, and
// ResolutionKindWords their French names.
var (
	ResolutionKinds     = []string{ResolutionOther, ResolutionAccounts, ResolutionBudget, ResolutionWorks}
	ResolutionKindWords = map[string]string{
		ResolutionOther: "Autre", ResolutionAccounts: "Approbation des comptes", ResolutionBudget: "Budget prévisionnel",
		ResolutionWorks: "Travaux",
	}
)

// ParseArticle reads a majority as typed: « 24 », « art. 25 », « unanimité ».
func ParseArticle(s string) (string, error) {
	t := fr.Fold(s)
	for _, prefix := range []string{"article", "art.", "art"} {
		if strings.HasPrefix(t, prefix) {
			t = strings.TrimSpace(t[len(prefix):])
			break
		}
	}
	switch t {
	case "24", "25", "26":
		return t, nil
	case "unanimite", "unanimity":
		return ArticleUnanimity, nil
	}
	return "", Errorf(Invalid, "Majorité « %s » inconnue : 24, 25, 26 ou unanimite", s)
}

func (r *Resolution) validate() error {
	if err := cleanTexts(
		textField{&r.Title, "titre de la résolution", LabelText},
		textField{&r.Text, "texte de la résolution", NotesText},
	); err != nil {
		return err
	}
	if r.Title == "" {
		return Errorf(Invalid, "Donnez un titre à la résolution")
	}
	if r.Article == "" {
		r.Article = Article24
	}
	if _, ok := ArticleWords[r.Article]; !ok {
		return Errorf(Invalid, "Majorité « %s » inconnue : 24, 25, 26 ou unanimite", r.Article)
	}
	if r.Kind == "" {
		r.Kind = ResolutionOther
	}
	if _, ok := ResolutionKindWords[r.Kind]; !ok {
		return Errorf(Invalid, "Genre de résolution « %s » inconnu : budget, accounts, works ou other", r.Kind)
	}
	if r.Exercise != 0 && r.Kind != ResolutionBudget && r.Kind != ResolutionAccounts {
		return Errorf(Invalid, "Seules les résolutions du budget et des comptes portent sur un exercice")
	}
	if r.Outcome != "" && r.Outcome != OutcomeAdopted && r.Outcome != OutcomeRejected {
		return Errorf(Invalid, "Résultat « %s » inconnu : adoptee ou rejetee", r.Outcome)
	}
	if r.Fingerprint != "" {
		if r.Kind != ResolutionAccounts {
			return Errorf(Invalid, "Seule l'approbation des comptes garde l'empreinte des annexes")
		}
		fp, err := NormalizeFingerprint(r.Fingerprint)
		if err != nil {
			return err
		}
		r.Fingerprint = fp
	}
	return nil
}

const resolutionColumns = `id, assembly_id, number, title, text, article, key, kind, exercise_id, outcome, fingerprint, amended`

func scanResolution(r *sql.Rows) (Resolution, error) {
	var x Resolution
	var key sql.NullString
	var ex sql.NullInt64
	err := r.Scan(&x.ID, &x.Assembly, &x.Number, &x.Title, &x.Text, &x.Article, &key, &x.Kind, &ex, &x.Outcome, &x.Fingerprint, &x.Amended)
	x.Key, x.Exercise = key.String, ex.Int64
	return x, err
}

// Resolutions lists an assembly's agenda in order.
func (tx *Tx) Resolutions(assembly int64) ([]Resolution, error) {
	return collect(tx, "lecture de l'ordre du jour", `SELECT `+resolutionColumns+` FROM resolutions WHERE assembly_id = ? ORDER BY number, id`,
		[]any{assembly}, scanResolution)
}

// Resolution reads one resolution.
func (tx *Tx) Resolution(id int64) (Resolution, error) {
	list, err := collect(tx, "lecture de la résolution", `SELECT `+resolutionColumns+` FROM resolutions WHERE id = ?`, []any{id}, scanResolution)
	if err != nil {
		return Resolution{}, err
	}
	if len(list) == 0 {
		return Resolution{}, Errorf(NotFound, "La résolution n° %d n'existe pas", id)
	}
	return list[0], nil
}

// draftAssembly reads an assembly whose agenda may still change.
func (tx *Tx) draftAssembly(id int64) (Assembly, error) {
	a, err := tx.Assembly(id)
	if err != nil {
		return a, err
	}
	if !a.Draft() {
		return a, Errorf(Conflict, "Les convocations de l'assemblée du %s sont envoyées : son ordre du jour ne change plus (décret du 17 mars 1967, art. 13)", FrenchDate(a.Day))
	}
	return a, nil
}

// SaveResolution adds a resolution at the end of a draft agenda (ID 0: its
// id and number are set) or changes one; its number stays (see
// MoveResolution). The outcome and fingerprint are the vote's: see
// SetResolutionOutcome.
func (tx *Tx) SaveResolution(r *Resolution) error {
	if err := r.validate(); err != nil {
		return err
	}
	if _, err := tx.draftAssembly(r.Assembly); err != nil {
		return err
	}
	if r.Key != "" {
		var n int
		if err := tx.queryRow(`SELECT count(*) FROM keys WHERE code = ?`, r.Key).Scan(&n); err != nil {
			return sqlError(err, "lecture des clés")
		}
		if n == 0 {
			return Errorf(NotFound, "La clé %s de la résolution « %s » n'existe pas", r.Key, r.Title)
		}
	}
	if err := tx.checkExercise(r.Exercise); err != nil {
		return err
	}
	key := any(nil)
	if r.Key != "" {
		key = r.Key
	}
	if r.ID == 0 {
		if err := tx.queryRow(`SELECT coalesce(max(number), 0) + 1 FROM resolutions WHERE assembly_id = ?`, r.Assembly).Scan(&r.Number); err != nil {
			return sqlError(err, "lecture de l'ordre du jour")
		}
		res, err := tx.exec("ajout d'une résolution", `INSERT INTO resolutions (assembly_id, number, title, text, article, key, kind, exercise_id)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, r.Assembly, r.Number, r.Title, r.Text, r.Article, key, r.Kind, nullID(r.Exercise))
		if err != nil {
			return err
		}
		r.ID, _ = res.LastInsertId()
		return nil
	}
	old, err := tx.Resolution(r.ID)
	if err != nil {
		return err
	}
	if old.Assembly != r.Assembly {
		return Errorf(Invalid, "Une résolution ne change pas d'assemblée")
	}
	r.Number = old.Number
	_, err = tx.exec("modification de la résolution", `UPDATE resolutions SET title = ?, text = ?, article = ?, key = ?, kind = ?, exercise_id = ?
		WHERE id = ?`, r.Title, r.Text, r.Article, key, r.Kind, nullID(r.Exercise), r.ID)
	return err
}

// DeleteResolution takes a resolution off a draft agenda; the ones after
// it move up.
func (tx *Tx) DeleteResolution(id int64) error {
	r, err := tx.Resolution(id)
	if err != nil {
		return err
	}
	if _, err := tx.draftAssembly(r.Assembly); err != nil {
		return err
	}
	if _, err := tx.exec("suppression de la résolution", `DELETE FROM votes WHERE resolution_id = ?`, id); err != nil {
		return err
	}
	if _, err := tx.exec("suppression de la résolution", `DELETE FROM resolutions WHERE id = ?`, id); err != nil {
		return err
	}
	return tx.renumberResolutions(r.Assembly, nil)
}

// MoveResolution moves a resolution of a draft agenda up (by -1) or down
// (by +1); at either end it stays.
func (tx *Tx) MoveResolution(id int64, by int) error {
	r, err := tx.Resolution(id)
	if err != nil {
		return err
	}
	if _, err := tx.draftAssembly(r.Assembly); err != nil {
		return err
	}
	list, err := tx.Resolutions(r.Assembly)
	if err != nil {
		return err
	}
	order := make([]int64, len(list))
	at := 0
	for i, x := range list {
		order[i] = x.ID
		if x.ID == id {
			at = i
		}
	}
	to := at + by
	if to < 0 || to >= len(order) {
		return nil
	}
	order[at], order[to] = order[to], order[at]
	return tx.renumberResolutions(r.Assembly, order)
}

// renumberResolutions numbers an agenda 1, 2, 3… in the order given (nil:
// the present order).
func (tx *Tx) renumberResolutions(assembly int64, order []int64) error {
	if order == nil {
		list, err := tx.Resolutions(assembly)
		if err != nil {
			return err
		}
		for _, x := range list {
			order = append(order, x.ID)
		}
	}
	for i, id := range order {
		if _, err := tx.exec("numérotation de l'ordre du jour", `UPDATE resolutions SET number = ? WHERE id = ? AND assembly_id = ?`, i+1, id, assembly); err != nil {
			return err
		}
	}
	return nil
}

// SetResolutionOutcome records the result of a resolution's vote, and for
// the approval of the accounts the fingerprint printed on the annexes the
// assembly was shown ("" otherwise).
func (tx *Tx) SetResolutionOutcome(id int64, outcome, fingerprint string) error {
	r, err := tx.Resolution(id)
	if err != nil {
		return err
	}
	r.Outcome, r.Fingerprint = outcome, fingerprint
	if err := r.validate(); err != nil {
		return err
	}
	_, err = tx.exec("résultat de la résolution", `UPDATE resolutions SET outcome = ?, fingerprint = ? WHERE id = ?`, r.Outcome, r.Fingerprint, id)
	return err
}

// SetResolutionAmended records that a resolution was amended in session
// (or not), before the assembly is held: the agenda of a convened
// assembly does not change, but the assembly may amend a resolution it
// votes on (décret 1967 art. 13 and 9 bis).
func (tx *Tx) SetResolutionAmended(id int64, amended bool) error {
	r, err := tx.Resolution(id)
	if err != nil {
		return err
	}
	a, err := tx.Assembly(r.Assembly)
	if err != nil {
		return err
	}
	if a.Status == AssemblyHeld {
		return Errorf(Conflict, "L'assemblée du %s est tenue : la résolution %d ne change plus", FrenchDate(a.Day), r.Number)
	}
	_, err = tx.exec("résolution amendée en séance", `UPDATE resolutions SET amended = ? WHERE id = ?`, amended, id)
	return err
}

// SetFingerprintIfEmpty gives an approval of the accounts the books'
// fingerprint when it has none yet (the convocation's annexes print it).
func (tx *Tx) SetFingerprintIfEmpty(id int64, fingerprint string) error {
	fp, err := NormalizeFingerprint(fingerprint)
	if err != nil {
		return err
	}
	_, err = tx.exec("empreinte des comptes soumis", `UPDATE resolutions SET fingerprint = ? WHERE id = ? AND fingerprint = '' AND kind = 'accounts'`, fp, id)
	return err
}

// AccountsApproval is the approval of an exercise's accounts by a held
// assembly: the resolution adopted, with the fingerprint of the books the
// assembly was shown, and the assembly's day.
type AccountsApproval struct {
	Resolution Resolution
	Day        time.Time
}

// ApprovedAccounts finds the latest held assembly's adopted approval of
// the accounts of exercise ex (ok false: none).
func (tx *Tx) ApprovedAccounts(exerciseID int64) (AccountsApproval, bool, error) {
	type row struct {
		id  int64
		day string
	}
	list, err := collect(tx, "lecture de l'approbation des comptes", `SELECT r.id, a.day FROM resolutions r JOIN assemblies a ON a.id = r.assembly_id
		WHERE r.kind = 'accounts' AND r.exercise_id = ? AND r.outcome = 'adoptee' AND a.status = 'held' ORDER BY a.day DESC, r.id DESC LIMIT 1`,
		[]any{exerciseID}, func(r *sql.Rows) (row, error) {
			var x row
			return x, r.Scan(&x.id, &x.day)
		})
	if err != nil || len(list) == 0 {
		return AccountsApproval{}, false, err
	}
	res, err := tx.Resolution(list[0].id)
	if err != nil {
		return AccountsApproval{}, false, err
	}
	return AccountsApproval{Resolution: res, Day: parseStored(list[0].day)}, true, nil
}
