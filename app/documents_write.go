package app

import (
	"os"
	"path/filepath"
	"time"

	"tantieme/ledger"
)

// The subfolders of the residence's documents folder, the same for the
// window and the CLI (issue 19: one documents folder per residence).
const (
	FolderCalls           = "Appels"
	FolderReminders       = "Relances"
	FolderSlips           = "Bordereaux"
	FolderTransfers       = "Virements"
	FolderReconciliations = "Rapprochements"
	FolderDebits          = "Prélèvements"
	FolderBinders         = "Classeurs" // outside documents, one subfolder per binder
)

// ClosingFolder is the subfolder of an exercise's closing documents
// (décomptes, annexes): « Clôture 2025 ».
func ClosingFolder(ex ledger.Exercise) string { return "Clôture " + ex.Name() }

// DocumentsSubfolder is a subfolder of the residence's documents folder:
// where the window and the CLI write a kind of document by default.
func (r *Residence) DocumentsSubfolder(name string) (string, error) {
	root, err := r.DocumentsFolder()
	if err != nil {
		return "", err
	}
	return filepath.Join(root, name), nil
}

// WriteDocument writes a document the program produced at p.Path,
// creating its folder, then records it in the register. The file stays
// written when the register refuses it: the error says so.
func (r *Residence) WriteDocument(data []byte, p Produced) error {
	if err := os.MkdirAll(filepath.Dir(p.Path), 0o755); err != nil {
		return ledger.Wrap(ledger.Invalid, err, "Le dossier « %s » ne peut pas être créé : choisissez-en un autre ou vérifiez les droits", filepath.Dir(p.Path))
	}
	if err := ledger.WriteOutputBytes(p.Path, data); err != nil {
		return err
	}
	return r.RegisterWritten(p)
}

// RegisterWritten records files already written, in its own short
// transaction. A residence open read-only (open in another window, or a
// CLI report that only reads) cannot record anything: its documents are
// written all the same and simply not registered.
func (r *Residence) RegisterWritten(files ...Produced) error {
	if len(files) == 0 || r.ReadOnly() {
		return nil
	}
	if _, err := r.Register(files...); err != nil {
		what := filepath.Base(files[0].Path)
		if len(files) > 1 {
			what = filepath.Dir(files[0].Path)
		}
		return ledger.Wrap(ledger.KindOf(err), err, "Les documents sont écrits (%s), mais le registre des documents n'a pas pu les inscrire : %s", what, ledger.Message(err))
	}
	return nil
}

// exerciseIDAt is the id of the exercise holding day, 0 when none does.
func exerciseIDAt(tx *ledger.Tx, day time.Time) int64 {
	ex, err := tx.ExerciseAt(day)
	if err != nil {
		return 0
	}
	return ex.ID
}

// DocumentTitle is a register title of a document for one owner:
// « Appel de fonds du 01/04/2025 — Bernard ».
func DocumentTitle(what, name string) string {
	if name == "" {
		return what
	}
	return what + " — " + name
}

// BookProduced is the register's line of a book (journal, grand livre,
// balances, the owners' statements in one book) written at path: kind
// "book" with no owner, since it shows every owner's account; dated the
// print day.
func BookProduced(path, what string, opt BookOptions) Produced {
	p := BookPeriod{Exercise: opt.Exercise, From: opt.From, To: opt.To}
	if p.From.IsZero() {
		p.From = opt.Exercise.Start
	}
	if p.To.IsZero() {
		p.To = opt.Exercise.End
	}
	day := opt.Printed
	if day.IsZero() {
		day = ledger.Now()
	}
	return Produced{Path: path, Kind: "book", Date: day, Exercise: opt.Exercise.ID, Title: what + " – " + p.Name()}
}

// AttendanceProduced is the register's line of the attendance sheet of the
// general meeting of day, written at path.
func (r *Residence) AttendanceProduced(path string, day time.Time) Produced {
	return Produced{Path: path, Kind: "attendance", Date: day, Exercise: r.ExerciseIDAt(day),
		Title: "Feuille de présence de l'assemblée générale du " + ledger.FrenchDate(day)}
}

// CouncilProduced is the register's line of the list of the council's
// members on day, written at path.
func (r *Residence) CouncilProduced(path string, day time.Time) Produced {
	return Produced{Path: path, Kind: "council_list", Date: day, Exercise: r.ExerciseIDAt(day),
		Title: "Liste du conseil syndical au " + ledger.FrenchDate(day)}
}
