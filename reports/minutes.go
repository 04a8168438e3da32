package reports

import (
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"tantieme/internal/fr"
)

// Minutes is the draft of the procès-verbal of a general assembly (décret
// n° 67-223 du 17 mars 1967, art. 17): under each question, the result of
// the vote, and the names and votes of the owners opposed, abstaining and
// défaillants.
type Minutes struct {
	Residence string
	Title     string    // "" for "Procès-verbal de l'assemblée générale"
	Date      time.Time // the AG's day
	Time      string    // "18 h 30", "" when not said
	Place     string
	Syndic    string // who convened it
	// The bureau elected at the opening.
	Chair       string
	Secretary   string
	Scrutineers []string
	Attendance  AttendanceTotals
	// Members and Votes are the syndicat's owners and votes.
	Members     int
	Votes       decimal.Decimal
	Resolutions []MinutesResolution
	Printed     time.Time
}

// MinutesResolution is a question of the agenda and its vote(s).
type MinutesResolution struct {
	Number string
	Title  string
	Text   string // the decision put to the vote ("" none)
	Vote   MinutesVote
	// Second is the immediate second vote (art. 25-1, art. 26 al. last);
	// nil when none was held. SecondDue names its article when the first
	// vote called for one that is not recorded yet.
	Second    *MinutesVote
	SecondDue string
	// Pending says, in a draft, why the vote is not counted yet (votes
	// not entered); "" when Vote is the count.
	Pending string
}

// MinutesVote is one count.
type MinutesVote struct {
	Article string // "article 25"
	Rule    string // what the majority asks, with the law
	// Required is the threshold in figures: "plus de 500 voix sur 1 000".
	Required                          string
	For, Against, Abstain, Defaulting AttendanceCount
	Adopted                           bool
	Opposed, Abstaining, Defaulters   []MinutesOwner
	Reduction                         string // "" or who was reduced, from and to
	SecondNote                        string // why a second vote follows ("" none)
}

// MinutesOwner names an owner in the lists of a vote.
type MinutesOwner struct {
	Name  string
	Votes decimal.Decimal
}

// ContestNotice is loi du 10 juillet 1965 art. 42 al. 2, reproduced in the
// minutes: the opposing and défaillant owners may contest a decision
// within two months of the minutes' notification.
const ContestNotice = "« Les actions en contestation des décisions des assemblées générales doivent, à peine de déchéance, être " +
	"introduites par les copropriétaires opposants ou défaillants dans un délai de deux mois à compter de la notification du " +
	"procès-verbal d'assemblée, sans ses annexes. Cette notification est réalisée par le syndic dans le délai d'un mois à " +
	"compter de la tenue de l'assemblée générale. » (loi n° 65-557 du 10 juillet 1965, art. 42, alinéa 2)"

var minutesCols = []Column{
	{Title: "Vote"},
	{Title: "Copropriétaires", Width: 32, Right: true},
	{Title: "Tantièmes", Width: 32, Right: true},
}

// MinutesPDF prints the draft minutes.
func MinutesPDF(m Minutes) ([]byte, error) {
	title := strings.TrimSpace(m.Title)
	if title == "" {
		title = "Procès-verbal de l'assemblée générale"
	}
	d := NewDoc(Page{Title: title, Subtitle: "Assemblée générale du " + m.Date.Format("02/01/2006"), Residence: m.Residence, Printed: m.Printed})
	f := d.pdf
	d.AddPage()
	when := "Le " + m.Date.Format("02/01/2006")
	if m.Time != "" {
		when += " à " + m.Time
	}
	open := when + ", les membres du " + fr.LowerFirst(fr.SyndicatName(m.Residence)) + " se sont réunis en assemblée générale"
	if m.Place != "" {
		open += ", " + m.Place
	}
	if m.Syndic != "" {
		open += ", sur convocation du syndic, " + m.Syndic
	}
	d.Paragraph(open + ".")

	d.Heading("Feuille de présence")
	a := m.Attendance
	d.Table(minutesCols, []Row{
		{Cells: countCells("Présents", a.Present)},
		{Cells: countCells("Représentés", a.Represented)},
		{Cells: countCells("Votes par correspondance", a.Postal)},
		{Cells: countCells("Absents et défaillants", a.Defaulting)},
		{Cells: []string{"Syndicat des copropriétaires", groupCount(m.Members), fr.Shares(m.Votes)}, Strong: true},
	})

	d.Heading("Bureau de l'assemblée")
	bureau := []string{"Président de séance : " + orDots(m.Chair), "Secrétaire : " + orDots(m.Secretary)}
	switch len(m.Scrutineers) {
	case 0:
	case 1:
		bureau = append(bureau, "Scrutateur : "+m.Scrutineers[0])
	default:
		bureau = append(bureau, "Scrutateurs : "+fr.Join(m.Scrutineers, "et"))
	}
	d.Paragraph(strings.Join(bureau, "\n"))

	for _, r := range m.Resolutions {
		minutesResolution(d, r)
	}

	if _, pageH := f.GetPageSize(); f.GetY() > pageH-footerH-4-30 { // the notice stays whole
		d.AddPage()
	}
	d.Heading("Délai de contestation")
	d.Paragraph(ContestNotice)
	minutesSignatures(d, m)
	return d.Bytes()
}

func countCells(label string, c AttendanceCount) []string {
	return []string{label, groupCount(c.Owners), fr.Shares(c.Votes)}
}

func orDots(s string) string {
	if strings.TrimSpace(s) == "" {
		return "…………………………"
	}
	return s
}

// minutesResolution prints a question: its title, its text, its vote and
// the second vote that followed.
func minutesResolution(d *Doc, r MinutesResolution) {
	f := d.pdf
	_, pageH := f.GetPageSize()
	if f.GetY() > pageH-80 { // a question's title does not end a page alone
		d.AddPage()
	}
	f.Ln(2)
	d.Heading("Résolution n° " + r.Number + " – " + r.Title)
	if strings.TrimSpace(r.Text) != "" {
		d.Paragraph(r.Text)
	}
	if r.Pending != "" {
		d.Paragraph(r.Pending)
		return
	}
	minutesVote(d, r.Vote, "")
	switch {
	case r.Second != nil:
		minutesVote(d, *r.Second, "Second vote")
	case r.SecondDue != "":
		d.Paragraph("Second vote à la majorité de l'" + r.SecondDue + " : non enregistré.")
	}
}

func minutesVote(d *Doc, v MinutesVote, caption string) {
	f := d.pdf
	head := "Majorité : " + v.Article
	if caption != "" {
		head = caption + " – majorité de l'" + v.Article
	}
	f.SetFont(family, "B", 9)
	f.CellFormat(d.Width(), 5, head, "", 1, "L", false, 0, "")
	if v.Rule != "" {
		f.SetFont(family, "", 8)
		f.MultiCell(d.Width(), 4, v.Rule, "", "L", false)
	}
	if v.Reduction != "" {
		f.SetFont(family, "", 8)
		f.MultiCell(d.Width(), 4, v.Reduction, "", "L", false)
	}
	f.Ln(1)
	d.Table(minutesCols, []Row{
		{Cells: countCells("Pour", v.For)},
		{Cells: countCells("Contre", v.Against)},
		{Cells: countCells("Abstention", v.Abstain)},
		{Cells: countCells("Défaillants", v.Defaulting)},
	})
	if v.Required != "" {
		d.Paragraph("Majorité requise : " + v.Required + ".")
	}
	outcome := "Résolution rejetée."
	if v.Adopted {
		outcome = "Résolution adoptée."
	}
	if v.SecondNote != "" && !v.Adopted {
		outcome = "Majorité non atteinte."
	}
	f.SetFont(family, "B", 10)
	f.CellFormat(d.Width(), 6, outcome, "", 1, "L", false, 0, "")
	f.SetFont(family, "", 9)
	if v.SecondNote != "" {
		d.Paragraph(v.SecondNote)
	}
	for _, l := range []struct {
		label string
		list  []MinutesOwner
	}{
		{"Se sont opposés", v.Opposed},
		{"Se sont abstenus", v.Abstaining},
		{"Défaillants", v.Defaulters},
	} {
		if len(l.list) == 0 {
			continue
		}
		items := make([]string, len(l.list))
		total := decimal.Zero
		for i, o := range l.list {
			items[i] = o.Name + " (" + fr.Shares(o.Votes) + ")"
			total = total.Add(o.Votes)
		}
		d.Paragraph(l.label + " (" + fr.Count(len(l.list), "copropriétaire", "copropriétaires") + ", " + fr.Shares(total) + " tantièmes) : " +
			strings.Join(items, ", ") + ".")
	}
}

// minutesSignatures prints the boxes where the chair, the secretary and
// the scrutineers sign (décret art. 17).
func minutesSignatures(d *Doc, m Minutes) {
	f := d.pdf
	_, pageH := f.GetPageSize()
	if f.GetY() > pageH-footerH-4-40 {
		d.AddPage()
	}
	f.Ln(3)
	signers := []string{"Le président de séance\n" + m.Chair, "Le secrétaire\n" + m.Secretary}
	for _, s := range m.Scrutineers {
		signers = append(signers, "Le scrutateur\n"+s)
	}
	if len(m.Scrutineers) == 0 {
		signers = append(signers, "Le scrutateur")
	}
	n := len(signers)
	if n > 4 {
		n = 4
	}
	w := d.Width() / float64(n)
	for row := 0; row*n < len(signers); row++ {
		y := f.GetY()
		for i := row * n; i < len(signers) && i < (row+1)*n; i++ {
			x := marginX + w*float64(i-row*n)
			f.Rect(x+1, y, w-2, 30, "D")
			f.SetXY(x+2, y+1)
			f.SetFont(family, "", 8)
			f.MultiCell(w-4, 3.8, strings.TrimSpace(signers[i]), "", "L", false)
		}
		f.SetXY(marginX, y+32)
	}
}
