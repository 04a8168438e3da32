package ui

import (
	"fmt"
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

// votesTab is the votes of the assembly shown, entered the way a
// secretary does it in the room: the resolution chosen, « Tous pour » then
// the few who voted otherwise, each voter's choice on his line; the
// result under it, live (the count is the rules' of ledger, recomputed
// after each vote). Proxies and forms refused are named with their reasons.
// « Clore l'assemblée… » stores the outcomes.
type votesTab struct {
	m                   *assembliesScreen
	pick                *widget.Select
	round               *widget.RadioGroup
	amended             *widget.Check
	allFor, allAgainst  *widget.Button
	sheet, minutes, end *widget.Button
	refused             *widget.Label
	result              *widget.Label
	rows                *fyne.Container
	root                fyne.CanvasObject

	count  assembly.Count
	number int // the resolution shown, 0 none
	// building is true while the lines are filled: their radios' changes
	// are not votes.
	building bool
}

var (
	choiceWords = []string{"Pour", "Contre", "Abstention"}
	choiceOf    = map[string]string{"Pour": ledger.VoteFor, "Contre": ledger.VoteAgainst, "Abstention": ledger.VoteAbstain}
	roundWords  = []string{"Premier vote", "Second vote"}
)

func newVotesTab(m *assembliesScreen) *votesTab {
	t := &votesTab{m: m, refused: widgets.Note(""), result: widgets.Note(""), rows: container.NewVBox()}
	t.pick = widget.NewSelect(nil, func(string) {
		if i := t.pick.SelectedIndex(); i >= 0 && i < len(t.count.Results) {
			t.number = t.count.Results[i].Resolution.Number
			t.round.SetSelected(roundWords[0])
			t.showResolution()
		}
	})
	t.pick.PlaceHolder = "Choisissez la résolution"
	t.round = widget.NewRadioGroup(roundWords, func(string) {
		if !t.building {
			t.showResolution()
		}
	})
	t.round.Horizontal = true
	t.round.Required = true
	// Loi 1965 art. 17-1 A: on a resolution amended in session, a postal
	// « pour » counts défaillant.
	t.amended = widget.NewCheck("Amendée en séance", func(on bool) {
		if t.building {
			return
		}
		a := t.m.assembly()
		if a == nil || t.number == 0 {
			return
		}
		if err := assembly.SetAmended(t.m.s.res, a.ID, t.number, on); err != nil {
			t.m.s.showError(err)
		} else if on {
			t.m.s.say(fmt.Sprintf("Résolution %d amendée en séance : un vote « pour » par correspondance y compte défaillant", t.number))
		}
		t.refresh()
	})
	t.allFor = widget.NewButtonWithIcon("Tous pour", theme.ConfirmIcon(), func() { t.all(ledger.VoteFor) })
	t.allAgainst = widget.NewButtonWithIcon("Tous contre", theme.CancelIcon(), func() { t.all(ledger.VoteAgainst) })
	t.sheet = widget.NewButtonWithIcon("Feuille de présence", theme.DocumentPrintIcon(), t.writeSheet)
	t.minutes = widget.NewButtonWithIcon("Procès-verbal (projet)", theme.DocumentPrintIcon(), t.writeMinutes)
	t.end = widget.NewButtonWithIcon("Clore l'assemblée…", theme.ConfirmIcon(), t.hold)
	t.end.Importance = widget.HighImportance
	t.result.TextStyle.Bold = true
	top := container.NewVBox(
		widgets.Line(t.sheet, t.minutes, t.end),
		t.refused,
		t.pick,
		widgets.Line(t.round, t.allFor, t.allAgainst, t.amended),
		t.result,
	)
	t.root = container.NewBorder(top, nil, nil, nil, container.NewVScroll(t.rows))
	return t
}

func (t *votesTab) view() fyne.CanvasObject { return t.root }

// show reads the counts of the assembly shown, keeping the resolution
// chosen.
func (t *votesTab) show() {
	a := t.m.assembly()
	t.count = assembly.Count{}
	if a == nil {
		t.pick.Options = nil
		t.pick.ClearSelected()
		t.refused.SetText("")
		t.showResolution()
		return
	}
	c, err := assembly.Counted(t.m.s.res, a.ID)
	if err != nil {
		t.m.s.showError(err)
		return
	}
	t.count = c
	var refused []string
	for _, m := range c.Roll.Members {
		if m.Refusal != "" {
			refused = append(refused, m.Name+" : "+m.Refusal)
		}
	}
	switch {
	case a.Draft():
		t.refused.SetText("On vote une fois les convocations envoyées et la présence saisie (onglet « Présence »).")
	case len(refused) > 0:
		t.refused.SetText("Comptés défaillants : " + strings.Join(refused, " ; ") + ".")
	default:
		t.refused.SetText("Aucun pouvoir ni formulaire refusé.")
	}
	opts := make([]string, len(c.Results))
	pick := -1
	for i, rc := range c.Results {
		opts[i] = fmt.Sprintf("%d. %s", rc.Resolution.Number, rc.Resolution.Title)
		if rc.Resolution.Number == t.number {
			pick = i
		}
	}
	t.pick.Options = opts
	if pick < 0 && len(opts) > 0 {
		pick = 0
	}
	if pick >= 0 {
		t.number = c.Results[pick].Resolution.Number
		t.pick.SetSelectedIndex(pick) // shows it
		t.pick.Refresh()
	} else {
		t.number = 0
		t.pick.ClearSelected()
		t.showResolution()
	}
	writable := !t.m.s.res.ReadOnly() && !a.Draft() && a.Status != ledger.AssemblyHeld
	widgets.SetEnabled(t.end, writable)
	widgets.SetEnabled(t.sheet, !a.Draft())
	widgets.SetEnabled(t.minutes, !a.Draft())
	if a.Status == ledger.AssemblyHeld {
		t.minutes.SetText("Procès-verbal")
	} else {
		t.minutes.SetText("Procès-verbal (projet)")
	}
}

// current is the resolution shown.
func (t *votesTab) current() (assembly.ResolutionCount, bool) {
	for _, rc := range t.count.Results {
		if rc.Resolution.Number == t.number {
			return rc, true
		}
	}
	return assembly.ResolutionCount{}, false
}

// roundShown is 2 when the second vote is shown.
func (t *votesTab) roundShown() int {
	if t.round.Selected == roundWords[1] {
		return 2
	}
	return 1
}

// secondOpen says whether the resolution's second vote can be entered.
func secondOpen(rc assembly.ResolutionCount) bool { return rc.Complete && rc.Result.SecondDue != 0 }

// showResolution lists the voters of the resolution chosen with their
// choices, and its result.
func (t *votesTab) showResolution() {
	t.building = true
	defer func() { t.building = false }()
	t.rows.Objects = nil
	rc, ok := t.current()
	a := t.m.assembly()
	if !ok || a == nil {
		t.result.SetText("")
		for _, w := range []fyne.Disableable{t.round, t.allFor, t.allAgainst, t.amended} {
			w.Disable()
		}
		t.rows.Refresh()
		return
	}
	round := t.roundShown()
	if round == 2 && !secondOpen(rc) {
		t.round.SetSelected(roundWords[0])
		round = 1
	}
	writable := !t.m.s.res.ReadOnly() && !a.Draft() && a.Status != ledger.AssemblyHeld
	widgets.SetEnabled(t.round, secondOpen(rc))
	widgets.SetEnabled(t.allFor, writable)
	widgets.SetEnabled(t.allAgainst, writable)
	widgets.SetEnabled(t.amended, writable)
	t.amended.SetChecked(rc.Resolution.Amended)
	t.result.SetText(resultText(rc))
	choices := rc.Round1
	if round == 2 {
		choices = rc.Round2
	}
	for _, m := range t.count.Roll.Members {
		votes := m.Votes
		if rc.Question.Shares != nil {
			votes = rc.Question.Shares[m.Account]
		}
		if m.Defaulting() || !votes.IsPositive() || (round == 2 && m.Counted == ledger.Postal) {
			continue
		}
		account := m.Account
		who := fmt.Sprintf("%s — %s (%s)", m.Account, m.Name, fr.Shares(votes))
		if r := rc.Result.Reduced; rc.Complete && r != nil && r.Account == account {
			who = fmt.Sprintf("%s — %s (%s réduites à %s, art. 22)", m.Account, m.Name, fr.Shares(votes), fr.Shares(r.Votes))
		}
		if m.Counted == ledger.Postal {
			who += " · par correspondance"
		}
		name := widget.NewLabel(who)
		name.Truncation = fyne.TextTruncateEllipsis
		radio := widget.NewRadioGroup(choiceWords, nil)
		radio.Horizontal = true
		if c, ok := choices[account]; ok {
			radio.SetSelected(map[ledger.Choice]string{ledger.For: "Pour", ledger.Against: "Contre", ledger.Abstain: "Abstention"}[c])
		}
		radio.OnChanged = func(s string) {
			if !t.building {
				t.vote(account, choiceOf[s]) // "" (the choice tapped again): forgotten
			}
		}
		widgets.SetEnabled(radio, writable)
		t.rows.Add(container.NewBorder(nil, nil, nil, radio, name))
	}
	if len(t.rows.Objects) == 0 {
		t.rows.Add(widgets.Note("Personne ne vote sur cette résolution : saisissez la présence (onglet « Présence »)."))
	}
	t.rows.Refresh()
}

// resultText is the live result: the figures of the vote that decides,
// the threshold and the outcome, or what is still to enter.
func resultText(rc assembly.ResolutionCount) string {
	if !rc.Complete {
		return fmt.Sprintf("Vote en cours : %s à saisir.", fr.Count(len(rc.Missing), "vote", "votes"))
	}
	r := rc.Result
	text := tallyText(r)
	switch {
	case r.Second != nil:
		s := *r.Second
		text += "\nSecond vote (" + s.Majority.String() + ") : " + tallyText(s) + " — " + outcomeWord(s.Adopted)
	case rc.MissingRound == 2:
		text += "\nSecond vote (" + r.SecondDue.String() + ") en cours : " + fr.Count(len(rc.Missing), "vote", "votes") + " à saisir."
	case r.SecondDue != 0:
		text += "\nSecond vote (" + r.SecondDue.String() + ") à faire : choisissez « Second vote »."
	default:
		text += " — " + outcomeWord(r.Adopted)
	}
	return text
}

func tallyText(r ledger.Result) string {
	return fmt.Sprintf("Pour %s · contre %s · abstention %s · défaillants %s, sur %s tantièmes (%s) ; il faut %s %s",
		fr.Shares(r.For.Votes), fr.Shares(r.Against.Votes), fr.Shares(r.Abstain.Votes), fr.Shares(r.Defaulting.Votes), fr.Shares(r.Total),
		r.Majority.String(), map[bool]string{true: "plus de", false: "au moins"}[r.Strict], fr.Shares(r.Required))
}

func outcomeWord(adopted bool) string {
	if adopted {
		return "Adoptée"
	}
	return "Rejetée"
}

// vote records one voter's choice ("" forgets it) and shows the new result.
func (t *votesTab) vote(account, choice string) {
	a := t.m.assembly()
	if a == nil {
		return
	}
	var err error
	if choice == "" {
		err = assembly.ClearVote(t.m.s.res, a.ID, t.number, t.roundShown(), account)
	} else {
		err = assembly.Vote(t.m.s.res, a.ID, t.number, t.roundShown(), []assembly.Ballot{{Owner: account, Choice: choice}})
	}
	if err != nil {
		t.m.s.showError(err)
	}
	t.refresh()
}

// all gives every voter present or represented the same choice; postal
// voters keep their form's answers.
func (t *votesTab) all(choice string) {
	a := t.m.assembly()
	if a == nil || t.number == 0 {
		return
	}
	n, err := assembly.VoteAll(t.m.s.res, a.ID, t.number, t.roundShown(), choice, nil)
	if err != nil {
		t.m.s.showError(err)
	} else {
		t.m.s.say(fmt.Sprintf("Résolution %d : %s « %s » enregistré%s ; changez ceux qui ont voté autrement", t.number, fr.Count(n, "vote", "votes"), choice, fr.S(n)))
	}
	t.refresh()
}

// refresh counts again and shows the same resolution and round.
func (t *votesTab) refresh() {
	round := t.round.Selected
	d, err := assembly.Load(t.m.s.res, t.m.assembly().ID)
	if err == nil {
		t.m.detail = d
	}
	t.building = true
	t.show()
	if round == roundWords[1] {
		if rc, ok := t.current(); ok && secondOpen(rc) {
			t.round.SetSelected(round)
		}
	}
	t.building = false
	t.showResolution()
}
