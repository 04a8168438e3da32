package mailing

import (
	"os"
	"sort"
	"strings"
	"time"

	"tantieme/app"
	"tantieme/app/closing"
	"tantieme/ledger"
	"tantieme/reports"
)

// ToPrint are the accounts of a mailing's owners who did not get their
// e-mail (skipped or refused), in account order.
func ToPrint(r *app.Residence, mailing int64) ([]string, error) {
	msgs, err := Messages(r, mailing)
	var out []string
	for _, m := range msgs {
		if m.Status == ledger.MailSkipped || m.Status == ledger.MailRefused {
			out = append(out, m.Owner)
		}
	}
	sort.Strings(out)
	return out, err
}

// PrintRemaining writes to path one PDF of the letters of the owners a
// mailing did not reach: their notices, reminders or décomptes drawn again
// by the same writers for these owners only; for any other document, a
// page listing them with their postal addresses (the document itself is
// printed from its file, which the page names). It returns how many
// owners it holds; 0 writes nothing.
func PrintRemaining(r *app.Residence, mailing int64, path string) (int, error) {
	owners, err := ToPrint(r, mailing)
	if err != nil || len(owners) == 0 {
		return 0, err
	}
	m, err := read(r, func(tx *ledger.Tx) (ledger.Mailing, error) { return tx.Mailing(mailing) })
	if err != nil {
		return 0, err
	}
	msgs, err := Messages(r, mailing)
	if err != nil {
		return 0, err
	}
	var doc ledger.Document
	for _, msg := range msgs {
		if len(msg.Documents) > 0 {
			if doc, err = read(r, func(tx *ledger.Tx) (ledger.Document, error) { return tx.Document(msg.Documents[0]) }); err != nil {
				return 0, err
			}
			break
		}
	}
	printed := ledger.Today()
	var data []byte
	switch m.Kind {
	case "notice":
		data, err = noticesFor(r, doc.Date, owners)
	case "reminder":
		data, err = remindersFor(r, doc.Date, owners)
	case "decompte":
		data, err = decomptesFor(r, doc, owners)
	}
	if err != nil || data == nil {
		root, rerr := r.DocumentsFolder()
		if rerr != nil {
			return 0, rerr
		}
		if data, err = postList(r, m, doc, root, owners, printed); err != nil {
			return 0, err
		}
	}
	return len(owners), ledger.WriteOutputBytes(path, data)
}

func noticesFor(r *app.Residence, due time.Time, owners []string) ([]byte, error) {
	all, list, err := r.Notices(due, app.NoticeOptions{})
	if err != nil {
		return nil, err
	}
	want := set(owners)
	var subset []reports.Notice
	for i, o := range all {
		if want[o] {
			subset = append(subset, list[i])
		}
	}
	if len(subset) == 0 {
		return nil, nil
	}
	letters, err := reports.Notices(subset, ledger.Today())
	if err != nil {
		return nil, ledger.Wrap(ledger.Internal, err, "Les avis à imprimer n'ont pas pu être mis en page")
	}
	return letters.Combined, nil
}

func remindersFor(r *app.Residence, at time.Time, owners []string) ([]byte, error) {
	dir, err := os.MkdirTemp("", "tantieme-relances-")
	if err != nil {
		return nil, ledger.Wrap(ledger.Internal, err, "Dossier temporaire")
	}
	defer os.RemoveAll(dir)
	rf, err := r.WriteReminders(dir, reminderOptions(at, owners))
	if err != nil {
		return nil, err
	}
	return os.ReadFile(rf.Combined)
}

func decomptesFor(r *app.Residence, doc ledger.Document, owners []string) ([]byte, error) {
	ex, err := exerciseOf(r, doc)
	if err != nil {
		return nil, err
	}
	_, list, _, err := closing.Decomptes(r, ex, closing.DecompteOptions{Accounts: owners})
	if err != nil || len(list) == 0 {
		return nil, err
	}
	letters, err := reports.Decomptes(list, ledger.Today())
	if err != nil {
		return nil, ledger.Wrap(ledger.Internal, err, "Les décomptes à imprimer n'ont pas pu être mis en page")
	}
	return letters.Combined, nil
}

// exerciseOf is a registered décompte's exercise: the one the register
// names, else the one of its date.
func exerciseOf(r *app.Residence, doc ledger.Document) (ledger.Exercise, error) {
	exs, err := r.Exercises()
	if err != nil {
		return ledger.Exercise{}, err
	}
	for _, ex := range exs {
		if ex.ID == doc.Exercise {
			return ex, nil
		}
	}
	return r.ExerciseOfYear(doc.Date.Year())
}

func postList(r *app.Residence, m ledger.Mailing, doc ledger.Document, root string, owners []string, printed time.Time) ([]byte, error) {
	info, err := r.Info()
	if err != nil {
		return nil, err
	}
	l := reports.PostList{Residence: info.Name, Document: m.Title, Printed: printed}
	if doc.ID != 0 {
		l.File = app.DocumentPath(root, doc)
	}
	for _, acc := range owners {
		o, err := r.Owner(acc)
		if err != nil {
			return nil, err
		}
		addr := strings.TrimSpace(strings.ReplaceAll(o.Address, "\n", ", ") + ", " + strings.TrimSpace(o.Zip+" "+o.City))
		addr = strings.Trim(addr, ", ")
		l.Owners = append(l.Owners, [3]string{acc, o.DisplayName(), addr})
	}
	data, err := reports.PostListPDF(l)
	if err != nil {
		return nil, ledger.Wrap(ledger.Internal, err, "La liste des courriers à poster n'a pas pu être mise en page")
	}
	return data, nil
}

func set(xs []string) map[string]bool {
	out := make(map[string]bool, len(xs))
	for _, x := range xs {
		out[x] = true
	}
	return out
}
