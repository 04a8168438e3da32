package assembly

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"tantieme/app"
	"tantieme/ledger"
	"tantieme/reports"
)

// DraftMinutesTitle is the minutes' title while the assembly is not held.
const DraftMinutesTitle = "Procès-verbal (projet)"

// Minutes gathers the procès-verbal of an assembly from its records
// (décret 1967 art. 17): the bureau, the attendance totals, each
// resolution with its result and the owners opposed, abstaining and
// défaillants named. While the assembly is not held it is a draft.
func Minutes(r *app.Residence, id int64, printed time.Time) (reports.Minutes, error) {
	var m reports.Minutes
	err := r.View(func(tx *ledger.Tx) error {
		c, err := counted(tx, id)
		if err != nil {
			return err
		}
		res, err := tx.Residence()
		if err != nil {
			return err
		}
		a := c.Detail.Assembly
		m = reports.Minutes{Residence: res.Name, Date: a.Day, Time: strings.Replace(a.Time, ":", " h ", 1), Place: strings.ReplaceAll(a.Place, "\n", ", "),
			Syndic: strings.TrimSpace(res.SyndicName), Chair: a.President, Secretary: a.Secretary, Printed: printed}
		if a.Status != ledger.AssemblyHeld {
			m.Title = DraftMinutesTitle
		}
		for _, s := range strings.FieldsFunc(a.Scrutineers, func(r rune) bool { return r == ',' || r == ';' || r == '\n' }) {
			if s = strings.TrimSpace(s); s != "" {
				m.Scrutineers = append(m.Scrutineers, s)
			}
		}
		m.Attendance, m.Members, m.Votes = app.MinutesAttendance(c.Roll)
		for _, rc := range c.Results {
			m.Resolutions = append(m.Resolutions, minutesOf(rc))
		}
		return nil
	})
	return m, err
}

func minutesOf(rc ResolutionCount) reports.MinutesResolution {
	res := rc.Resolution
	if !rc.Complete {
		return reports.MinutesResolution{Number: rc.Question.Number, Title: res.Title, Text: res.Text,
			Pending: "Vote non encore saisi (" + memberNames(rc.Missing) + ")."}
	}
	out := app.MinutesResolution(rc.Result, res.Text)
	if rc.MissingRound == 2 {
		out.Second = nil
		out.SecondDue = rc.Result.SecondDue.String()
	}
	if res.Amended {
		out.Text = strings.TrimSpace(out.Text + "\n\nRésolution amendée en séance : les votes favorables par correspondance sont comptés défaillants (loi du 10 juillet 1965, art. 17-1 A).")
	}
	return out
}

// MinutesPDF prints the procès-verbal (a draft while the assembly is not
// held).
func MinutesPDF(r *app.Residence, id int64, printed time.Time) ([]byte, reports.Minutes, error) {
	if printed.IsZero() {
		printed = ledger.Now()
	}
	m, err := Minutes(r, id, printed)
	if err != nil {
		return nil, m, err
	}
	pdf, err := reports.MinutesPDF(m)
	if err != nil {
		return nil, m, ledger.Wrap(ledger.Internal, err, "La mise en page du procès-verbal a échoué")
	}
	return pdf, m, nil
}

// MinutesFileName is PV_AG_DU_12_06_2026.pdf, PV_AG_DU_12_06_2026_PROJET.pdf for a draft.
func MinutesFileName(a ledger.Assembly) string {
	s := fmt.Sprintf("PV_AG_DU_%s", a.Day.Format("02_01_2006"))
	if a.Status != ledger.AssemblyHeld {
		s += "_PROJET"
	}
	return s + ".pdf"
}

// WriteMinutes writes the procès-verbal to path ("" for the folder
// « Assemblées générales » of the documents) and registers it once, for
// no owner in particular (binder ag): the minutes of a held assembly as
// « ag_minutes », a draft as an AG document.
func WriteMinutes(r *app.Residence, id int64, path string) (string, error) {
	pdf, _, err := MinutesPDF(r, id, time.Time{})
	if err != nil {
		return "", err
	}
	d, err := Load(r, id)
	if err != nil {
		return "", err
	}
	a := d.Assembly
	if path == "" {
		dir, err := r.DocumentsSubfolder(Folder)
		if err != nil {
			return "", err
		}
		path = filepath.Join(dir, MinutesFileName(a))
	}
	if err := writeFile(path, pdf); err != nil {
		return "", err
	}
	kind, title := "ag_minutes", "Procès-verbal – "+a.Title()
	if a.Status != ledger.AssemblyHeld {
		kind, title = "ag_document", DraftMinutesTitle+" – "+a.Title()
	}
	return path, r.RegisterWritten(app.Produced{Path: path, Kind: kind, Date: today(), Exercise: r.ExerciseIDAt(a.Day), Title: title})
}

// AttendanceOptions are the attendance sheet's options filled from the
// assembly's records: its day and each owner's recorded attendance.
func AttendanceOptions(r *app.Residence, id int64) (app.AttendanceOptions, error) {
	d, err := Load(r, id)
	if err != nil {
		return app.AttendanceOptions{}, err
	}
	opt := app.AttendanceOptions{Date: d.Assembly.Day}
	for _, at := range d.Attendance {
		opt.Records = append(opt.Records, app.AttendanceRecord{Account: at.Owner, Presence: Presences[at.Status],
			Proxy: ledger.Proxy{Holder: at.ProxyOwner, HolderName: at.ProxyName, Rank: at.ProxyRank, Tie: ledger.ProxyTieRule[at.ProxyTie]},
			Form:  at.FormReceived})
	}
	return opt, nil
}

// WriteAttendance writes the attendance sheet of the assembly from its
// records to path ("" for the folder « Assemblées générales ») and
// registers it as the attendance sheet is.
func WriteAttendance(r *app.Residence, id int64, path string) (string, app.AttendanceSheet, error) {
	opt, err := AttendanceOptions(r, id)
	if err != nil {
		return "", app.AttendanceSheet{}, err
	}
	sheet, err := r.Attendance(opt)
	if err != nil {
		return "", sheet, err
	}
	pdf, err := r.AttendancePDF(opt)
	if err != nil {
		return "", sheet, err
	}
	if path == "" {
		dir, err := r.DocumentsSubfolder(Folder)
		if err != nil {
			return "", sheet, err
		}
		path = filepath.Join(dir, fmt.Sprintf("FEUILLE_DE_PRESENCE_AG_DU_%s.pdf", opt.Date.Format("02_01_2006")))
	}
	if err := writeFile(path, pdf); err != nil {
		return "", sheet, err
	}
	return path, sheet, r.RegisterWritten(r.AttendanceProduced(path, opt.Date))
}
