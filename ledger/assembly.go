package ledger

import (
	"database/sql"
	"strings"
	"time"
)

// Assembly is a general assembly of the syndicat (issue 21): when and
// where it meets, the accounts it is asked to approve, and the days the
// supporting documents can be consulted (loi 1965 art. 18-1).
type Assembly struct {
	ID       int64
	Day      time.Time
	Time     string // "18:30"
	Place    string
	Kind     string // AssemblyOrdinary or AssemblyExtraordinary
	Exercise int64  // the exercise whose accounts are submitted, 0 for none
	// The supporting documents of the accounts can be consulted between
	// the convocation and the assembly (loi 1965 art. 18-1); zero while
	// not set.
	ConsultFrom, ConsultTo time.Time
	ConsultPlace           string
	ConvenedOn             time.Time // the day the convocations were sent; zero before
	// Filled in at the assembly.
	President, Secretary, Scrutineers string
	Status                            string // AssemblyDraft, AssemblyConvened or AssemblyHeld
}

// The kinds and statuses of an assembly.
const (
	AssemblyOrdinary      = "ordinaire"
	AssemblyExtraordinary = "extraordinaire"

	AssemblyDraft    = "draft"
	AssemblyConvened = "convened"
	AssemblyHeld     = "held"
)

// AssemblyStatusWords are the statuses in French.
var AssemblyStatusWords = map[string]string{
	AssemblyDraft: "en préparation", AssemblyConvened: "convoquée", AssemblyHeld: "tenue",
}

// Title is « Assemblée générale ordinaire du 12/06/2026 ».
func (a Assembly) Title() string {
	kind := a.Kind
	if kind == "" {
		kind = AssemblyOrdinary
	}
	return "Assemblée générale " + kind + " du " + FrenchDate(a.Day)
}

// Draft says whether its agenda can still change: once the convocations
// are sent, the agenda is the one the owners received (décret 1967 art.
// 13: the assembly only votes on the questions of the agenda).
func (a Assembly) Draft() bool { return a.Status == "" || a.Status == AssemblyDraft }

// ParseAssemblyTime reads an hour as « 18:30 », « 18h30 » or « 18h ».
func ParseAssemblyTime(s string) (string, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	t = strings.Replace(t, "h", ":", 1)
	if strings.HasSuffix(t, ":") {
		t += "00"
	}
	if len(t) == 4 && t[1] == ':' {
		t = "0" + t
	}
	if _, err := time.Parse("15:04", t); err != nil || len(t) != 5 {
		return "", Errorf(Invalid, "Heure de l'assemblée : « %s » n'est pas une heure (par exemple 18:30)", s)
	}
	return t, nil
}

func (a *Assembly) validate() error {
	if a.Day.IsZero() {
		return Errorf(Invalid, "Indiquez la date de l'assemblée générale")
	}
	t, err := ParseAssemblyTime(a.Time)
	if err != nil {
		return err
	}
	a.Time = t
	if a.Kind == "" {
		a.Kind = AssemblyOrdinary
	}
	if a.Kind != AssemblyOrdinary && a.Kind != AssemblyExtraordinary {
		return Errorf(Invalid, "Genre d'assemblée « %s » inconnu : ordinaire ou extraordinaire", a.Kind)
	}
	if a.Status == "" {
		a.Status = AssemblyDraft
	}
	if _, ok := AssemblyStatusWords[a.Status]; !ok {
		return Errorf(Invalid, "État d'assemblée « %s » inconnu", a.Status)
	}
	if err := cleanTexts(
		textField{&a.Place, "lieu de l'assemblée générale", AddressText},
		textField{&a.ConsultPlace, "lieu de consultation des pièces justificatives", AddressText},
		textField{&a.President, "président de séance", NameText},
		textField{&a.Secretary, "secrétaire de séance", NameText},
		textField{&a.Scrutineers, "scrutateurs", LabelText},
	); err != nil {
		return err
	}
	if strings.TrimSpace(a.Place) == "" {
		return Errorf(Invalid, "Indiquez le lieu de l'assemblée générale")
	}
	if a.ConsultFrom.IsZero() != a.ConsultTo.IsZero() {
		return Errorf(Invalid, "Consultation des pièces justificatives : indiquez la première et la dernière date, ou aucune")
	}
	if !a.ConsultTo.IsZero() {
		if a.ConsultTo.Before(a.ConsultFrom) {
			return Errorf(Invalid, "Consultation des pièces justificatives : le %s est avant le %s", FrenchDate(a.ConsultTo), FrenchDate(a.ConsultFrom))
		}
		// Loi 1965 art. 18-1: between the convocation and the assembly.
		if !a.ConsultTo.Before(a.Day) {
			return Errorf(Invalid, "Consultation des pièces justificatives : elle doit finir avant l'assemblée du %s (loi du 10 juillet 1965, art. 18-1)", FrenchDate(a.Day))
		}
	}
	if !a.ConvenedOn.IsZero() && a.ConvenedOn.After(a.Day) {
		return Errorf(Invalid, "Les convocations ne peuvent pas être envoyées après l'assemblée du %s", FrenchDate(a.Day))
	}
	if a.Status != AssemblyDraft && a.ConvenedOn.IsZero() {
		return Errorf(Invalid, "Une assemblée convoquée a une date d'envoi des convocations")
	}
	return nil
}

const assemblyColumns = `id, day, time, place, kind, exercise_id, consult_from, consult_to, consult_place, convened_on,
	president, secretary, scrutineers, status`

func scanAssembly(r *sql.Rows) (Assembly, error) {
	var a Assembly
	var day, from, to string
	var ex sql.NullInt64
	var convened sql.NullString
	if err := r.Scan(&a.ID, &day, &a.Time, &a.Place, &a.Kind, &ex, &from, &to, &a.ConsultPlace, &convened,
		&a.President, &a.Secretary, &a.Scrutineers, &a.Status); err != nil {
		return a, err
	}
	a.Day, a.ConsultFrom, a.ConsultTo, a.ConvenedOn = parseStored(day), parseStored(from), parseStored(to), parseStored(convened.String)
	a.Exercise = ex.Int64
	return a, nil
}

// Assemblies lists the assemblies, latest first.
func (tx *Tx) Assemblies() ([]Assembly, error) {
	return collect(tx, "lecture des assemblées générales", `SELECT `+assemblyColumns+` FROM assemblies ORDER BY day DESC, id DESC`, nil, scanAssembly)
}

// Assembly reads one assembly.
func (tx *Tx) Assembly(id int64) (Assembly, error) {
	list, err := collect(tx, "lecture de l'assemblée générale", `SELECT `+assemblyColumns+` FROM assemblies WHERE id = ?`, []any{id}, scanAssembly)
	if err != nil {
		return Assembly{}, err
	}
	if len(list) == 0 {
		return Assembly{}, Errorf(NotFound, "L'assemblée générale n° %d n'existe pas", id)
	}
	return list[0], nil
}

// nullID is an id column that may be NULL (0 in Go).
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// nullDate is a date column that may be NULL (the zero time in Go).
func nullDate(d time.Time) any {
	if d.IsZero() {
		return nil
	}
	return ISO(d)
}

// checkExercise refuses an exercise id the residence does not have.
func (tx *Tx) checkExercise(id int64) error {
	if id == 0 {
		return nil
	}
	var n int
	if err := tx.queryRow(`SELECT count(*) FROM exercises WHERE id = ?`, id).Scan(&n); err != nil {
		return sqlError(err, "lecture des exercices")
	}
	if n == 0 {
		return Errorf(NotFound, "L'exercice n° %d n'existe pas", id)
	}
	return nil
}

// SaveAssembly creates an assembly (ID 0: its id is set) or changes one.
// A held assembly keeps its date: its minutes are written.
func (tx *Tx) SaveAssembly(a *Assembly) error {
	if err := a.validate(); err != nil {
		return err
	}
	if err := tx.checkExercise(a.Exercise); err != nil {
		return err
	}
	args := []any{ISO(a.Day), a.Time, a.Place, a.Kind, nullID(a.Exercise), ISO(a.ConsultFrom), ISO(a.ConsultTo), a.ConsultPlace,
		nullDate(a.ConvenedOn), a.President, a.Secretary, a.Scrutineers, a.Status}
	if a.ID == 0 {
		res, err := tx.exec("création de l'assemblée générale", `INSERT INTO assemblies (day, time, place, kind, exercise_id, consult_from,
			consult_to, consult_place, convened_on, president, secretary, scrutineers, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, args...)
		if err != nil {
			return err
		}
		a.ID, _ = res.LastInsertId()
		return nil
	}
	old, err := tx.Assembly(a.ID)
	if err != nil {
		return err
	}
	if old.Status == AssemblyHeld && !old.Day.Equal(a.Day) {
		return Errorf(Conflict, "L'assemblée du %s est tenue : sa date ne change plus", FrenchDate(old.Day))
	}
	_, err = tx.exec("modification de l'assemblée générale", `UPDATE assemblies SET day = ?, time = ?, place = ?, kind = ?, exercise_id = ?,
		consult_from = ?, consult_to = ?, consult_place = ?, convened_on = ?, president = ?, secretary = ?, scrutineers = ?, status = ?
		WHERE id = ?`, append(args, a.ID)...)
	return err
}

// DeleteAssembly removes an assembly still in preparation, with its
// agenda, attached documents and attendance.
func (tx *Tx) DeleteAssembly(id int64) error {
	a, err := tx.Assembly(id)
	if err != nil {
		return err
	}
	if !a.Draft() {
		return Errorf(Conflict, "L'assemblée du %s est %s : elle ne peut plus être supprimée", FrenchDate(a.Day), AssemblyStatusWords[a.Status])
	}
	for _, q := range []string{
		`DELETE FROM votes WHERE resolution_id IN (SELECT id FROM resolutions WHERE assembly_id = ?)`,
		`DELETE FROM resolutions WHERE assembly_id = ?`,
		`DELETE FROM assembly_documents WHERE assembly_id = ?`,
		`DELETE FROM attendances WHERE assembly_id = ?`,
		`DELETE FROM assemblies WHERE id = ?`,
	} {
		if _, err := tx.exec("suppression de l'assemblée générale", q, id); err != nil {
			return err
		}
	}
	return nil
}

// AttachAssemblyDocument joins a document of the register to the
// convocation of an assembly in preparation.
func (tx *Tx) AttachAssemblyDocument(assembly, document int64) error {
	a, err := tx.Assembly(assembly)
	if err != nil {
		return err
	}
	if !a.Draft() {
		return Errorf(Conflict, "Les convocations de l'assemblée du %s sont envoyées : ses pièces jointes ne changent plus", FrenchDate(a.Day))
	}
	d, err := tx.Document(document)
	if err != nil {
		return err
	}
	if !d.Live() {
		return Errorf(Conflict, "Le document « %s » est retiré du registre", d.Title)
	}
	_, err = tx.exec("pièce jointe à la convocation", `INSERT OR IGNORE INTO assembly_documents (assembly_id, document_id) VALUES (?, ?)`, assembly, document)
	return err
}

// DetachAssemblyDocument takes a document off the convocation of an
// assembly in preparation.
func (tx *Tx) DetachAssemblyDocument(assembly, document int64) error {
	a, err := tx.Assembly(assembly)
	if err != nil {
		return err
	}
	if !a.Draft() {
		return Errorf(Conflict, "Les convocations de l'assemblée du %s sont envoyées : ses pièces jointes ne changent plus", FrenchDate(a.Day))
	}
	_, err = tx.exec("pièce jointe à la convocation", `DELETE FROM assembly_documents WHERE assembly_id = ? AND document_id = ?`, assembly, document)
	return err
}

// AssemblyDocuments lists the documents attached to an assembly's
// convocation, in the register's order (date, then id).
func (tx *Tx) AssemblyDocuments(assembly int64) ([]Document, error) {
	ids, err := collect(tx, "lecture des pièces jointes", `SELECT d.id FROM assembly_documents a JOIN documents d ON d.id = a.document_id
		WHERE a.assembly_id = ? ORDER BY d.date, d.id`, []any{assembly}, func(r *sql.Rows) (int64, error) {
		var id int64
		return id, r.Scan(&id)
	})
	if err != nil {
		return nil, err
	}
	out := make([]Document, 0, len(ids))
	for _, id := range ids {
		d, err := tx.Document(id)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, nil
}
