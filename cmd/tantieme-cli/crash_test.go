package main

import (
	"bytes"
	"database/sql"
	"fmt"
	"io"
	"math/rand/v2"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	_ "modernc.org/sqlite"

	"tantieme/ledger/ledgertest"
)

// TestCrashLeavesAllOrNothing kills a process at random points of a big
// import, a calls posting and a closing: afterwards the residence passes
// check and holds either the books from before the workflow or those after
// it, never a part; and the next writer gets in despite the lock file left
// by the killed process.
//
// Half the kills land at a uniform random time within an uninterrupted run,
// a quarter a random moment after the rollback journal appeared (the write
// transaction is under way), a quarter a random moment after it became hot
// (synced: the database file is being written, and only the rollback at the
// next opening can undo that). TANTIEME_CRASH_KILLS=N sets the number of kills
// per workflow (default 50, 5 with -short), TANTIEME_CRASH_SEED the seed.
func TestCrashLeavesAllOrNothing(t *testing.T) {
	n := 50
	if testing.Short() {
		n = 5
	}
	if s := os.Getenv("TANTIEME_CRASH_KILLS"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil || v < 1 {
			t.Fatalf("TANTIEME_CRASH_KILLS=%q", s)
		}
		n = v
	}
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("TANTIEME_CRASH_SEED"); s != "" {
		v, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			t.Fatalf("TANTIEME_CRASH_SEED=%q", s)
		}
		seed = v
	}
	t.Logf("%d kills per workflow, TANTIEME_CRASH_SEED=%d", n, seed)
	rnd := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))

	dir := t.TempDir()
	demo := filepath.Join(dir, "demo", "base.copro")
	os.MkdirAll(filepath.Dir(demo), 0o755)
	if code, _, stderr := cli(t, "demo", demo); code != 0 {
		t.Fatalf("demo: exit %d: %s", code, stderr)
	}
	workbook := filepath.Join(dir, "ecritures.csv")
	if err := os.WriteFile(workbook, crashEntriesCSV(10000), 0o644); err != nil {
		t.Fatal(err)
	}

	flows := []struct {
		name string
		base string
		args func(file string) []string
	}{
		{"import", demo, func(f string) []string { return []string{"import", "entries", f, workbook} }},
		{"calls", demo, func(f string) []string { return []string{"calls", f, "--year", "2026"} }},
		{"close", demo, func(f string) []string { return []string{"close", f, "--year", "2025"} }},
	}
	for _, fl := range flows {
		t.Run(fl.name, func(t *testing.T) {
			start := time.Now()
			wd := filepath.Join(dir, fl.name)
			fresh := func(i int) string {
				d := filepath.Join(wd, fmt.Sprint(i))
				if err := os.MkdirAll(d, 0o755); err != nil {
					t.Fatal(err)
				}
				f := filepath.Join(d, "r.copro")
				ledgertest.CopyFile(t, fl.base, f)
				return f
			}

			// The books before, and after an uninterrupted run; three such
			// runs time the workflow (the quickest) and its write
			// transaction (mean).
			var before, after string
			var total, window, hotWindow time.Duration
			const runs = 3
			for r := 0; r < runs; r++ {
				f := fresh(-1 - r)
				if r == 0 {
					before = bookPrint(t, f)
				}
				c := startCrashChild(t, fl.args(f))
				c.watchJournal(f)
				if code := c.cmd.ProcessState.ExitCode(); code != 0 {
					t.Fatalf("uninterrupted %s: exit %d: %s", fl.name, code, c.stderr)
				}
				if r == 0 || c.elapsed() < total {
					total = c.elapsed()
				}
				window += c.journalWindow() / runs
				hotWindow += c.hotWindow() / runs
				if code, out, stderr := cli(t, "check", f); code != 0 {
					t.Fatalf("check after an uninterrupted %s: exit %d: %s%s", fl.name, code, out, stderr)
				}
				got := bookPrint(t, f)
				switch {
				case r == 0:
					after = got
				case got != after:
					t.Fatalf("two uninterrupted runs of the %s give different books:\n%s", fl.name, printDiff(before, after, got))
				}
				os.RemoveAll(filepath.Dir(f))
			}
			if after == before {
				t.Fatalf("the %s changes nothing in the books: the test proves nothing", fl.name)
			}
			t.Logf("uninterrupted %s: %v (quickest of %d runs), rollback journal there for %v, hot for %v (mean)", fl.name,
				total.Round(time.Millisecond), runs, window.Round(time.Millisecond), hotWindow.Round(time.Millisecond))
			if window <= 0 {
				window = 5 * time.Millisecond
			}
			if hotWindow <= 0 {
				hotWindow = 2 * time.Millisecond
			}

			// journal: the kill left a journal (the write transaction was
			// under way); hot: a hot one (the database file possibly half
			// written), which the next opening must roll back.
			var journals, hots, journalAll, none, all, exited int
			for i := 0; i < n; i++ {
				f := fresh(i)
				c := startCrashChild(t, fl.args(f))
				var at string
				switch i % 4 {
				case 0, 2: // anywhere in the run
					d := time.Duration(rnd.Int64N(int64(total)))
					at = fmt.Sprintf("%v after the start", d)
					c.sleep(d)
				case 1: // in the write transaction
					d := time.Duration(rnd.Int64N(int64(window)))
					at = fmt.Sprintf("%v after the journal appeared", d)
					if c.waitJournal(f, false) {
						c.sleep(d)
					}
				case 3: // while the database file is written
					d := time.Duration(rnd.Int64N(int64(hotWindow)))
					at = fmt.Sprintf("%v after the journal became hot", d)
					if c.waitJournal(f, true) {
						c.sleep(d)
					}
				}
				c.cmd.Process.Kill()
				c.wait()
				ws := c.cmd.ProcessState
				if ws.Exited() {
					exited++
					if ws.ExitCode() != 0 {
						t.Errorf("kill %d (%s): the %s ended before the kill with exit %d: %s", i, at, fl.name, ws.ExitCode(), c.stderr)
					}
				}
				journal, hot := journalState(f)
				var saved string
				if journal {
					journals++
				}
				if hot {
					hots++
				}
				// Kept aside in case the recovery goes wrong, to reproduce.
				kept := filepath.Join(filepath.Dir(f), "killed")
				os.MkdirAll(kept, 0o755)
				ledgertest.CopyFile(t, f, filepath.Join(kept, "r.copro"))
				if journal {
					ledgertest.CopyFile(t, f+"-journal", filepath.Join(kept, "r.copro-journal"))
				}
				fail := func(format string, args ...any) {
					t.Helper()
					if saved == "" {
						saved, _ = os.MkdirTemp("", "tantieme-crash-"+fl.name+"-")
						ledgertest.CopyFile(t, filepath.Join(kept, "r.copro"), filepath.Join(saved, "r.copro"))
						if journal {
							ledgertest.CopyFile(t, filepath.Join(kept, "r.copro-journal"), filepath.Join(saved, "r.copro-journal"))
						}
					}
					t.Errorf("kill %d (%s; journal left: %v, hot: %v; killed state kept in %s): %s", i, at, journal, hot, saved, fmt.Sprintf(format, args...))
				}

				if code, out, stderr := cli(t, "check", f); code != 0 || !strings.Contains(out, "aucun problème") {
					fail("check: exit %d: %s%s", code, out, stderr)
					continue
				}
				// A journal whose header was never synced is ignored by
				// SQLite and may stay; a hot one must be gone.
				if _, hot := journalState(f); hot {
					fail("the hot rollback journal is still there after check")
					continue
				}
				switch got := bookPrint(t, f); got {
				case before:
					none++
				case after:
					all++
					if journal {
						journalAll++
					}
				default:
					fail("the books are neither those before nor those after the %s:\n%s", fl.name, printDiff(before, after, got))
				}
				// The next writer gets in: the lock of the killed process is stale.
				if code, out, stderr := cli(t, "pay", f, "--owner", "450001", "--amount", "1", "--date", "2026-06-01"); code != 0 {
					fail("the next writer is refused: exit %d: %s%s", code, out, stderr)
				}
				if saved == "" {
					os.RemoveAll(filepath.Dir(f))
				}
			}
			t.Logf("%s: %d kills in %v: %d killed mid-write (rollback journal left), %d of them with the database file being written (hot journal); outcome: %d none, %d all (%d of them with a journal left); %d finished before the kill",
				fl.name, n, time.Since(start).Round(time.Millisecond), journals, hots, none, all, journalAll, exited)
			if journals == 0 {
				t.Errorf("%s: no kill landed inside the write transaction", fl.name)
			}
		})
	}
}

// crashEntriesCSV is an entries workbook (';'-separated) of n balanced
// entries of two lines, each its own piece, dated in exercise 2025.
func crashEntriesCSV(n int) []byte {
	var b bytes.Buffer
	b.WriteString("Clé;Compte;Libellé compte;Journal;Date;Libellé;Débit;Crédit;TVA;Pièce\n")
	for i := 0; i < n; i++ {
		d := fmt.Sprintf("2025-%02d-%02d", 1+i%12, 1+i%28)
		amt := fmt.Sprintf("%d,%02d", 1+i%50, i%100)
		fmt.Fprintf(&b, "001;615000;;BQ;%s;Entretien %d;%s;;;X%05d\n", d, i, amt, i)
		fmt.Fprintf(&b, ";512001;;BQ;%s;Entretien %d;;%s;;X%05d\n", d, i, amt, i)
	}
	return b.Bytes()
}

// crashChild is the CLI running a workflow in a child process.
type crashChild struct {
	cmd         *exec.Cmd
	stderr      *bytes.Buffer
	started     time.Time
	done        chan struct{}
	ended       time.Time
	journalSeen time.Time
	hotSeen     time.Time
	journalGone time.Time
}

func startCrashChild(t *testing.T, args []string) *crashChild {
	t.Helper()
	cmd := childCmd(t, "run", args...)
	c := &crashChild{cmd: cmd, stderr: &bytes.Buffer{}, done: make(chan struct{})}
	cmd.Stdout = io.Discard
	cmd.Stderr = c.stderr
	c.started = time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		cmd.Wait()
		c.ended = time.Now()
		close(c.done)
	}()
	return c
}

// journalMagic opens a rollback journal once it is synced: from then on
// the database file may be written, and the journal is hot if the writer
// dies. Before, SQLite leaves the header zero and ignores the journal.
var journalMagic = []byte{0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7}

// journalState says whether file has a rollback journal and whether it is
// hot (synced, with the database file possibly half written).
func journalState(file string) (exists, hot bool) {
	f, err := os.Open(file + "-journal")
	if err != nil {
		return false, false
	}
	defer f.Close()
	head := make([]byte, len(journalMagic))
	n, _ := io.ReadFull(f, head)
	return true, n == len(head) && bytes.Equal(head, journalMagic)
}

// waitJournal polls every millisecond until file's rollback journal appears
// (or, with hot, becomes hot): true; or until the child ends: false. It
// notes when it first saw each.
func (c *crashChild) waitJournal(file string, hot bool) bool {
	for {
		select {
		case <-c.done:
			return false
		default:
		}
		exists, isHot := journalState(file)
		now := time.Now()
		if exists && c.journalSeen.IsZero() {
			c.journalSeen = now
		}
		if isHot && c.hotSeen.IsZero() {
			c.hotSeen = now
		}
		if exists && (!hot || isHot) {
			return true
		}
		time.Sleep(time.Millisecond)
	}
}

// watchJournal polls every millisecond until the child ends, noting when
// file's rollback journal appeared, became hot and went.
func (c *crashChild) watchJournal(file string) {
	for {
		select {
		case <-c.done:
			if c.journalGone.IsZero() {
				c.journalGone = c.ended
			}
			return
		default:
		}
		exists, hot := journalState(file)
		now := time.Now()
		switch {
		case exists && c.journalSeen.IsZero():
			c.journalSeen = now
		case !exists && !c.journalSeen.IsZero() && c.journalGone.IsZero():
			c.journalGone = now
		}
		if hot && c.hotSeen.IsZero() {
			c.hotSeen = now
		}
		time.Sleep(time.Millisecond)
	}
}

// sleep waits d, or less if the child ends first.
func (c *crashChild) sleep(d time.Duration) {
	select {
	case <-c.done:
	case <-time.After(d):
	}
}

func (c *crashChild) wait() { <-c.done }

func (c *crashChild) elapsed() time.Duration { return c.ended.Sub(c.started) }

// journalWindow is how long the journal was there in a run watched by
// watchJournal.
func (c *crashChild) journalWindow() time.Duration {
	if c.journalSeen.IsZero() {
		return 0
	}
	return c.journalGone.Sub(c.journalSeen)
}

// hotWindow is how long the journal was hot in a run watched by
// watchJournal.
func (c *crashChild) hotWindow() time.Duration {
	if c.hotSeen.IsZero() {
		return 0
	}
	return c.journalGone.Sub(c.hotSeen)
}

// bookPrint is a fingerprint of the books: row counts and totals read from
// the file directly, exercises and their closed flag, the trial balance of
// every exercise and the owners with their balances, through the CLI.
func bookPrint(t *testing.T, file string) string {
	t.Helper()
	u := url.URL{Scheme: "file", Path: file, RawQuery: "mode=ro"}
	db, err := sql.Open("sqlite", u.String())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var b strings.Builder
	for _, q := range []string{
		"SELECT 'entries', COUNT(*) FROM entries",
		"SELECT 'lines', COUNT(*) || ' debit ' || COALESCE(SUM(debit), 0) || ' credit ' || COALESCE(SUM(credit), 0) FROM lines",
		"SELECT 'calls', COUNT(*) FROM calls",
		"SELECT 'call_parts', COUNT(*) FROM call_parts",
		"SELECT 'receipts', COUNT(*) FROM receipts",
		"SELECT 'closings', COUNT(*) FROM closings",
		"SELECT 'accounts', COUNT(*) FROM accounts",
	} {
		var what, v string
		if err := db.QueryRow(q).Scan(&what, &v); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		fmt.Fprintf(&b, "%s %s\n", what, v)
	}
	rows, err := db.Query("SELECT start, end, closed FROM exercises ORDER BY start")
	if err != nil {
		t.Fatal(err)
	}
	var years []string
	for rows.Next() {
		var start, end string
		var closed int
		if err := rows.Scan(&start, &end, &closed); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "exercise %s %s closed %d\n", start, end, closed)
		years = append(years, start[:4])
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	rows.Close()
	db.Close()
	for _, y := range years {
		code, out, stderr := cli(t, "balance", file, "--year", y, "--json")
		if code != 0 {
			t.Fatalf("balance %s: exit %d: %s", y, code, stderr)
		}
		fmt.Fprintf(&b, "balance %s %s\n", y, out)
	}
	code, out, stderr := cli(t, "owners", file, "--json")
	if code != 0 {
		t.Fatalf("owners: exit %d: %s", code, stderr)
	}
	b.WriteString("owners " + out)
	return b.String()
}

// printDiff shows the lines of got that are in neither want.
func printDiff(before, after, got string) string {
	known := map[string]bool{}
	for _, l := range strings.Split(before+"\n"+after, "\n") {
		known[l] = true
	}
	var out []string
	for _, l := range strings.Split(got, "\n") {
		if !known[l] {
			out = append(out, "  "+l)
		}
	}
	return strings.Join(out, "\n")
}
