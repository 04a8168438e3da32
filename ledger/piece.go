package ledger

import (
	"database/sql"
	"fmt"
	"strconv"
	"time"
)

// Piece numbers, in one place. Every journal numbers its pieces per
// exercise, starting again at 0001 with each one, as French practice has
// it (the numbering of a journal is continuous within an exercise: arrêté
// du 14 mars 2005, art. 2): F2025-0001 for invoices (AC), B2025-0001 for
// the bank (BQ), OD2025-0001, AN2025-0001 for entries typed by hand, and
// A2025-0001 for the calls for funds. Files written before calls were
// numbered so keep their A0001… pieces: the entries' hash chain covers
// them, and a piece is never renumbered.

// PiecePrefix is the prefix of a journal's pieces in an exercise.
func PiecePrefix(journal string, ex Exercise) string {
	letter := journal
	switch journal {
	case JournalPurchases:
		letter = "F"
	case JournalBank:
		letter = "B"
	}
	return letter + strconv.Itoa(ex.Year()) + "-"
}

// CallPiecePrefix is the prefix of the calls' pieces in an exercise.
func CallPiecePrefix(ex Exercise) string { return "A" + strconv.Itoa(ex.Year()) + "-" }

// NextPieceOn proposes the piece of a new entry of journal on day date: the
// next number of its exercise. A day outside every exercise is numbered
// after its year; posting refuses the day anyway, with its own message.
func (tx *Tx) NextPieceOn(journal string, date time.Time) (string, error) {
	if journal == "" {
		return "", nil
	}
	ex, err := tx.ExerciseAt(date)
	if err != nil {
		ex = Exercise{Start: date, End: date}
	}
	return tx.NextPiece(PiecePrefix(journal, ex))
}

// NextPiece returns the next piece number with the given prefix: "A" gives
// A0001, A0002… whatever the journal.
func (tx *Tx) NextPiece(prefix string) (string, error) {
	var max sql.NullString
	err := tx.queryRow(`SELECT max(piece) FROM entries WHERE piece GLOB ? AND length(piece) = ?`,
		globEscape(prefix)+"[0-9][0-9][0-9][0-9]", len(prefix)+4).Scan(&max)
	if err != nil {
		return "", sqlError(err, "numérotation des pièces")
	}
	n := 0
	if max.Valid {
		fmt.Sscanf(max.String[len(prefix):], "%d", &n)
	}
	return fmt.Sprintf("%s%04d", prefix, n+1), nil
}

// PieceCounter numbers many entries of one transaction (the closing's):
// NextPiece reads every piece of the file, so it is asked once per prefix
// and counted on from there.
type PieceCounter struct {
	tx   *Tx
	last map[string]int
}

// PieceCounter starts a counter for this transaction.
func (tx *Tx) PieceCounter() *PieceCounter { return &PieceCounter{tx: tx, last: map[string]int{}} }

// Next is the next piece with prefix.
func (pc *PieceCounter) Next(prefix string) (string, error) {
	n, ok := pc.last[prefix]
	if !ok {
		first, err := pc.tx.NextPiece(prefix)
		if err != nil {
			return "", err
		}
		if _, err := fmt.Sscanf(first[len(prefix):], "%d", &n); err != nil {
			return "", Wrap(Internal, err, "Numérotation des pièces impossible")
		}
		n--
	}
	n++
	pc.last[prefix] = n
	return fmt.Sprintf("%s%04d", prefix, n), nil
}

// NextOn is the next piece of journal in the exercise of date, as
// NextPieceOn numbers it.
func (pc *PieceCounter) NextOn(journal string, date time.Time) (string, error) {
	ex, err := pc.tx.ExerciseAt(date)
	if err != nil {
		ex = Exercise{Start: date, End: date}
	}
	return pc.Next(PiecePrefix(journal, ex))
}
