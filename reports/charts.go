package reports

import "time"

// BarChart is a chart of horizontal bars in groups (one bar per series in
// each group), drawn with fpdf: the values print beside their bars as text.
type BarChart struct {
	Title  string
	Series []string
	Groups []BarGroup
	Note   string
}

// BarGroup is one label and its values (cents), with their printed texts.
type BarGroup struct {
	Label  string
	Values []int64
	Texts  []string
}

// seriesColours tell the series apart; the legend names them, and every
// bar carries its figure, so colour is never the only sign.
var seriesColours = [][3]int{{70, 110, 170}, {225, 140, 50}, {80, 150, 90}, {150, 150, 150}}

// BarChartsPDF prints the charts, each from the top of a page.
func BarChartsPDF(residence, subtitle string, charts []BarChart, printed time.Time) ([]byte, error) {
	d := NewDoc(Page{Title: "Graphiques", Subtitle: subtitle, Residence: residence, Printed: printed})
	for _, c := range charts {
		d.AddPage()
		d.barChart(c)
	}
	return d.Bytes()
}

func (d *Doc) barChart(c BarChart) {
	f := d.pdf
	const labelW, valueW, barH = 62.0, 26.0, 4.0
	d.Heading(c.Title)
	if c.Note != "" {
		d.Paragraph(c.Note)
	}
	legend := func() {
		f.SetFont(family, "", 8)
		x := marginX
		for i, s := range c.Series {
			col := seriesColours[i%len(seriesColours)]
			f.SetFillColor(col[0], col[1], col[2])
			f.Rect(x, f.GetY()+1, 4, 3, "F")
			w := f.GetStringWidth(s) + 10
			f.SetX(x + 5)
			f.CellFormat(w, 5, s, "", 0, "L", false, 0, "")
			x += w + 5
		}
		f.Ln(7)
	}
	if len(c.Groups) == 0 {
		d.Paragraph("Rien à montrer pour cet exercice.")
		return
	}
	legend()
	lo, hi := int64(0), int64(0)
	for _, g := range c.Groups {
		for _, v := range g.Values {
			lo, hi = min(lo, v), max(hi, v)
		}
	}
	if hi == lo {
		hi = lo + 1
	}
	area := d.Width() - labelW - valueW
	zero := marginX + labelW + area*float64(-lo)/float64(hi-lo)
	scale := area / float64(hi-lo)
	_, pageH := f.GetPageSize()
	groupH := barH*float64(len(c.Series)) + 2
	for _, g := range c.Groups {
		if f.GetY()+groupH > pageH-footerH-6 {
			f.AddPage()
			legend()
		}
		y := f.GetY()
		f.SetFont(family, "", 8)
		f.SetXY(marginX, y)
		label := g.Label
		for f.GetStringWidth(label) > labelW-2 && len(label) > 4 {
			r := []rune(label)
			label = string(r[:len(r)-2]) + "…"
		}
		f.CellFormat(labelW, barH, label, "", 0, "L", false, 0, "")
		for i, v := range g.Values {
			col := seriesColours[i%len(seriesColours)]
			f.SetFillColor(col[0], col[1], col[2])
			by := y + float64(i)*barH
			w := float64(v) * scale
			x := zero
			if w < 0 {
				x, w = zero+w, -w
			}
			if w > 0 {
				f.Rect(x, by+0.5, w, barH-1, "F")
			}
			text := ""
			if i < len(g.Texts) {
				text = g.Texts[i]
			}
			f.SetXY(marginX+labelW+area+1, by)
			f.CellFormat(valueW-1, barH, text, "", 0, "R", false, 0, "")
		}
		f.SetDrawColor(120, 120, 120)
		f.Line(zero, y, zero, y+barH*float64(len(c.Series)))
		f.SetDrawColor(0, 0, 0)
		f.SetY(y + groupH)
	}
}
