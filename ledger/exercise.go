package ledger

import (
	"database/sql"
	"fmt"
	"time"
)

// Exercise is a fiscal year of the residence.
type Exercise struct {
	ID     int64
	Start  time.Time
	End    time.Time
	Closed bool
}

// Year is the year the exercise starts in: `--year N` names it.
func (e Exercise) Year() int { return e.Start.Year() }

// Contains says whether day d falls inside the exercise.
func (e Exercise) Contains(d time.Time) bool { return !d.Before(e.Start) && !d.After(e.End) }

// Name is how the UI names an exercise: "2025" for a calendar year,
// "01/07/2025 – 30/06/2026" otherwise.
func (e Exercise) Name() string {
	if e.Start.Month() == time.January && e.Start.Day() == 1 && e.End.Equal(Date(e.Start.Year(), time.December, 31)) {
		return fmt.Sprint(e.Start.Year())
	}
	return FrenchDate(e.Start) + " – " + FrenchDate(e.End)
}

func checkExerciseSpan(start, end time.Time, maxMonths int) error {
	if !end.After(start) {
		return Errorf(Invalid, "La fin de l'exercice (%s) doit suivre son début (%s)", FrenchDate(end), FrenchDate(start))
	}
	if end.After(start.AddDate(0, maxMonths, -1)) {
		return Errorf(Invalid, "Un exercice dure au plus %d mois (du %s au %s : trop long)", maxMonths, FrenchDate(start), FrenchDate(end))
	}
	return nil
}

// Exercises lists the exercises in date order.
func (tx *Tx) Exercises() ([]Exercise, error) {
	if v, ok := tx.cache["exercises"]; ok {
		return v.([]Exercise), nil
	}
	list, err := collect(tx, "lecture des exercices", `SELECT id, start, end, closed FROM exercises ORDER BY start`, nil,
		func(r *sql.Rows) (Exercise, error) {
			var e Exercise
			var s, f string
			err := r.Scan(&e.ID, &s, &f, &e.Closed)
			e.Start, e.End = parseStored(s), parseStored(f)
			return e, err
		})
	if err == nil {
		tx.remember("exercises", list)
	}
	return list, err
}

func (tx *Tx) remember(k string, v any) {
	if tx.cache == nil {
		tx.cache = map[string]any{}
	}
	tx.cache[k] = v
}

func (tx *Tx) forget(k string) { delete(tx.cache, k) }

// AddExercise appends an exercise. The first may last up to 18 months, the
// others 12 at most; each starts the day after the previous one ends.
func (tx *Tx) AddExercise(start, end time.Time) (Exercise, error) {
	list, err := tx.Exercises()
	if err != nil {
		return Exercise{}, err
	}
	max := 12
	if len(list) == 0 {
		max = 18
	} else {
		last := list[len(list)-1]
		if want := last.End.AddDate(0, 0, 1); !start.Equal(want) {
			return Exercise{}, Errorf(Invalid, "Le nouvel exercice doit commencer le %s, lendemain de la fin du précédent", FrenchDate(want))
		}
	}
	if err := checkExerciseSpan(start, end, max); err != nil {
		return Exercise{}, err
	}
	res, err := tx.exec("création de l'exercice", `INSERT INTO exercises (start, end) VALUES (?, ?)`, ISO(start), ISO(end))
	if err != nil {
		return Exercise{}, err
	}
	tx.forget("exercises")
	id, _ := res.LastInsertId()
	return Exercise{ID: id, Start: start, End: end}, nil
}

// AddNextExercise appends the twelve months after the last exercise.
func (tx *Tx) AddNextExercise() (Exercise, error) {
	list, err := tx.Exercises()
	if err != nil {
		return Exercise{}, err
	}
	if len(list) == 0 {
		return Exercise{}, Errorf(Invalid, "La résidence n'a aucun exercice")
	}
	start := list[len(list)-1].End.AddDate(0, 0, 1)
	return tx.AddExercise(start, start.AddDate(1, 0, -1))
}

// ExerciseOfYear returns the exercise that starts in year y.
func (tx *Tx) ExerciseOfYear(y int) (Exercise, error) {
	list, err := tx.Exercises()
	if err != nil {
		return Exercise{}, err
	}
	for _, e := range list {
		if e.Start.Year() == y {
			return e, nil
		}
	}
	return Exercise{}, Errorf(NotFound, "Aucun exercice ne commence en %d", y)
}

// ExerciseAt returns the exercise containing day d.
func (tx *Tx) ExerciseAt(d time.Time) (Exercise, error) {
	list, err := tx.Exercises()
	if err != nil {
		return Exercise{}, err
	}
	for _, e := range list {
		if e.Contains(d) {
			return e, nil
		}
	}
	return Exercise{}, Errorf(NotFound, "Le %s n'appartient à aucun exercice de la résidence", FrenchDate(d))
}

// WorkingExercise is the earliest exercise not yet closed: the one the
// syndic works in. Closing an exercise moves it to the next one.
func (tx *Tx) WorkingExercise() (Exercise, error) {
	list, err := tx.Exercises()
	if err != nil {
		return Exercise{}, err
	}
	for _, e := range list {
		if !e.Closed {
			return e, nil
		}
	}
	return Exercise{}, Errorf(NotFound, "Tous les exercices sont clos : créez l'exercice suivant")
}

// CloseExercise locks an exercise; from then on the file itself refuses any
// change to its entries. The closing workflow calls it last.
// Its seal, the chain's link at that moment, is appended to the chain.
func (tx *Tx) CloseExercise(id int64) error {
	_, err := tx.exec("clôture de l'exercice", `UPDATE exercises SET closed = 1, closed_at = ? WHERE id = ?`,
		Now().UTC().Format(time.RFC3339), id)
	tx.forget("exercises")
	if err != nil {
		return err
	}
	list, err := tx.Exercises()
	if err != nil {
		return err
	}
	for _, ex := range list {
		if ex.ID == id {
			_, err := tx.sealExercise(ex)
			return err
		}
	}
	return Errorf(NotFound, "L'exercice n° %d n'existe pas", id)
}

// balanceStart is the first day from which entries are summed for a balance
// at day d: the start of the exercise containing d, or earlier when previous
// exercises are still open (their balances were not carried forward by an
// AN entry yet). Earlier closed exercises are never summed again.
func (tx *Tx) balanceStart(d time.Time) (time.Time, error) {
	list, err := tx.Exercises()
	if err != nil {
		return time.Time{}, err
	}
	if len(list) == 0 {
		return d, nil
	}
	start := list[0].Start
	for _, e := range list {
		if e.Start.After(d) {
			break
		}
		start = e.Start
	}
	for _, e := range list {
		if !e.Closed {
			if e.Start.Before(start) {
				start = e.Start
			}
			break
		}
	}
	return start, nil
}
