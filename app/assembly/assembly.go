// Package assembly prepares the general assembly (issue 21): the
// assembly, its agenda and attached documents, the convocation pack sent
// to every owner, and the records of the meeting (attendance, votes). The
// vote rules themselves (majorities, proxy limits, postal forms' validity)
// live in ledger; this package stores what happened and prints what is
// sent.
package assembly

import (
	"time"

	"tantieme/app"
	"tantieme/ledger"
)

// Detail is an assembly with everything recorded about it.
type Detail struct {
	Assembly    ledger.Assembly
	Resolutions []ledger.Resolution
	Documents   []ledger.Document
	Attendance  []ledger.Attendance
	Votes       []ledger.Vote
}

// List lists the assemblies, latest first.
func List(r *app.Residence) ([]ledger.Assembly, error) {
	var out []ledger.Assembly
	err := r.View(func(tx *ledger.Tx) error {
		var err error
		out, err = tx.Assemblies()
		return err
	})
	return out, err
}

// Load reads an assembly and its records.
func Load(r *app.Residence, id int64) (Detail, error) {
	var d Detail
	err := r.View(func(tx *ledger.Tx) error {
		var err error
		d, err = load(tx, id)
		return err
	})
	return d, err
}

func load(tx *ledger.Tx, id int64) (Detail, error) {
	var d Detail
	var err error
	if d.Assembly, err = tx.Assembly(id); err != nil {
		return d, err
	}
	if d.Resolutions, err = tx.Resolutions(id); err != nil {
		return d, err
	}
	if d.Documents, err = tx.AssemblyDocuments(id); err != nil {
		return d, err
	}
	if d.Attendance, err = tx.Attendances(id); err != nil {
		return d, err
	}
	d.Votes, err = tx.Votes(id)
	return d, err
}

// Save creates or changes an assembly. Consultation days left unset are
// proposed when the convocations are written (ProposeConsultation, from
// the sending day); the screen proposes them from today. The returned
// warning says, in French, whether convocations sent today (or on the
// recorded day) would come too late.
func Save(r *app.Residence, a *ledger.Assembly) (warning string, err error) {
	if !a.ConsultFrom.IsZero() && a.ConsultPlace == "" {
		a.ConsultPlace = DefaultConsultPlace
	}
	err = r.Update(func(tx *ledger.Tx) error { return tx.SaveAssembly(a) })
	if err != nil {
		return "", err
	}
	sent := a.ConvenedOn
	if sent.IsZero() {
		sent = today()
	}
	if a.Draft() || !a.ConvenedOn.IsZero() {
		warning = ConvocationWarning(a.Day, sent)
	}
	return warning, nil
}

func today() time.Time {
	now := ledger.Now()
	return ledger.Date(now.Year(), now.Month(), now.Day())
}

// Delete removes an assembly still in preparation.
func Delete(r *app.Residence, id int64) error {
	return r.Update(func(tx *ledger.Tx) error { return tx.DeleteAssembly(id) })
}

// SaveResolution adds a resolution at the end of the agenda (ID 0) or
// changes one.
func SaveResolution(r *app.Residence, res *ledger.Resolution) error {
	return r.Update(func(tx *ledger.Tx) error { return tx.SaveResolution(res) })
}

// DeleteResolution takes a resolution off the agenda.
func DeleteResolution(r *app.Residence, id int64) error {
	return r.Update(func(tx *ledger.Tx) error { return tx.DeleteResolution(id) })
}

// MoveResolution moves a resolution up (-1) or down (+1) the agenda.
func MoveResolution(r *app.Residence, id int64, by int) error {
	return r.Update(func(tx *ledger.Tx) error { return tx.MoveResolution(id, by) })
}

// Attach joins a document of the register to the convocation, which every
// owner receives: a document for some owners only (a notice, a letter) is
// refused.
func Attach(r *app.Residence, assembly, document int64) error {
	return r.Update(func(tx *ledger.Tx) error {
		d, err := tx.Document(document)
		if err != nil {
			return err
		}
		if len(d.Owners) > 0 || d.Kind == "ag_convocation" || d.Kind == "ag_minutes" {
			return ledger.Errorf(ledger.Invalid, "Le document « %s » concerne certains copropriétaires seulement : il ne se joint pas à la convocation de tous", d.Title)
		}
		return tx.AttachAssemblyDocument(assembly, document)
	})
}

// Detach takes a document off the convocation.
func Detach(r *app.Residence, assembly, document int64) error {
	return r.Update(func(tx *ledger.Tx) error { return tx.DetachAssemblyDocument(assembly, document) })
}

// Attachable lists the live documents of the register a convocation may
// carry, those for every owner: those of the binder « Assemblées générales » first (annexes,
// budget, projets de décompte, works quotes filed there), then the others.
func Attachable(r *app.Residence) ([]ledger.Document, error) {
	var out []ledger.Document
	err := r.View(func(tx *ledger.Tx) error {
		list, err := tx.Documents(ledger.DocumentFilter{})
		if err != nil {
			return err
		}
		var rest []ledger.Document
		for _, d := range list {
			switch {
			// A document for some owners only (a notice, a letter) is
			// not for everyone's convocation; nor is a convocation.
			case !d.Live(), len(d.Owners) > 0, d.Kind == "ag_convocation", d.Kind == "ag_minutes":
			case d.Binder == "ag":
				out = append(out, d)
			default:
				rest = append(rest, d)
			}
		}
		out = append(out, rest...)
		return nil
	})
	return out, err
}

// SetBureau records the bureau the assembly elected at its opening
// (décret 1967 art. 15: a president, and scrutineers when the rules of
// the copropriété ask for them; the syndic is secretary unless the
// assembly decides otherwise). Scrutineers are named separated by commas.
func SetBureau(r *app.Residence, id int64, president, secretary, scrutineers string) error {
	return r.Update(func(tx *ledger.Tx) error {
		a, err := tx.Assembly(id)
		if err != nil {
			return err
		}
		a.President, a.Secretary, a.Scrutineers = president, secretary, scrutineers
		return tx.SaveAssembly(&a)
	})
}
