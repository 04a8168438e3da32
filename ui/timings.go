package ui

import (
	"fmt"
	"image"
	"os"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
)

// The window's own timings (issue 22: « time to the first drawn frame and to
// each screen »), written to stderr when TANTIEME_TRACE_TIMINGS=1, one line
// per event, « timing <event> <ms since start> », for scripts/window-timings:
//
//	timing first-frame 600       the welcome page, painted while Show maps the window
//	timing window-shown 610      Show returned: the window is mapped
//	timing driver-started 620    Fyne's loop runs (Lifecycle's OnStarted)
//	timing residence-opened 2900 the residence read, its frame set
//	timing screen owners asked 5000
//	timing screen owners built 5030  read and laid out (Shell.show returned)
//	timing screen owners shown 5060  the frame that shows it was painted
//
// A screen that reads in the background (s.jobs) is « shown » once its first
// frame is painted, its figures may come after.
// « start » is this package's initialisation, a few milliseconds after the
// process started (the Go runtime and the packages before it). Nothing is
// written, and nothing is added to the window, when the variable is unset.
var (
	traceOn    = os.Getenv("TANTIEME_TRACE_TIMINGS") == "1"
	traceStart = time.Now()
)

// tracer notes when a frame is painted. Fyne 2.7 has no hook after a paint
// (Lifecycle only tells when the driver started, entered or left the
// foreground); but a canvas.Raster's generator is called by the painter, on
// the driver's thread, while it paints the frame that shows the raster for
// the first time or after it was refreshed (its texture is made then). So a
// transparent one-pixel raster drawn last over the window's content is
// painted in every frame that follows a show, and says so.
type tracer struct {
	mu      sync.Mutex
	painted bool   // the first frame was painted
	pending string // the screen shown and not yet painted
	drawn   chan struct{}
	markers map[string]*canvas.Raster // by the content they sit on: welcome, frame
	toured  sync.Once
}

var trace tracer

func traceEvent(event string) {
	if !traceOn {
		return
	}
	fmt.Fprintf(os.Stderr, "timing %s %d\n", event, time.Since(traceStart).Milliseconds())
}

// traced is content with a paint marker over it, when tracing; else content.
// name is the marker's: one per kind of content, reused.
func (t *tracer) traced(name string, content fyne.CanvasObject) fyne.CanvasObject {
	if !traceOn {
		return content
	}
	if t.markers == nil {
		t.markers = map[string]*canvas.Raster{}
	}
	m := t.markers[name]
	if m == nil {
		m = canvas.NewRaster(t.paint)
		m.Resize(fyne.NewSize(1, 1))
		t.markers[name] = m
	}
	// Last in the stack: painted after the content it sits on.
	return container.NewStack(content, container.NewWithoutLayout(m))
}

// paint is the markers' generator: called while a frame is painted.
func (t *tracer) paint(w, h int) image.Image {
	t.mu.Lock()
	first := !t.painted
	t.painted = true
	screen := t.pending
	t.pending = ""
	drawn := t.drawn
	t.drawn = nil
	t.mu.Unlock()
	if first {
		traceEvent("first-frame")
	}
	if screen != "" {
		traceEvent("screen " + screen + " shown")
	}
	if drawn != nil {
		close(drawn)
	}
	return image.NewNRGBA(image.Rect(0, 0, 1, 1)) // transparent
}

// asked notes that a screen was asked for; the next frame painted says when
// it was shown.
func (t *tracer) asked(screen string) {
	if !traceOn {
		return
	}
	traceEvent("screen " + screen + " asked")
	t.mu.Lock()
	t.pending = screen
	t.mu.Unlock()
}

// nextFrame is closed once the next frame is painted.
func (t *tracer) nextFrame() <-chan struct{} {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.drawn == nil {
		t.drawn = make(chan struct{})
	}
	return t.drawn
}

// tour shows every screen of the navigation in turn, as a click in the
// column does (Shell.show), each once the one before it was painted and
// the window idle a moment, then quits: the screens' timings with no
// mouse to drive (TANTIEME_TRACE_TIMINGS=1 TANTIEME_TRACE_TOUR=1, used by
// scripts/window-timings). Once per run, after the first residence opened.
func (t *tracer) tour(s *Shell) {
	if !traceOn || os.Getenv("TANTIEME_TRACE_TOUR") != "1" {
		return
	}
	t.toured.Do(func() {
		// The channel is asked for before each show, on the driver's
		// thread: a frame painted before the tour waits is not missed.
		first := t.nextFrame() // the first screen's, shown by setResidence
		go func() {
			wait := func(drawn <-chan struct{}) {
				select {
				case <-drawn:
				case <-time.After(time.Minute):
					traceEvent("frame-timeout")
				}
				time.Sleep(400 * time.Millisecond)
			}
			wait(first)
			for i := 1; i < len(screens); i++ { // the first is shown already
				var drawn <-chan struct{}
				fyne.DoAndWait(func() {
					drawn = t.nextFrame()
					s.show(i)
				})
				wait(drawn)
			}
			traceEvent("tour-done")
			fyne.Do(s.quit)
		}()
	})
}

// shown makes the next frame repaint the markers (and so tell it was
// painted), once the screen asked for is in the window.
func (t *tracer) shown() {
	if !traceOn {
		return
	}
	t.mu.Lock()
	screen := t.pending
	t.mu.Unlock()
	if screen != "" {
		// Built and laid out, not yet painted: the difference is the
		// driver's (the next tick, then the painting of the window).
		traceEvent("screen " + screen + " built")
	}
	for _, m := range t.markers {
		m.Refresh()
	}
}
