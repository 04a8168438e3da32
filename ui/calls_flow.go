package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"tantieme/app"
	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// The way from a plan of calls to the notices in the owners' letter boxes,
// shared by the Appels de fonds and Travaux screens: preview (nothing
// written), confirmation, posting behind a progress bar, then the notices
// as PDF, which the user opens in his PDF viewer or finds in their folder.

// callsWord is "1 appel", "8 appels".
func callsWord(n int) string { return fmt.Sprintf("%d appel%s", n, fr.S(n)) }

// kindWords names the calls of a kind after a number: "du budget", "du
// fonds de travaux", "de travaux ASC".
func kindWords(k ledger.CallKind, works string) string {
	switch k {
	case ledger.BudgetCall:
		return "du budget"
	case ledger.FundCall:
		return "du fonds de travaux"
	case ledger.DirectCall:
		return "ponctuel"
	case ledger.AdvanceCall:
		return "d'avance"
	}
	return strings.TrimSpace("de travaux " + works)
}

// kindTitle names a kind of call in a table: "Budget", "Fonds de travaux",
// "Travaux ASC".
func kindTitle(k ledger.CallKind, works string) string {
	switch k {
	case ledger.BudgetCall:
		return "Budget"
	case ledger.FundCall:
		return "Fonds de travaux"
	case ledger.DirectCall:
		return "Appel ponctuel"
	case ledger.AdvanceCall:
		return "Avance"
	}
	return strings.TrimSpace("Travaux " + works)
}

// callGroup is the calls of one kind (and campaign) in a list of calls.
type callGroup struct {
	kind  ledger.CallKind
	works string
	n     int
	total ledger.Amount
}

func kindRank(k ledger.CallKind) int {
	switch k {
	case ledger.BudgetCall:
		return 0
	case ledger.FundCall:
		return 1
	case ledger.AdvanceCall:
		return 2
	case ledger.DirectCall:
		return 3
	}
	return 4
}

// groupCalls counts calls by kind and campaign, budget first.
func groupCalls(kinds []ledger.CallKind, works []string, totals []ledger.Amount) []callGroup {
	var out []callGroup
	for i, k := range kinds {
		found := false
		for j := range out {
			if out[j].kind == k && out[j].works == works[i] {
				out[j].n++
				out[j].total += totals[i]
				found = true
			}
		}
		if !found {
			out = append(out, callGroup{kind: k, works: works[i], n: 1, total: totals[i]})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return kindRank(out[i].kind) < kindRank(out[j].kind) })
	return out
}

// callsSummary says what a set of calls asks in a sentence: "8 appels (4 du
// budget, 4 du fonds de travaux), 48 387,87 € au total".
func callsSummary(groups []callGroup, verb string) string {
	n := 0
	var total ledger.Amount
	var parts []string
	for _, g := range groups {
		n += g.n
		total += g.total
		parts = append(parts, fmt.Sprintf("%d %s", g.n, kindWords(g.kind, g.works)))
	}
	head := callsWord(n)
	if verb != "" {
		head += " " + verb + fr.S(n)
	}
	switch len(groups) {
	case 0:
		return "aucun appel"
	case 1:
		head = callsWord(n) + " " + kindWords(groups[0].kind, groups[0].works)
		if verb != "" {
			head += " " + verb + fr.S(n)
		}
	default:
		head += " (" + strings.Join(parts, ", ") + ")"
	}
	return head + ", " + total.String() + " au total"
}

func planGroups(p *app.CallPlan) []callGroup {
	var kinds []ledger.CallKind
	var works []string
	var totals []ledger.Amount
	for _, c := range p.Calls {
		kinds, works, totals = append(kinds, c.Kind), append(works, c.Works), append(totals, c.Total)
	}
	return groupCalls(kinds, works, totals)
}

func postedGroups(calls []ledger.Call) []callGroup {
	var kinds []ledger.CallKind
	var works []string
	var totals []ledger.Amount
	for _, c := range calls {
		kinds, works, totals = append(kinds, c.Kind), append(works, c.Works), append(totals, c.Total())
	}
	return groupCalls(kinds, works, totals)
}

// piecesText names the pieces of posted calls: "A0009" or "A0009 à A0016".
func piecesText(calls []ledger.Call) string {
	switch len(calls) {
	case 0:
		return ""
	case 1:
		return "pièce " + calls[0].Piece
	}
	return "pièces " + calls[0].Piece + " à " + calls[len(calls)-1].Piece
}

// problemLine is a problem of a plan: red with the error icon when it
// blocks the posting, orange with the warning icon otherwise.
func problemLine(text string, blocking bool) fyne.CanvasObject {
	if blocking {
		return warn(text)
	}
	return caution(text)
}

// caution is an orange line with the warning icon: to read, not blocking.
func caution(text string) fyne.CanvasObject {
	l := widgets.Note(text)
	l.Importance = widget.WarningImportance
	return container.NewBorder(nil, nil, container.NewCenter(widget.NewIcon(theme.NewWarningThemedResource(theme.WarningIcon()))), nil, l)
}

// refit gives a dialog the height its content needs at its width: Fyne
// first sizes it before its wrapped text knows its width, which leaves it
// too tall.
func refit(f *form) {
	if f.dlg != nil {
		f.dlg.Resize(fyne.NewSize(f.width, f.dlg.MinSize().Height))
	}
}

// fixedHeight gives its content a fixed height: a short table in a dialog,
// which would otherwise shrink to one row.
type fixedHeight struct{ height float32 }

func (l *fixedHeight) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (l *fixedHeight) MinSize(objs []fyne.CanvasObject) fyne.Size {
	w := float32(0)
	for _, o := range objs {
		w = max(w, o.MinSize().Width)
	}
	return fyne.NewSize(w, l.height)
}

// tableHeight is the height a widgets.Table needs for rows lines, with its
// titles and its totals row.
func tableHeight(rows int) float32 {
	row := widget.NewLabel("0").MinSize().Height + 2*theme.SeparatorThicknessSize()
	titles := widget.NewButton("Clé", nil).MinSize().Height
	return titles + float32(rows+1)*row + 2*theme.Padding()
}

// previewKey is a line of the keys table of a preview: what each call of
// the day asks on one key.
type previewKey struct {
	key, label string
	shares     decimal.Decimal // the key's total shares on the day
	by         []ledger.Amount // by call of the day
	total      ledger.Amount
}

// previewOwner is a line of the owners table of a preview: what each call
// of the day asks of one owner.
type previewOwner struct {
	account, name string
	by            []ledger.Amount // by call of the day
	total         ledger.Amount
}

// byCallColumns are the amount columns of a preview's table, one per call
// of the day then their total.
func byCallColumns[T any](titles []string, by func(T) []ledger.Amount, total func(T) ledger.Amount) []widgets.Column[T] {
	var cols []widgets.Column[T]
	for i, title := range titles {
		cols = append(cols, widgets.Column[T]{Title: title, Width: 150, Align: fyne.TextAlignTrailing,
			Text: func(r T) string { return blankAmount(by(r)[i]) },
			Ink:  func(r T) widget.Importance { return creditInk(by(r)[i]) },
			Less: func(a, b T) bool { return by(a)[i] < by(b)[i] }})
	}
	return append(cols, widgets.Column[T]{Title: "Total", Width: 150, Align: fyne.TextAlignTrailing,
		Text: func(r T) string { return total(r).String() },
		Ink:  func(r T) widget.Importance { return creditInk(total(r)) },
		Less: func(a, b T) bool { return total(a) < total(b) }})
}

// byCallTotals are the totals of the amount columns.
func byCallTotals[T any](rows []T, n int, by func(T) []ledger.Amount) []string {
	var out []string
	var all ledger.Amount
	for i := 0; i < n; i++ {
		var t ledger.Amount
		for _, r := range rows {
			t += by(r)[i]
		}
		out = append(out, t.String())
		all += t
	}
	return append(out, all.String())
}

// dayView is what a preview shows for one due date: the calls of that day,
// what they ask on each key and of each owner.
func dayView(calls []app.PlannedCall) fyne.CanvasObject {
	keys := map[string]*previewKey{}
	owners := map[string]*previewOwner{}
	var titles []string
	var total ledger.Amount
	var words []string
	for i, c := range calls {
		title := kindTitle(c.Kind, c.Works)
		titles = append(titles, title)
		words = append(words, strings.ToLower(title[:1])+title[1:]+" "+c.Total.String())
		total += c.Total
		for _, k := range c.Keys {
			pk := keys[k.Key]
			if pk == nil {
				pk = &previewKey{key: k.Key, label: k.Label, shares: k.TotalShares, by: make([]ledger.Amount, len(calls))}
				keys[k.Key] = pk
			}
			pk.by[i] += k.Amount
			pk.total += k.Amount
		}
		for _, o := range c.Owners {
			po := owners[o.Account]
			if po == nil {
				po = &previewOwner{account: o.Account, name: o.Name, by: make([]ledger.Amount, len(calls))}
				owners[o.Account] = po
			}
			po.by[i] += o.Total
			po.total += o.Total
		}
	}
	var keyRows []previewKey
	for _, k := range keys {
		keyRows = append(keyRows, *k)
	}
	sort.Slice(keyRows, func(i, j int) bool { return keyRows[i].key < keyRows[j].key })
	var rows []previewOwner
	for _, o := range owners {
		rows = append(rows, *o)
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].account < rows[j].account })

	keyBy := func(r previewKey) []ledger.Amount { return r.by }
	keyTable := &widgets.Table[previewKey]{
		Cols: append([]widgets.Column[previewKey]{
			{Title: "Clé", Width: 60, Text: func(r previewKey) string { return r.key }},
			{Title: "Répartition", Width: 200, Stretch: true, Text: func(r previewKey) string { return r.label }},
			{Title: "Tantièmes", Width: 120, Align: fyne.TextAlignTrailing, Text: func(r previewKey) string { return fr.Shares(r.shares) }},
		}, byCallColumns(titles, keyBy, func(r previewKey) ledger.Amount { return r.total })...),
		Totals: func(rows []previewKey) []string {
			return append([]string{"Total", fmt.Sprintf("%d clé%s", len(rows), fr.S(len(rows))), ""}, byCallTotals(rows, len(titles), keyBy)...)
		},
		Empty: "Aucune clé appelée ce jour-là.",
	}
	keyView := keyTable.Build()
	keyTable.SetRows(keyRows)

	ownerBy := func(r previewOwner) []ledger.Amount { return r.by }
	ownerTable := &widgets.Table[previewOwner]{
		Cols: append([]widgets.Column[previewOwner]{
			{Title: "Compte", Width: 90, Text: func(r previewOwner) string { return r.account },
				Less: func(a, b previewOwner) bool { return a.account < b.account }},
			{Title: "Copropriétaire", Width: 290, Stretch: true, Text: func(r previewOwner) string { return r.name },
				Less: func(a, b previewOwner) bool { return fr.Fold(a.name) < fr.Fold(b.name) }},
		}, byCallColumns(titles, ownerBy, func(r previewOwner) ledger.Amount { return r.total })...),
		Totals: func(rows []previewOwner) []string {
			return append([]string{"Total", fmt.Sprintf("%d copropriétaire%s", len(rows), fr.S(len(rows)))}, byCallTotals(rows, len(titles), ownerBy)...)
		},
		Empty: "Aucun copropriétaire n'est appelé ce jour-là : les problèmes ci-dessus l'expliquent.",
	}
	ownerView := ownerTable.Build()
	ownerTable.SetRows(rows)

	head := widget.NewLabel(fmt.Sprintf("Échéance du %s — %s : %s — total %s", ledger.FrenchDate(calls[0].Due), calls[0].Period,
		strings.Join(words, ", "), total.String()))
	head.TextStyle.Bold = true
	head.Wrapping = fyne.TextWrapWord
	keysPart := container.New(&fixedHeight{tableHeight(min(max(len(keyRows), 1), 4))}, keyView)
	return container.NewBorder(container.NewVBox(head, keysPart), nil, nil, nil, ownerView)
}

// blankAmount is an amount, or nothing for zero (a cell of a sparse table).
func blankAmount(a ledger.Amount) string {
	if a == 0 {
		return ""
	}
	return a.String()
}

// previewCalls shows a plan: per due date the keys called and each owner's
// parts, the problems that block it and the warnings. "Générer les appels"
// posts it once confirmed (off while a problem blocks); posted runs with
// the calls written, before the notices are offered.
func (s *Shell) previewCalls(title string, plan *app.CallPlan, posted func([]ledger.Call)) *form {
	f := s.newForm(title, "Générer les appels")
	f.cancel.SetText("Fermer")
	f.width = 1120
	summary := widget.NewLabel(fmt.Sprintf("Aperçu : %s. Rien n'est encore comptabilisé. Exercice %s, comptabilisation %s.",
		callsSummary(planGroups(plan), ""), plan.Exercise.Name(), strings.ToLower(plan.Level.Label()[:1])+plan.Level.Label()[1:]))
	summary.TextStyle.Bold = true
	summary.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(summary)
	for _, p := range plan.Problems {
		if p.Blocking {
			top.Add(problemLine(p.Text, true))
		}
	}
	for _, p := range plan.Problems {
		if !p.Blocking {
			top.Add(problemLine(p.Text, false))
		}
	}
	if plan.Blocked() {
		top.Add(warn("Les appels ne peuvent pas être générés tant que ces problèmes demeurent : corrigez-les, puis refaites l'aperçu."))
		f.ok.Disable()
	}
	tabs := container.NewAppTabs()
	for _, d := range plan.Dates() {
		var day []app.PlannedCall
		for _, c := range plan.Calls {
			if c.Due.Equal(d) {
				day = append(day, c)
			}
		}
		tabs.Append(container.NewTabItem(ledger.FrenchDate(d), dayView(day)))
	}
	notices := widgets.NewButton("Aperçu des avis (PDF)", theme.DocumentPrintIcon(), widget.MediumImportance, func() { s.previewNotices(plan) })
	notices.Keys = f.keys
	f.extra = []fyne.CanvasObject{notices}
	f.submit = func() error {
		if plan.Blocked() {
			return plan.Err()
		}
		s.confirm("Générer les appels",
			fmt.Sprintf("Générer %s ? Ils seront comptabilisés au journal OD à leurs dates d'échéance ; vous pourrez les annuler tant que l'exercice %s restera ouvert.",
				callsSummary(planGroups(plan), ""), plan.Exercise.Name()),
			"Générer les appels", "Revenir à l'aperçu", func() {
				f.close()
				s.postPlan(plan, posted)
			})
		return errStay
	}
	f.show(container.NewBorder(top, nil, nil, nil, tabs), nil)
	f.dlg.Resize(fyne.NewSize(f.width, max(f.dlg.MinSize().Height, s.win.Canvas().Size().Height-30)))
	return f
}

// previewNotices writes the notices the plan would give, marked as a
// preview, in a temporary folder, and opens them.
func (s *Shell) previewNotices(plan *app.CallPlan) {
	res := s.res
	var files []app.NoticeFiles
	s.runLong("Aperçu des avis…", func() error {
		dir, err := os.MkdirTemp("", "tantieme-apercu-")
		if err != nil {
			return ledger.Wrap(ledger.Internal, err, "Aucun dossier temporaire pour l'aperçu des avis")
		}
		files, err = res.WritePreviewNotices(dir, plan, app.NoticeOptions{Printed: s.now()})
		return err
	}, func() {
		if len(files) > 0 {
			s.openWritten(fmt.Sprintf("Aperçu des avis du %s enregistré dans %s — rien n'est comptabilisé", ledger.FrenchDate(files[0].Due), files[0].Combined),
				files[0].Combined)
		}
	})
}

// postPlan posts a plan behind a progress bar, says what it did and offers
// the notices.
func (s *Shell) postPlan(plan *app.CallPlan, posted func([]ledger.Call)) {
	res := s.res
	var calls []ledger.Call
	s.runLong("Génération des appels…", func() (err error) {
		calls, err = res.PostCalls(plan)
		return err
	}, func() {
		said := callsSummary(postedGroups(calls), "généré")
		s.say(fmt.Sprintf("%s (%s) — voir les avis", said, piecesText(calls)))
		s.changed()
		if posted != nil {
			posted(calls)
		}
		s.offerNotices(calls, said)
	})
}

// offerNotices proposes to print the notices of calls just posted.
func (s *Shell) offerNotices(calls []ledger.Call, said string) {
	f := s.newForm("Appels générés", "Éditer les avis…")
	f.cancel.SetText("Plus tard")
	f.width = 600
	f.submit = func() error {
		f.close()
		s.noticesForm(noticesTitle(calls), func(dir string, opt app.NoticeOptions) ([]app.NoticeFiles, error) {
			return s.res.WriteCallNotices(dir, calls, opt)
		})
		return errStay
	}
	text := fmt.Sprintf("✓ %s (%s), au journal OD.\n\nÉditez maintenant les avis d'appel de fonds à envoyer aux copropriétaires : un PDF par copropriétaire, et un PDF de tous les avis à imprimer. "+
		"Vous pourrez aussi les réimprimer plus tard depuis la liste des appels.", fr.UpperFirst(said), piecesText(calls))
	icon := container.NewVBox(container.NewPadded(widget.NewIcon(theme.NewSuccessThemedResource(theme.ConfirmIcon()))))
	f.show(container.NewBorder(nil, nil, icon, nil, widgets.Note(text)), f.ok)
	refit(f)
}

// noticesTitle names the notices of posted calls by their due dates.
func noticesTitle(calls []ledger.Call) string {
	var dates []string
	seen := map[time.Time]bool{}
	for _, c := range calls {
		if !seen[c.Due] {
			seen[c.Due] = true
			dates = append(dates, ledger.FrenchDate(c.Due))
		}
	}
	if len(dates) == 1 {
		return "Avis de l'appel du " + dates[0]
	}
	return fmt.Sprintf("Avis des appels du %s au %s", dates[0], dates[len(dates)-1])
}

// safeFolderName is a residence's name as a folder name.
func safeFolderName(name string) string {
	name = strings.Map(func(r rune) rune {
		switch r {
		case '/', '\\', ':', '*', '?', '"', '<', '>', '|':
			return '-'
		}
		return r
	}, strings.TrimSpace(name))
	if name == "" {
		return "Résidence"
	}
	return name
}

// lettersDir is where the letters of a kind go by default: that
// subfolder (app.FolderCalls…) of the residence's documents folder, the
// same for the window and the CLI on every computer (issue 19).
func (s *Shell) lettersDir(kind string) string {
	return filepath.Join(s.docsFolder(), kind)
}

// docsFolder is the residence's documents folder; should the file not
// say it (a read error), the default one beside it.
func (s *Shell) docsFolder() string {
	dir, err := s.res.DocumentsFolder()
	if err != nil {
		return app.DefaultDocumentsFolder(s.res.Path(), s.info.Name)
	}
	return dir
}

// folderField is a folder typed or chosen with Fyne's folder dialog.
func (s *Shell) folderField(dir string) (*widgets.Field, fyne.CanvasObject) {
	f := widgets.NewField(dir, "Dossier où écrire les PDF")
	choose := widget.NewButtonWithIcon("Choisir…", theme.FolderOpenIcon(), func() {
		d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
			if err != nil {
				s.showError(err)
				return
			}
			if l != nil {
				f.SetText(l.Path())
			}
		}, s.win)
		start := f.Text
		for start != "" && start != filepath.Dir(start) {
			if st, err := os.Stat(start); err == nil && st.IsDir() {
				break
			}
			start = filepath.Dir(start)
		}
		if l, err := storage.ListerForURI(storage.NewFileURI(start)); err == nil {
			d.SetLocation(l)
		}
		s.showFileDialog(d)
	})
	return f, container.NewBorder(nil, nil, nil, choose, f)
}

// noticesForm asks where to write notices and with what, then writes them
// behind a progress bar and shows where they are.
func (s *Shell) noticesForm(title string, write func(dir string, opt app.NoticeOptions) ([]app.NoticeFiles, error)) {
	dir, dirLine := s.folderField(s.lettersDir(app.FolderCalls))
	printed := widgets.NewField(ledger.FrenchDate(s.now()), "JJ/MM/AAAA")
	statement := widgets.NewCheckField("Joindre à chaque avis le relevé de compte de l'exercice", false)
	f := s.newForm(title, "Écrire les avis", dir, printed, statement)
	f.width = 720
	f.submit = func() error {
		folder := strings.TrimSpace(dir.Text)
		if folder == "" {
			s.win.Canvas().Focus(dir)
			return ledger.Errorf(ledger.Invalid, "Indiquez le dossier où écrire les avis")
		}
		day, err := ledger.ParseDate(printed.Text)
		if err != nil {
			s.win.Canvas().Focus(printed)
			return ledger.Wrap(ledger.Invalid, err, "Date des lettres : %s", ledger.Message(err))
		}
		opt := app.NoticeOptions{Statement: statement.Checked, Printed: day}
		var files []app.NoticeFiles
		s.runLong("Écriture des avis…", func() (err error) {
			files, err = write(folder, opt)
			return err
		}, func() {
			s.showNoticeFiles(folder, files)
		})
		return nil
	}
	form := widget.NewForm(widget.NewFormItem("Dossier", dirLine), widget.NewFormItem("Date des lettres", printed),
		widget.NewFormItem("", statement))
	f.show(container.NewVBox(form,
		widgets.Note("Un dossier par date d'échéance y est créé, avec un PDF par copropriétaire et un PDF de tous les avis à imprimer. "+
			"Les textes des avis se modifient dans l'onglet « Textes des lettres ». Touche Entrée : écrire. Touche Échap : annuler.")), f.ok)
	refit(f)
}

// showNoticeFiles says what notices were written and opens them on request.
func (s *Shell) showNoticeFiles(dir string, files []app.NoticeFiles) {
	count := 0
	var total ledger.Amount
	for _, nf := range files {
		count += len(nf.Owners)
		total += nf.Total
	}
	s.say(fmt.Sprintf("%d avis écrit%s pour %d échéance%s (%s) dans %s", count, fr.S(count), len(files), fr.S(len(files)), total.String(), dir))
	f := s.newForm("Avis écrits", "Fermer")
	f.cancel.Hide()
	f.width = 760
	rows := container.NewVBox()
	var first *widgets.Button
	for _, nf := range files {
		path := nf.Combined
		open := widgets.NewButton("Ouvrir le PDF à imprimer", theme.DocumentPrintIcon(), widget.MediumImportance, func() { s.openPath(path) })
		open.Keys = f.keys
		if first == nil {
			first = open
		}
		line := widget.NewLabel(fmt.Sprintf("Échéance du %s : %d avis, %s", ledger.FrenchDate(nf.Due), len(nf.Owners), nf.Total.String()))
		rows.Add(container.NewBorder(nil, nil, nil, open, line))
	}
	folder := dir
	if len(files) == 1 {
		folder = files[0].Dir
	}
	openDir := widgets.NewButton("Ouvrir le dossier", theme.FolderOpenIcon(), widget.MediumImportance, func() { s.openPath(folder) })
	openDir.Keys = f.keys
	f.ok.Importance = widget.MediumImportance
	f.extra = []fyne.CanvasObject{openDir}
	text := fmt.Sprintf("%d avis d'appel de fonds écrit%s dans le dossier %s : un PDF par copropriétaire, et pour chaque échéance un PDF de tous les avis à imprimer.",
		count, fr.S(count), dir)
	icon := container.NewVBox(container.NewPadded(widget.NewIcon(theme.NewSuccessThemedResource(theme.ConfirmIcon()))))
	var focus fyne.Focusable = f.ok
	if first != nil {
		focus = first
	}
	f.show(container.NewBorder(nil, nil, icon, nil, container.NewVBox(widgets.Note(text), rows)), focus)
	refit(f)
}
