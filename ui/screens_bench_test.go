package ui

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"tantieme/ledger/ledgertest"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"tantieme/app"
)

// The window on a big residence (issue 22: « any screen shown, 600 owners /
// 200k lines, < 100 ms »), measured headless with Fyne's test driver: for
// each screen of the navigation and of the menus, the time from the click
// (Shell.show, or the card's openCard) to the screen built, its data read,
// its background work done (s.jobs) and every object laid out with its
// renderer made (the test canvas lays out on SetContent; visible() then
// asks each widget's renderer, as the first frame would).
//
//	go test ./ui/ -run '^$' -bench 'BenchmarkScreens' -benchtime 5x
//
// The file (built by `go test ./ledger -run '^$' -bench Open -benchtime 1x`
// when missing) is copied first: opening writes its lock. Each screen is
// built afresh on every iteration (the first click's cost, the one the user
// waits for); the table printed at the end lists the medians, slowest first.
func BenchmarkScreens(b *testing.B) {
	file := benchResidence(b)
	s := newBenchShell(b)
	start := time.Now()
	s.open(file)
	s.jobs.Wait()
	if s.res == nil {
		b.Fatalf("%s did not open; the window says:\n%s", file, overlayText(s))
	}
	opened := time.Since(start)
	var rows []screenTiming
	for _, st := range benchSteps() {
		var times, cpus []time.Duration
		b.Run(st.name, func(b *testing.B) {
			times, cpus = times[:0], cpus[:0]
			for b.Loop() {
				c0, t0 := processCPU(), time.Now()
				st.run(s)
				s.jobs.Wait()
				drawn(s)
				times = append(times, time.Since(t0))
				cpus = append(cpus, processCPU()-c0)
			}
			b.ReportMetric(float64(median(times).Microseconds())/1000, "ms/screen")
			b.ReportMetric(float64(median(cpus).Microseconds())/1000, "cpu-ms/screen")
		})
		if len(times) > 0 {
			rows = append(rows, screenTiming{st.name, median(times), median(cpus), len(times)})
		}
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].median > rows[j].median })
	w := io.Writer(os.Stdout)
	fmt.Fprintf(w, "\nscreens of %s (opened in %d ms), medians, slowest first:\n", filepath.Base(file), opened.Milliseconds())
	fmt.Fprintf(w, "  %-28s %11s %11s\n", "screen", "wall", "cpu")
	for _, r := range rows {
		flag := ""
		if r.median > 100*time.Millisecond {
			flag = "  > 100 ms"
		}
		fmt.Fprintf(w, "  %-28s %8.1f ms %8.1f ms  (%d runs)%s\n", r.name, ms(r.median), ms(r.cpuMedian), r.runs, flag)
	}
}

type screenTiming struct {
	name      string
	median    time.Duration // wall clock
	cpuMedian time.Duration // the process's CPU time (every thread: the GC's too)
	runs      int
}

// benchStep is a click of the user: a screen of the navigation column (as
// Affichage › … and Ctrl+1…9 do), or a card or a register opened from one.
type benchStep struct {
	name string
	run  func(s *Shell)
}

func benchSteps() []benchStep {
	var steps []benchStep
	for i, sp := range screens {
		steps = append(steps, benchStep{sp.id, func(s *Shell) {
			s.built[i] = nil // built afresh: the first click's cost
			s.show(i)
		}})
	}
	steps = append(steps,
		benchStep{"owner card", func(s *Shell) {
			o := builtScreen(s, string(app.TopicOwners)).(*owners)
			o.back() // the list alone is read again, as after a click on « Retour »
			s.showScreen(string(app.TopicOwners))
			o.openCard(o.table.Rows()[0].Account)
		}},
		benchStep{"lot card", func(s *Shell) {
			l := builtScreen(s, string(app.TopicLots)).(*lots)
			l.back()
			s.showScreen(string(app.TopicLots))
			l.openCard(l.table.Rows()[0].Number)
		}},
		benchStep{"supplier card", func(s *Shell) {
			p := builtScreen(s, "suppliers").(*suppliers)
			p.back()
			s.showScreen("suppliers")
			if rows := p.table.Rows(); len(rows) > 0 {
				p.openCard(rows[0].Account)
			}
		}},
		benchStep{"documents register", func(s *Shell) { s.showRegister() }},
	)
	return steps
}

// builtScreen is the screen with that id, built (not shown) when it was not.
func builtScreen(s *Shell, id string) screen {
	for i, sp := range screens {
		if sp.id == id {
			if s.built[i] == nil {
				s.built[i] = sp.make(s)
			}
			return s.built[i]
		}
	}
	panic("no screen " + id)
}

// drawn lays out what the window shows and makes every renderer, as the
// driver does before it paints a frame.
func drawn(s *Shell) {
	c := s.win.Canvas()
	c.Content().Resize(c.Size())
	for _, o := range visible(c.Content()) {
		_ = o.MinSize()
	}
	for _, o := range c.Overlays().List() {
		visible(o)
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func median(d []time.Duration) time.Duration {
	if len(d) == 0 {
		return 0
	}
	s := slices.Clone(d)
	slices.Sort(s)
	return s[len(s)/2]
}

// benchResidence is a private copy of the big residence (never written to).
func benchResidence(b *testing.B) string {
	return ledgertest.BenchResidenceCopy(b, "TANTIEME_BENCH_RESIDENCE")
}

// newBenchShell is newTestShell for a benchmark.
func newBenchShell(b *testing.B) *Shell {
	b.Helper()
	b.Setenv("XDG_CONFIG_HOME", b.TempDir())
	b.Setenv("HOME", b.TempDir())
	pluggedSticks = func() []string { return nil }
	a := test.NewTempApp(b)
	a.Settings().SetTheme(newTheme())
	w := a.NewWindow("")
	w.Resize(fyne.NewSize(1280, 800))
	s := newShell(a, w, app.WriteDemo)
	b.Cleanup(s.closeResidence)
	return s
}
