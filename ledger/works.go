package ledger

import (
	"database/sql"
	"strings"
	"time"
)

// WorksType distinguishes the two kinds of campaigns of annexes 4 and 5.
type WorksType string

const (
	Art142Works          WorksType = "works"       // travaux de l'article 14-2 voted by the AG
	ExceptionalOperation WorksType = "exceptional" // opération exceptionnelle (study, lawsuit…)
)

// Label is the type in French.
func (t WorksType) Label() string {
	switch t {
	case Art142Works:
		return "Travaux de l'article 14-2"
	case ExceptionalOperation:
		return "Opération exceptionnelle"
	}
	return string(t)
}

// WorksKey is the part of a campaign's voted amount called on one key.
type WorksKey struct {
	Key    string
	Amount Amount
}

// Works is a works campaign: AG-voted works outside the budget, identified by
// a code of three capital letters that its accounts end with (102ETU…).
type Works struct {
	Code   string
	Label  string
	Type   WorksType
	AGDate time.Time // date of the general meeting that voted them
	// Resolution is the AG resolution's number as the minutes give it
	// (« 12 », « 12 bis »); "" when not typed.
	Resolution string
	Voted      Amount    // voted amount; the keys' amounts add up to it
	End        time.Time // expected end of the works (then the actual one)
	Finished   bool
	Notes      string
	Keys       []WorksKey
	Schedule   []time.Time // due dates of its calls, in order (call n° i+1)
}

// EndsIn says whether the works end within the exercise (or before it):
// their calls then credit 702, not 102 (DOMAIN §4).
func (w Works) EndsIn(e Exercise) bool {
	if w.End.IsZero() {
		return false
	}
	return !w.End.After(e.End)
}

// worksAccountRoots are the accounts a campaign gets, root + code (Val
// Compta's practice, which annexes 4 and 5 are built on).
var worksAccountRoots = []struct{ root, label string }{
	{"102", "Provisions"},
	{"120", "Solde en attente"},
	{"131", "Subventions"},
	{"401", "Fournisseurs"},
	{"671", "Travaux décidés par l'AG"},
	{"672", "Travaux urgents"},
	{"673", "Études techniques"},
	{"702", "Provisions sur travaux"},
}

// A campaign's own accounts, by what they hold.
func WorksReserveAccount(code string) string   { return "102" + code } // provisions called, until the works end
func WorksPendingAccount(code string) string   { return "120" + code } // spent and called, awaiting the end
func WorksGrantAccount(code string) string     { return "131" + code } // grants to receive
func WorksSupplierAccount(code string) string  { return "401" + code } // the campaign's suppliers
func WorksProvisionAccount(code string) string { return "702" + code } // provisions once the works end

// WorksAccounts lists the account codes of campaign code (102ETU, 120ETU…).
func WorksAccounts(code string) []string {
	out := make([]string, len(worksAccountRoots))
	for i, r := range worksAccountRoots {
		out[i] = r.root + code
	}
	return out
}

// maxScheduleYears is how far a campaign's calls may run: up to three years
// from the first call (N, N+1, N+2).
const maxScheduleYears = 3

func (tx *Tx) validateWorks(w *Works, creating bool) error {
	if err := cleanTexts(
		textField{&w.Code, "code des travaux", ShortText},
		textField{&w.Label, "libellé des travaux", NameText},
		textField{&w.Resolution, "numéro de résolution des travaux", ShortText},
		textField{&w.Notes, "notes sur les travaux", NotesText},
	); err != nil {
		return err
	}
	w.Code = strings.ToUpper(strings.TrimSpace(w.Code))
	w.Label = strings.TrimSpace(w.Label)
	if len(w.Code) != 3 || strings.Trim(w.Code, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
		return Errorf(Invalid, "Le code de travaux « %s » doit faire trois lettres (ETU, RAV…) : les chiffres se confondraient avec d'autres comptes", w.Code)
	}
	where := "Travaux " + w.Code
	switch {
	case w.Label == "":
		return Errorf(Invalid, "%s : le libellé est obligatoire", where)
	case w.Type != Art142Works && w.Type != ExceptionalOperation:
		return Errorf(Invalid, "%s : choisissez le type (travaux de l'article 14-2 ou opération exceptionnelle)", where)
	case w.Voted <= 0:
		return Errorf(Invalid, "%s : le montant voté doit être positif", where)
	case len(w.Keys) == 0:
		return Errorf(Invalid, "%s : indiquez au moins une clé de répartition", where)
	}
	keys, err := tx.lookups()
	if err != nil {
		return err
	}
	var sum Amount
	seen := map[string]bool{}
	for _, k := range w.Keys {
		if !keys.keys[k.Key] {
			return Errorf(NotFound, "%s : la clé %s n'existe pas", where, k.Key)
		}
		if seen[k.Key] {
			return Errorf(Invalid, "%s : la clé %s figure deux fois", where, k.Key)
		}
		if k.Amount <= 0 {
			return Errorf(Invalid, "%s : le montant de la clé %s doit être positif", where, k.Key)
		}
		seen[k.Key] = true
		sum += k.Amount
	}
	if sum != w.Voted {
		return Errorf(Invalid, "%s : les montants par clé font %s, le montant voté %s", where, sum, w.Voted)
	}
	if len(w.Schedule) > 0 {
		first := w.Schedule[0]
		for i, d := range w.Schedule {
			if i > 0 && !d.After(w.Schedule[i-1]) {
				return Errorf(Invalid, "%s : l'échéance n° %d (%s) doit suivre la précédente", where, i+1, FrenchDate(d))
			}
			if !d.Before(first.AddDate(maxScheduleYears, 0, 0)) {
				return Errorf(Invalid, "%s : les appels s'étalent sur %d ans au plus (l'échéance du %s est trop tardive)", where, maxScheduleYears, FrenchDate(d))
			}
			if _, err := tx.ExerciseAt(d); err != nil {
				return Errorf(Invalid, "%s : l'échéance du %s n'appartient à aucun exercice de la résidence ; créez d'abord l'exercice", where, FrenchDate(d))
			}
		}
	}
	if creating {
		var n int
		tx.queryRow(`SELECT count(*) FROM works WHERE code = ?`, w.Code).Scan(&n)
		if n > 0 {
			return Errorf(Conflict, "La campagne de travaux %s existe déjà", w.Code)
		}
	}
	return nil
}

// AddWorks creates a campaign with its keys and schedule, and its accounts
// 102, 120, 131, 401, 671, 672, 673 and 702 + code (those that exist are
// kept as they are).
func (tx *Tx) AddWorks(w Works) error {
	if err := tx.validateWorks(&w, true); err != nil {
		return err
	}
	if _, err := tx.exec("création des travaux "+w.Code, `INSERT INTO works (code, label, type, ag_date, resolution, voted, end_date, finished, notes)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, w.Code, w.Label, string(w.Type), ISO(w.AGDate), w.Resolution, int64(w.Voted), ISO(w.End), w.Finished, w.Notes); err != nil {
		return err
	}
	for _, r := range worksAccountRoots {
		code := r.root + w.Code
		label := r.label + " – " + w.Label
		if _, err := tx.exec("création du compte "+code, `INSERT INTO accounts (code, label) VALUES (?, ?) ON CONFLICT (code) DO NOTHING`,
			code, label); err != nil {
			return err
		}
	}
	tx.forget("lookups")
	return tx.saveWorksDetails(w, nil)
}

// saveWorksDetails writes the keys and the schedule; called lists the
// numbers already called, whose dates stay.
func (tx *Tx) saveWorksDetails(w Works, called map[int]time.Time) error {
	where := "travaux " + w.Code
	if _, err := tx.exec(where, `DELETE FROM works_keys WHERE works = ?`, w.Code); err != nil {
		return err
	}
	for _, k := range w.Keys {
		if _, err := tx.exec(where, `INSERT INTO works_keys (works, key, amount) VALUES (?, ?, ?)`, w.Code, k.Key, int64(k.Amount)); err != nil {
			return err
		}
	}
	if _, err := tx.exec(where, `DELETE FROM works_schedule WHERE works = ? AND number NOT IN (
		SELECT number FROM calls WHERE works = ? AND cancel_entry_id IS NULL)`, w.Code, w.Code); err != nil {
		return err
	}
	for i, d := range w.Schedule {
		if _, ok := called[i+1]; ok {
			continue
		}
		if _, err := tx.exec(where, `INSERT INTO works_schedule (works, number, due_date) VALUES (?, ?, ?)`, w.Code, i+1, ISO(d)); err != nil {
			return err
		}
	}
	return nil
}

// UpdateWorks saves a campaign's details, keys and schedule. Its code never
// changes, and the due dates already called stay as they were (cancel the
// call first to move it).
func (tx *Tx) UpdateWorks(w Works) error {
	if err := tx.validateWorks(&w, false); err != nil {
		return err
	}
	if _, err := tx.Works(w.Code); err != nil {
		return err
	}
	called, err := tx.calledWorksNumbers(w.Code)
	if err != nil {
		return err
	}
	for n, d := range called {
		if n > len(w.Schedule) || !w.Schedule[n-1].Equal(d) {
			return Errorf(Conflict, "Travaux %s : l'échéance n° %d du %s est déjà appelée, elle ne peut pas changer ; annulez l'appel d'abord", w.Code, n, FrenchDate(d))
		}
	}
	already, err := tx.WorksCalled(w.Code)
	if err != nil {
		return err
	}
	for key, a := range already {
		var voted Amount
		for _, k := range w.Keys {
			if k.Key == key {
				voted = k.Amount
			}
		}
		if voted < a {
			return Errorf(Conflict, "Travaux %s : %s ont déjà été appelés sur la clé %s, son montant ne peut pas descendre à %s", w.Code, a, key, voted)
		}
	}
	if _, err := tx.exec("modification des travaux "+w.Code, `UPDATE works SET label = ?, type = ?, ag_date = ?, resolution = ?, voted = ?, end_date = ?,
		finished = ?, notes = ? WHERE code = ?`, w.Label, string(w.Type), ISO(w.AGDate), w.Resolution, int64(w.Voted), ISO(w.End), w.Finished, w.Notes, w.Code); err != nil {
		return err
	}
	return tx.saveWorksDetails(w, called)
}

// calledWorksNumbers maps the schedule numbers of a campaign that have a
// live call to their due dates.
func (tx *Tx) calledWorksNumbers(code string) (map[int]time.Time, error) {
	type row struct {
		n   int
		due string
	}
	rows, err := collect(tx, "lecture des appels de travaux", `SELECT number, due_date FROM calls WHERE works = ? AND cancel_entry_id IS NULL`,
		[]any{code}, func(r *sql.Rows) (row, error) {
			var x row
			return x, r.Scan(&x.n, &x.due)
		})
	if err != nil {
		return nil, err
	}
	out := map[int]time.Time{}
	for _, x := range rows {
		out[x.n] = parseStored(x.due)
	}
	return out, nil
}

// WorksCalled sums, per key, what the live calls of a campaign asked.
func (tx *Tx) WorksCalled(code string) (map[string]Amount, error) {
	type row struct {
		key string
		a   Amount
	}
	rows, err := collect(tx, "lecture des appels de travaux", `SELECT k.key, sum(k.amount) FROM call_keys k JOIN calls c ON c.id = k.call_id
		WHERE c.works = ? AND c.cancel_entry_id IS NULL GROUP BY k.key`, []any{code}, func(r *sql.Rows) (row, error) {
		var x row
		return x, r.Scan(&x.key, &x.a)
	})
	if err != nil {
		return nil, err
	}
	out := map[string]Amount{}
	for _, x := range rows {
		out[x.key] = x.a
	}
	return out, nil
}

// DeleteWorks removes a campaign that was never called. Its accounts stay
// in the chart (remove the unused ones from the chart screen).
func (tx *Tx) DeleteWorks(code string) error {
	var n int
	if err := tx.queryRow(`SELECT count(*) FROM calls WHERE works = ?`, code).Scan(&n); err != nil {
		return sqlError(err, "suppression des travaux")
	}
	if n > 0 {
		return Errorf(Conflict, "La campagne de travaux %s a déjà été appelée : elle ne peut pas être supprimée", code)
	}
	for _, q := range []string{`DELETE FROM works_schedule WHERE works = ?`, `DELETE FROM works_keys WHERE works = ?`} {
		if _, err := tx.exec("suppression des travaux", q, code); err != nil {
			return err
		}
	}
	res, err := tx.exec("suppression des travaux", `DELETE FROM works WHERE code = ?`, code)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return Errorf(NotFound, "La campagne de travaux %s n'existe pas", code)
	}
	return nil
}

// WorksList lists the campaigns by code, with their keys and schedules.
func (tx *Tx) WorksList() ([]Works, error) {
	list, err := collect(tx, "lecture des travaux", `SELECT code, label, type, ag_date, resolution, voted, end_date, finished, notes
		FROM works ORDER BY code`, nil, func(r *sql.Rows) (Works, error) {
		var w Works
		var typ, ag, end string
		err := r.Scan(&w.Code, &w.Label, &typ, &ag, &w.Resolution, &w.Voted, &end, &w.Finished, &w.Notes)
		w.Type, w.AGDate, w.End = WorksType(typ), parseStored(ag), parseStored(end)
		return w, err
	})
	if err != nil || len(list) == 0 {
		return list, err
	}
	idx := map[string]int{}
	for i, w := range list {
		idx[w.Code] = i
	}
	type keyRow struct {
		works string
		k     WorksKey
	}
	keys, err := collect(tx, "lecture des travaux", `SELECT works, key, amount FROM works_keys ORDER BY works, key`, nil,
		func(r *sql.Rows) (keyRow, error) {
			var x keyRow
			return x, r.Scan(&x.works, &x.k.Key, &x.k.Amount)
		})
	if err != nil {
		return nil, err
	}
	for _, x := range keys {
		list[idx[x.works]].Keys = append(list[idx[x.works]].Keys, x.k)
	}
	type dueRow struct {
		works string
		due   string
	}
	dues, err := collect(tx, "lecture des travaux", `SELECT works, due_date FROM works_schedule ORDER BY works, number`, nil,
		func(r *sql.Rows) (dueRow, error) {
			var x dueRow
			return x, r.Scan(&x.works, &x.due)
		})
	if err != nil {
		return nil, err
	}
	for _, x := range dues {
		list[idx[x.works]].Schedule = append(list[idx[x.works]].Schedule, parseStored(x.due))
	}
	return list, nil
}

// Works returns one campaign.
func (tx *Tx) Works(code string) (Works, error) {
	list, err := tx.WorksList()
	if err != nil {
		return Works{}, err
	}
	code = strings.ToUpper(strings.TrimSpace(code))
	for _, w := range list {
		if w.Code == code {
			return w, nil
		}
	}
	return Works{}, Errorf(NotFound, "La campagne de travaux %s n'existe pas", code)
}

// WorksFund is the works fund voted for an exercise: a yearly amount called
// on one key, credited to 105.
type WorksFund struct {
	ExerciseID int64
	Amount     Amount
	Key        string
}

// WorksFund returns the fund of an exercise; ok is false when none is set.
func (tx *Tx) WorksFund(exerciseID int64) (f WorksFund, ok bool, err error) {
	f.ExerciseID = exerciseID
	err = tx.queryRow(`SELECT amount, key FROM works_fund WHERE exercise_id = ?`, exerciseID).Scan(&f.Amount, &f.Key)
	if err == sql.ErrNoRows {
		return f, false, nil
	}
	if err != nil {
		return f, false, sqlError(err, "lecture du fonds de travaux")
	}
	return f, true, nil
}

// SetWorksFund sets the fund of an exercise; a zero amount removes it. A
// closed exercise's fund no longer changes.
func (tx *Tx) SetWorksFund(f WorksFund) error {
	exs, err := tx.Exercises()
	if err != nil {
		return err
	}
	var ex *Exercise
	for i := range exs {
		if exs[i].ID == f.ExerciseID {
			ex = &exs[i]
		}
	}
	if ex == nil {
		return Errorf(NotFound, "Fonds de travaux : l'exercice n'existe pas")
	}
	if ex.Closed {
		return Errorf(Locked, "L'exercice %s est clos : son fonds de travaux ne peut plus changer", ex.Name())
	}
	if f.Amount < 0 {
		return Errorf(Invalid, "Le fonds de travaux ne peut pas être négatif")
	}
	if f.Amount == 0 {
		_, err := tx.exec("fonds de travaux", `DELETE FROM works_fund WHERE exercise_id = ?`, f.ExerciseID)
		return err
	}
	lk, err := tx.lookups()
	if err != nil {
		return err
	}
	if !lk.keys[f.Key] {
		return Errorf(NotFound, "Fonds de travaux : la clé « %s » n'existe pas", f.Key)
	}
	_, err = tx.exec("fonds de travaux", `INSERT INTO works_fund (exercise_id, amount, key) VALUES (?, ?, ?)
		ON CONFLICT (exercise_id) DO UPDATE SET amount = excluded.amount, key = excluded.key`, f.ExerciseID, int64(f.Amount), f.Key)
	return err
}

// LetterTemplate returns the residence's own text for a letter template;
// ok is false when it uses the program's default.
func (tx *Tx) LetterTemplate(name string) (body string, ok bool, err error) {
	err = tx.queryRow(`SELECT body FROM letter_templates WHERE name = ?`, name).Scan(&body)
	if err == sql.ErrNoRows {
		return "", false, nil
	}
	if err != nil {
		return "", false, sqlError(err, "lecture des modèles de lettres")
	}
	return body, true, nil
}

// SetLetterTemplate stores the residence's own text for a template; an
// empty body goes back to the default.
func (tx *Tx) SetLetterTemplate(name, body string) error {
	if err := cleanTexts(textField{&name, "nom du modèle de lettre", NameText}, textField{&body, "modèle de lettre « " + name + " »", TemplateText}); err != nil {
		return err
	}
	if strings.TrimSpace(name) == "" {
		return Errorf(Invalid, "Modèle de lettre sans nom")
	}
	if strings.TrimSpace(body) == "" {
		_, err := tx.exec("modèle de lettre", `DELETE FROM letter_templates WHERE name = ?`, name)
		return err
	}
	_, err := tx.exec("modèle de lettre", `INSERT INTO letter_templates (name, body) VALUES (?, ?)
		ON CONFLICT (name) DO UPDATE SET body = excluded.body`, name, body)
	return err
}

// LetterImage returns an image printed on letters (nil when none).
func (tx *Tx) LetterImage(name string) ([]byte, error) {
	var data []byte
	err := tx.queryRow(`SELECT data FROM letter_images WHERE name = ?`, name).Scan(&data)
	if err == sql.ErrNoRows {
		return nil, nil
	}
	return data, sqlError(err, "lecture des images des lettres")
}

// SetLetterImage stores an image printed on letters; nil removes it.
func (tx *Tx) SetLetterImage(name string, data []byte) error {
	if err := cleanTexts(textField{&name, "nom de l'image des lettres", NameText}); err != nil {
		return err
	}
	if len(data) == 0 {
		_, err := tx.exec("image des lettres", `DELETE FROM letter_images WHERE name = ?`, name)
		return err
	}
	_, err := tx.exec("image des lettres", `INSERT INTO letter_images (name, data) VALUES (?, ?)
		ON CONFLICT (name) DO UPDATE SET data = excluded.data`, name, data)
	return err
}
