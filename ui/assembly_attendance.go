package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme/app/assembly"
	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// attendanceTab is the attendance of the assembly shown: one line per
// owner of the assembly's day with his votes, how he takes part (status),
// his mandataire (an owner's account, or the name of someone else) and the
// day his postal form arrived. A line is saved with its button.
type attendanceTab struct {
	m     *assembliesScreen
	note  *widget.Label
	rows  *fyne.Container
	lines []*attendanceLine
	root  fyne.CanvasObject
}

type attendanceLine struct {
	owner    string
	status   *widget.Select
	proxy    *widgets.Field
	received *widgets.Field
	rank     *widgets.Field
	tie      *widget.Select
	save     *widget.Button
	state    *widget.Label
}

// statusOptions are the statuses as the select shows them; the first is
// « not recorded ».
var statusOptions = append([]string{"—"}, func() []string {
	var out []string
	for _, st := range ledger.AttendanceStatuses {
		out = append(out, ledger.AttendanceWords[st])
	}
	return out
}()...)

func newAttendanceTab(m *assembliesScreen) *attendanceTab {
	t := &attendanceTab{m: m, note: widgets.Note(""), rows: container.NewVBox()}
	t.root = container.NewBorder(t.note, nil, nil, nil, container.NewVScroll(t.rows))
	return t
}

func (t *attendanceTab) view() fyne.CanvasObject { return t.root }

// show lists the owners of the assembly's day with what is recorded.
func (t *attendanceTab) show() {
	t.rows.Objects, t.lines = nil, nil
	a := t.m.assembly()
	if a == nil {
		t.note.SetText("")
		t.rows.Refresh()
		return
	}
	e, err := assembly.Voters(t.m.s.res, a.Day)
	if err != nil {
		t.m.s.showError(err)
		return
	}
	recorded := map[string]ledger.Attendance{}
	for _, at := range t.m.detail.Attendance {
		recorded[at.Owner] = at
	}
	general := e.Keys[e.GeneralKey]
	t.note.SetText(fmt.Sprintf("Copropriétaires au %s : %d, %s voix (clé %s). Mandataire : le compte d'un copropriétaire (450…) ou le nom d'une autre personne. "+
		"Un formulaire de vote par correspondance compte s'il est reçu au plus tard le %s (trois jours francs, décret du 17 mars 1967, art. 9 bis).",
		ledger.FrenchDate(a.Day), len(e.Voters), fr.Shares(general.SumOfShares), general.Code, ledger.FrenchDate(assembly.PostalDeadline(a.Day))))
	writable := !t.m.s.res.ReadOnly()
	for _, v := range e.Voters {
		at, has := recorded[v.Owner.Account]
		l := &attendanceLine{owner: v.Owner.Account}
		name := widget.NewLabel(fmt.Sprintf("%s — %s (%s voix)", v.Owner.Account, v.Owner.Name, fr.Shares(v.Shares[e.GeneralKey])))
		name.Truncation = fyne.TextTruncateEllipsis
		l.status = widget.NewSelect(statusOptions, nil)
		l.status.SetSelectedIndex(0)
		l.proxy = widgets.NewField("", "compte 450… ou nom")
		l.received = widgets.NewField("", "JJ/MM/AAAA")
		l.rank = widgets.NewField("", "1, 2…")
		l.tie = widget.NewSelect(tieOptions, nil)
		l.tie.SetSelectedIndex(0)
		if has {
			for i, st := range ledger.AttendanceStatuses {
				if st == at.Status {
					l.status.SetSelectedIndex(i + 1)
				}
			}
			l.proxy.SetText(at.ProxyOwner + at.ProxyName)
			l.received.SetText(ledger.FrenchDate(at.FormReceived))
			if at.ProxyRank > 0 {
				l.rank.SetText(strconv.Itoa(at.ProxyRank))
			}
			for i, tie := range ledger.ProxyTies {
				if tie == at.ProxyTie {
					l.tie.SetSelectedIndex(i)
				}
			}
		}
		line := l
		l.save = widget.NewButtonWithIcon("Enregistrer", theme.DocumentSaveIcon(), func() { t.save(line) })
		for _, w := range []fyne.Disableable{l.status, l.save} {
			widgets.SetEnabled(w, writable)
		}
		// The mandataire's fields serve a represented owner only, the
		// form's day a postal voter only: the others stay greyed.
		l.status.OnChanged = func(string) { line.enableFor(writable) }
		line.enableFor(writable)
		// One owner on two lines, the second wrapping on a small window.
		name.TextStyle.Bold = true
		fixed := func(w float32, o fyne.CanvasObject) fyne.CanvasObject {
			return container.New(&widgets.FixedWidth{Width: w}, o)
		}
		t.rows.Add(container.NewBorder(nil, nil, nil, fixed(250, l.status), name))
		t.rows.Add(widgets.Line(widget.NewLabel("Mandataire"), fixed(170, l.proxy), widget.NewLabel("Formulaire reçu le"), fixed(130, l.received), l.save))
		// Loi 1965 art. 22: the order of a mandataire's proxies decides
		// which exceed three; the syndic and those close to him hold none.
		t.rows.Add(widgets.Line(widget.NewLabel("Rang du pouvoir"), fixed(70, l.rank), widget.NewLabel("Mandataire :"), fixed(300, l.tie)))
		t.rows.Add(widget.NewSeparator())
		t.lines = append(t.lines, l)
	}
	t.rows.Refresh()
}

// save records a line: « — » forgets it.
func (t *attendanceTab) save(l *attendanceLine) {
	a := t.m.assembly()
	if a == nil {
		return
	}
	s := t.m.s
	i := l.status.SelectedIndex()
	if i <= 0 {
		if err := assembly.ClearAttendance(s.res, a.ID, l.owner); err != nil {
			s.showError(err)
			return
		}
		s.say("Présence de " + l.owner + " effacée")
		t.m.choose(t.m.cur)
		return
	}
	at := ledger.Attendance{Assembly: a.ID, Owner: l.owner, Status: ledger.AttendanceStatuses[i-1]}
	if p := strings.TrimSpace(l.proxy.Text); p != "" {
		if ledger.IsOwnerAccount(p) {
			at.ProxyOwner = p
		} else {
			at.ProxyName = p
		}
	}
	if at.Status == ledger.AttendRepresented {
		if r := strings.TrimSpace(l.rank.Text); r != "" {
			n, err := strconv.Atoi(r)
			if err != nil || n < 1 || n > 10000 {
				s.showError(ledger.Errorf(ledger.Invalid, "Rang du pouvoir de %s : « %s » n'est pas un rang (1, 2, 3…)", l.owner, r))
				return
			}
			at.ProxyRank = n
		}
		if i := l.tie.SelectedIndex(); i > 0 {
			at.ProxyTie = ledger.ProxyTies[i]
		}
	}
	var err error
	if at.FormReceived, err = optionalDate("Formulaire reçu le", l.received.Text); err != nil {
		s.showError(err)
		return
	}
	if err := assembly.SetAttendance(s.res, at); err != nil {
		s.showError(err)
		return
	}
	s.say(fmt.Sprintf("Présence de %s : %s", l.owner, ledger.AttendanceWords[at.Status]))
	t.m.choose(t.m.cur)
}

// tieOptions are the mandataire's ties to the syndic as the select shows them.
var tieOptions = func() []string {
	var out []string
	for _, tie := range ledger.ProxyTies {
		out = append(out, ledger.ProxyTieWords[tie])
	}
	return out
}()

// enableFor greys the fields the chosen status does not use.
func (l *attendanceLine) enableFor(writable bool) {
	i := l.status.SelectedIndex() - 1 // « — » first
	st := ""
	if i >= 0 && i < len(ledger.AttendanceStatuses) {
		st = ledger.AttendanceStatuses[i]
	}
	for _, w := range []fyne.Disableable{l.proxy, l.rank, l.tie} {
		widgets.SetEnabled(w, writable && st == ledger.AttendRepresented)
	}
	widgets.SetEnabled(l.received, writable && st == ledger.AttendPostal)
}
