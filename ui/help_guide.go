package ui

import (
	"bytes"
	"embed"
	"image"
	"image/color"
	_ "image/png" // the guide's screenshots
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"tantieme/ui/widgets"
)

// The user guide (Aide › Guide de l'utilisateur) is Markdown, one file per
// chapter, in guide/: the text can be read and corrected without reading Go.
// Its screenshots are embedded too, downscaled (see guide/images).
//
//go:embed guide/*.md guide/images/*.png
var guideFiles embed.FS

// chapter is a chapter of the guide: its title (the first « # » line) and
// its blocks, text and screenshots in reading order.
type chapter struct {
	title  string
	blocks []guideBlock
}

// guideBlock is Markdown text, or a screenshot with its caption.
type guideBlock struct {
	text    string
	image   string // path in guideFiles
	caption string
}

// imageLine is a screenshot alone on its line: ![caption](images/x.png).
var imageLine = regexp.MustCompile(`^!\[([^\]]*)\]\(([^)\s]+)\)$`)

// guideChapters reads the chapters, in the order of their file names.
func guideChapters() ([]chapter, error) {
	names, err := fs.Glob(guideFiles, "guide/*.md")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var out []chapter
	for _, name := range names {
		b, err := guideFiles.ReadFile(name)
		if err != nil {
			return nil, err
		}
		out = append(out, parseChapter(string(b)))
	}
	return out, nil
}

// parseChapter splits a chapter into its title, its text and its images.
func parseChapter(md string) chapter {
	var c chapter
	var text []string
	flush := func() {
		if t := strings.TrimSpace(strings.Join(text, "\n")); t != "" {
			c.blocks = append(c.blocks, guideBlock{text: t})
		}
		text = nil
	}
	for _, line := range strings.Split(strings.ReplaceAll(md, "\r\n", "\n"), "\n") {
		trimmed := strings.TrimSpace(line)
		if c.title == "" && strings.HasPrefix(trimmed, "# ") {
			c.title = strings.TrimSpace(trimmed[2:])
			continue
		}
		if m := imageLine.FindStringSubmatch(trimmed); m != nil {
			flush()
			c.blocks = append(c.blocks, guideBlock{image: path.Join("guide", m[2]), caption: m[1]})
			continue
		}
		text = append(text, line)
	}
	flush()
	return c
}

// guideImageWidth is the widest a screenshot is shown: it fits the text
// column of the guide's window at 1024 pixels wide.
const guideImageWidth = 640

// guideView is the guide's content: the chapter list on the left, the
// chapter on the right, scrolled, with buttons to go through the chapters.
type guideView struct {
	chapters   []chapter
	list       *widget.List
	body       *fyne.Container
	scroll     *container.Scroll
	prev, next *widget.Button
	current    int
	content    fyne.CanvasObject
}

func newGuideView(chapters []chapter, closeFn func()) *guideView {
	return newTextView(chapters, textViewWords{list: "Chapitres", prev: "Chapitre précédent", next: "Chapitre suivant"}, closeFn)
}

// textViewWords name the parts of a text view: the guide's chapters, the
// law's articles.
type textViewWords struct{ list, prev, next string }

func newTextView(chapters []chapter, words textViewWords, closeFn func()) *guideView {
	g := &guideView{chapters: chapters}
	g.list = widget.NewList(
		func() int { return len(g.chapters) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("Le travail du mois")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(g.chapters[i].title)
		})
	g.list.OnSelected = func(i widget.ListItemID) {
		if i != g.current {
			g.show(i)
		}
	}
	g.body = container.NewVBox()
	g.scroll = container.NewVScroll(g.body)
	g.prev = widget.NewButtonWithIcon(words.prev, theme.NavigateBackIcon(), func() { g.show(g.current - 1) })
	g.next = widget.NewButtonWithIcon(words.next, theme.NavigateNextIcon(), func() { g.show(g.current + 1) })
	g.next.IconPlacement = widget.ButtonIconTrailingText
	closeBtn := widget.NewButtonWithIcon("Fermer", theme.CancelIcon(), closeFn)
	bar := container.NewHBox(g.prev, layout.NewSpacer(), closeBtn, g.next)
	column := container.NewBorder(widget.NewLabelWithStyle(words.list, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil, g.list)
	left := container.NewStack(canvas.NewRectangle(headerTint), container.New(&widgets.FixedWidth{Width: 230}, column))
	g.content = container.NewBorder(nil, nil, left, nil, container.NewBorder(nil, container.NewPadded(bar), nil, nil, g.scroll))
	g.current = -1
	g.show(0)
	return g
}

// show puts chapter i on the right, from its top.
func (g *guideView) show(i int) {
	if i < 0 || i >= len(g.chapters) {
		return
	}
	g.current = i
	c := g.chapters[i]
	objs := []fyne.CanvasObject{widgets.Heading(c.title)}
	for _, b := range c.blocks {
		objs = append(objs, guideBlockView(b))
	}
	g.body.Objects = objs
	g.body.Refresh()
	g.scroll.ScrollToTop()
	g.list.Select(i)
	widgets.SetEnabled(g.prev, i > 0)
	widgets.SetEnabled(g.next, i < len(g.chapters)-1)
}

// guideBlockView draws a block: wrapped Markdown text, or a screenshot at
// its proportions with its caption under it.
func guideBlockView(b guideBlock) fyne.CanvasObject {
	if b.image == "" {
		rt := widget.NewRichTextFromMarkdown(b.text)
		rt.Wrapping = fyne.TextWrapWord
		return rt
	}
	data, err := guideFiles.ReadFile(b.image)
	if err != nil {
		return widgets.Note("(image manquante : " + b.image + ")")
	}
	img := canvas.NewImageFromResource(fyne.NewStaticResource(path.Base(b.image), data))
	img.FillMode = canvas.ImageFillContain
	w, h := float32(guideImageWidth), float32(guideImageWidth)*10/16
	if cfg, _, err := image.DecodeConfig(bytes.NewReader(data)); err == nil && cfg.Width > 0 {
		w = min(float32(cfg.Width), guideImageWidth)
		h = w * float32(cfg.Height) / float32(cfg.Width)
	}
	img.SetMinSize(fyne.NewSize(w, h))
	caption := widget.NewLabel(b.caption)
	caption.TextStyle.Italic = true
	caption.Wrapping = fyne.TextWrapWord
	caption.Alignment = fyne.TextAlignCenter
	// A thin frame tells the screenshot, a window itself, from the page.
	frame := canvas.NewRectangle(color.Transparent)
	frame.StrokeColor = theme.Color(theme.ColorNameInputBorder)
	frame.StrokeWidth = 1
	return container.NewVBox(container.NewCenter(container.NewStack(img, frame)), caption)
}

// scrollBy moves the chapter up or down by dy pixels (arrows, page keys).
func (g *guideView) scrollBy(dy float32) {
	maxY := max(0, g.body.MinSize().Height-g.scroll.Size().Height)
	g.scroll.Offset.Y = min(max(0, g.scroll.Offset.Y+dy), maxY)
	g.scroll.Refresh()
}

// typedKey: Escape closes, the arrows and page keys scroll the chapter.
func (g *guideView) typedKey(ev *fyne.KeyEvent, closeFn func()) {
	page := max(100, g.scroll.Size().Height-60)
	switch ev.Name {
	case fyne.KeyEscape:
		closeFn()
	case fyne.KeyDown:
		g.scrollBy(40)
	case fyne.KeyUp:
		g.scrollBy(-40)
	case fyne.KeyPageDown, fyne.KeySpace:
		g.scrollBy(page)
	case fyne.KeyPageUp:
		g.scrollBy(-page)
	case fyne.KeyHome:
		g.scroll.ScrollToTop()
	case fyne.KeyEnd:
		g.scroll.ScrollToBottom()
	case fyne.KeyRight:
		g.show(g.current + 1)
	case fyne.KeyLeft:
		g.show(g.current - 1)
	}
}

// guideSize is the guide window's size: within a 1024×700 screen, beside
// or over the main window.
var guideSize = fyne.NewSize(960, 640)

// showGuide opens the guide in a window of its own, so that the syndic can
// read a step and do it in the main window; a second call brings the open
// guide to the front.
func (s *Shell) showGuide() {
	if s.menu.guide != nil {
		s.menu.guide.RequestFocus()
		return
	}
	chapters, err := guideChapters()
	if err != nil || len(chapters) == 0 {
		s.inform("Guide indisponible", theme.InfoIcon(), "Le guide de l'utilisateur n'a pas pu être lu dans cette version de Tantième.")
		return
	}
	w := s.app.NewWindow("Guide de l'utilisateur — Tantième")
	g := newGuideView(chapters, w.Close)
	w.SetContent(g.content)
	w.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) { g.typedKey(ev, w.Close) })
	w.SetOnClosed(func() { s.menu.guide = nil })
	w.Resize(guideSize)
	s.menu.guide = w
	w.Show()
}
