package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// BarGroup is one label of a bar chart with a value per series (any unit:
// only their ratios are drawn) and the texts printed beside the bars.
type BarGroup struct {
	Label  string
	Values []int64
	Texts  []string
}

// BarColours tell the series apart, the same as the printed charts'; the
// legend names them and every bar has its figure beside it, so colour is
// never the only sign.
var BarColours = []color.NRGBA{{70, 110, 170, 255}, {225, 140, 50, 255}, {80, 150, 90, 255}, {150, 150, 150, 255}}

// NewBarChart draws horizontal bars, one line per series in each group,
// from a common zero (negative values go left of it), with Fyne's canvas:
// a legend on top, the groups' labels on the left (cut with « … » to
// labelWidth), the figures on the right. It scrolls when long.
func NewBarChart(series []string, groups []BarGroup, labelWidth float32) fyne.CanvasObject {
	var legend []fyne.CanvasObject
	for i, s := range series {
		swatch := canvas.NewRectangle(BarColours[i%len(BarColours)])
		swatch.SetMinSize(fyne.NewSize(14, 10))
		legend = append(legend, container.NewCenter(swatch), canvas.NewText(s, theme.Color(theme.ColorNameForeground)))
	}
	lo, hi := int64(0), int64(0)
	for _, g := range groups {
		for _, v := range g.Values {
			lo, hi = min(lo, v), max(hi, v)
		}
	}
	if hi == lo {
		hi = lo + 1
	}
	zero := float32(-lo) / float32(hi-lo)
	// The lines are gathered, then laid out once: a container lays out all
	// its objects at each Add, which made a chart of 600 owners take over
	// a second (issue 22).
	var rows []fyne.CanvasObject
	textSize := theme.TextSize()
	for _, g := range groups {
		for i, v := range g.Values {
			label := ""
			if i == 0 {
				label = Clip(g.Label, labelWidth-8, textSize)
			}
			name := canvas.NewText(label, theme.Color(theme.ColorNameForeground))
			text := ""
			if i < len(g.Texts) {
				text = g.Texts[i]
			}
			figure := canvas.NewText(text, theme.Color(theme.ColorNameForeground))
			figure.Alignment = fyne.TextAlignTrailing
			bar := canvas.NewRectangle(BarColours[i%len(BarColours)])
			axis := canvas.NewRectangle(theme.Color(theme.ColorNameDisabled))
			end := zero + float32(v)/float32(hi-lo)
			spans := [][2]float32{{min(zero, end), max(zero, end)}, {zero, zero}}
			bars := container.New(&spanLayout{spans: spans}, bar, axis)
			rows = append(rows, container.NewBorder(nil, nil, container.New(&FixedWidth{Width: labelWidth}, name),
				container.New(&FixedWidth{Width: 120}, figure), bars))
		}
		gap := canvas.NewRectangle(color.Transparent)
		gap.SetMinSize(fyne.NewSize(1, 6))
		rows = append(rows, gap)
	}
	return container.NewBorder(container.NewHBox(legend...), nil, nil, nil, container.NewVScroll(container.NewVBox(rows...)))
}

// Clip cuts text with « … » so that it fits width at size.
func Clip(text string, width, size float32) string {
	if fyne.MeasureText(text, size, fyne.TextStyle{}).Width <= width {
		return text
	}
	r := []rune(text)
	for len(r) > 1 && fyne.MeasureText(string(r)+"…", size, fyne.TextStyle{}).Width > width {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}

// spanLayout places each object across a span of the width (fractions 0–1)
// on a line as high as a text line; a span of zero width is a 1-px rule.
type spanLayout struct{ spans [][2]float32 }

func (l *spanLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(80, fyne.MeasureText("0", theme.TextSize(), fyne.TextStyle{}).Height+4)
}

func (l *spanLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for i, o := range objs {
		s := l.spans[i]
		x, w := s[0]*size.Width, (s[1]-s[0])*size.Width
		y, h := float32(2), size.Height-4
		if w == 0 {
			w, y, h = 1, 0, size.Height
		}
		o.Move(fyne.NewPos(x, y))
		o.Resize(fyne.NewSize(w, h))
	}
}
