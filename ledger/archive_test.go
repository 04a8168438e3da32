package ledger_test

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"tantieme/ledger"
)

// postPayments writes n balanced entries (owner pays into the bank).
func postPayments(tb testing.TB, db *ledger.DB, from, n int) {
	tb.Helper()
	mustUpdate(tb, db, func(tx *ledger.Tx) error {
		for i := from; i < from+n; i++ {
			e := entry("2025-03-15", "BQ", fmt.Sprintf("R%05d", i), dr("512001", "", "10.00"), cr("450001", "", "10.00"))
			if err := tx.PostEntry(e); err != nil {
				return err
			}
		}
		return nil
	})
}

// books is what a restore must give back: the trial balance of 2025 and the
// owners with their balances.
func books(tb testing.TB, db *ledger.DB) string {
	tb.Helper()
	var out string
	mustView(tb, db, func(tx *ledger.Tx) error {
		ex, err := tx.ExerciseOfYear(2025)
		if err != nil {
			return err
		}
		tbal, err := tx.TrialBalanceOf(ex)
		if err != nil {
			return err
		}
		owners, err := tx.Owners()
		if err != nil {
			return err
		}
		bal, err := tx.OwnerBalances(ledger.Date(2025, 12, 31))
		if err != nil {
			return err
		}
		b, _ := json.Marshal([]any{tbal, owners, bal})
		out = string(b)
		return nil
	})
	return out
}

func TestArchiveRoundTrip(t *testing.T) {
	db := mustCreate(t)
	postPayments(t, db, 0, 25)
	dir := t.TempDir()
	docs := t.TempDir()
	os.MkdirAll(filepath.Join(docs, "Appels"), 0o755)
	os.WriteFile(filepath.Join(docs, "Appels", "appel.pdf"), []byte("%PDF-1.4 appel"), 0o644)
	os.WriteFile(filepath.Join(docs, "annexes.pdf"), []byte("%PDF-1.4 annexes"), 0o644)

	path, m, err := db.WriteArchive(dir, ledger.ArchiveOptions{Documents: docs})
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^Residence-des-Tests_\d{8}-\d{6}\.copro\.zip$`).MatchString(filepath.Base(path)) {
		t.Errorf("archive name %q", filepath.Base(path))
	}
	if m.Residence != "Résidence des Tests" || m.Owners != 3 || m.Lots != 4 || m.Entries != 25 || m.Exercise != "2025" ||
		m.SchemaVersion != ledger.SchemaVersion() || len(m.SHA256) != 64 || len(m.Documents) != 2 {
		t.Errorf("manifest %+v", m)
	}

	target := filepath.Join(t.TempDir(), "Restaurée.copro")
	restoredDocs := t.TempDir()
	res, err := ledger.Restore(path, target, ledger.RestoreOptions{Documents: restoredDocs})
	if err != nil {
		t.Fatal(err)
	}
	if res.Replaced != "" || res.Documents != 2 {
		t.Errorf("restore result %+v", res)
	}
	if b, _ := os.ReadFile(filepath.Join(restoredDocs, "Appels", "appel.pdf")); string(b) != "%PDF-1.4 appel" {
		t.Errorf("restored document %q", b)
	}
	r, err := ledger.Open(target)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if got, want := books(t, r), books(t, db); got != want {
		t.Errorf("restored books differ:\n%s\n%s", got, want)
	}
	if p, err := r.Check(true); err != nil || len(p) != 0 {
		t.Errorf("check of the restored file: %v %v", p, err)
	}
}

// Restoring over an existing residence keeps a safety copy of it, and the
// restored books are those of the archive.
func TestRestoreReplacesAndKeepsCopy(t *testing.T) {
	db := mustCreate(t)
	postPayments(t, db, 0, 3)
	path, _, err := db.WriteArchive(t.TempDir(), ledger.ArchiveOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := books(t, db)
	postPayments(t, db, 3, 5) // written after the backup
	file := db.Path()

	if _, err := ledger.Restore(path, file, ledger.RestoreOptions{}); err == nil {
		t.Fatal("restore over a residence open for writing was accepted")
	} else if _, busy := ledger.Busy(err); !busy {
		t.Fatalf("restore over an open residence: %v", err)
	}
	db.Close()
	res, err := ledger.Restore(path, file, ledger.RestoreOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Replaced == "" || !strings.Contains(res.Replaced, ledger.ReasonRestore) {
		t.Fatalf("replaced file not kept: %+v", res)
	}
	r, err := ledger.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	if got := books(t, r); got != want {
		t.Errorf("restored books differ")
	}
	r.Close()
	// The copy of the replaced file holds the 8 entries.
	a, err := ledger.OpenArchive(res.Replaced)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if a.Manifest.Entries != 8 || a.Verify() != nil {
		t.Errorf("safety copy %+v", a.Manifest)
	}
}

// A backup taken while another connection writes is a consistent state:
// it verifies, passes check, and holds whole workflows only.
func TestArchiveWhileWriting(t *testing.T) {
	db := mustCreate(t)
	reader, err := ledger.OpenReadOnly(db.Path()) // as another program would
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; ; i += 10 {
			select {
			case <-stop:
				return
			default:
			}
			postPayments(t, db, i, 10) // ten entries per transaction
		}
	}()
	dir := t.TempDir()
	var archives []string
	for i := 0; i < 6; i++ {
		from := db
		if i%2 == 1 {
			from = reader
		}
		p, m, err := from.WriteArchive(dir, ledger.ArchiveOptions{Now: time.Date(2026, 1, 1, 10, 0, i, 0, time.Local)})
		if err != nil {
			t.Fatal(err)
		}
		if m.Entries%10 != 0 {
			t.Errorf("archive %d holds %d entries: a workflow was cut", i, m.Entries)
		}
		archives = append(archives, p)
	}
	close(stop)
	wg.Wait()
	for i, p := range archives {
		target := filepath.Join(t.TempDir(), "r.copro")
		if _, err := ledger.Restore(p, target, ledger.RestoreOptions{}); err != nil {
			t.Fatalf("archive %d: %v", i, err)
		}
		r, err := ledger.OpenReadOnly(target)
		if err != nil {
			t.Fatal(err)
		}
		if p, err := r.Check(true); err != nil || len(p) != 0 {
			t.Errorf("archive %d: check %v %v", i, p, err)
		}
		r.Close()
	}
}

// corruptions of a good archive, each of which must be refused.
func corruptions(t *testing.T, good []byte) map[string][]byte {
	out := map[string][]byte{
		"tronquée":     good[:len(good)/2],
		"tronquée fin": good[:len(good)-30],
		"vide":         {},
		"pas un zip":   []byte("SQLite format 3\x00 pas une archive"),
	}
	zr, err := zip.NewReader(bytes.NewReader(good), int64(len(good)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == "residence.copro" {
			off, _ := f.DataOffset()
			for _, at := range []int64{0, int64(f.CompressedSize64) / 2, int64(f.CompressedSize64) - 1} {
				b := bytes.Clone(good)
				b[off+at] ^= 0x5A
				out[fmt.Sprintf("octet %d inversé", at)] = b
			}
		}
	}
	// Same archive, manifest with another hash, or a newer schema.
	rewrite := func(edit func(m map[string]any)) []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for _, f := range zr.File {
			r, _ := f.Open()
			body, _ := io.ReadAll(r)
			r.Close()
			if f.Name == "manifest.json" {
				var m map[string]any
				json.Unmarshal(body, &m)
				edit(m)
				body, _ = json.Marshal(m)
			}
			w, _ := zw.Create(f.Name)
			w.Write(body)
		}
		zw.Close()
		return buf.Bytes()
	}
	out["mauvaise empreinte"] = rewrite(func(m map[string]any) {
		s := m["sha256"].(string)
		m["sha256"] = strings.Repeat("0", 8) + s[8:]
	})
	out["schéma plus récent"] = rewrite(func(m map[string]any) { m["schema_version"] = ledger.SchemaVersion() + 1 })
	out["autre taille"] = rewrite(func(m map[string]any) { m["size"] = m["size"].(float64) + 1 })
	out["autres comptes"] = rewrite(func(m map[string]any) { m["owners"] = 99 })
	out["sans manifeste"] = rewrite(func(m map[string]any) { m["format"] = "autre" })
	return out
}

func TestCorruptedArchiveRefused(t *testing.T) {
	db := mustCreate(t)
	postPayments(t, db, 0, 40)
	path, _, err := db.WriteArchive(t.TempDir(), ledger.ArchiveOptions{})
	if err != nil {
		t.Fatal(err)
	}
	good, _ := os.ReadFile(path)
	db.Close()
	target := db.Path()
	before, _ := os.ReadFile(target)
	for name, bad := range corruptions(t, good) {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			archive := filepath.Join(dir, "Residence-des-Tests_20260101-100000.copro.zip")
			os.WriteFile(archive, bad, 0o644)
			_, err := ledger.Restore(archive, target, ledger.RestoreOptions{})
			if err == nil {
				t.Fatal("a damaged archive was restored")
			}
			if ledger.KindOf(err) == ledger.Internal {
				t.Errorf("not a user's message: %v", err)
			}
			if name == "schéma plus récent" && !strings.Contains(ledger.Message(err), "plus récente") {
				t.Errorf("newer schema message: %s", ledger.Message(err))
			}
			after, _ := os.ReadFile(target)
			if !bytes.Equal(before, after) {
				t.Error("the residence was changed by a refused restore")
			}
			if entries, _ := os.ReadDir(filepath.Dir(target)); len(entries) != 1 {
				var names []string
				for _, e := range entries {
					names = append(names, e.Name())
				}
				t.Errorf("files left beside the residence: %v", names)
			}
		})
	}
}

// The snapshot inside says it comes from a newer program even though the
// manifest does not: still refused.
func TestNewerSchemaInsideRefused(t *testing.T) {
	db := mustCreate(t)
	dir := t.TempDir()
	snap := filepath.Join(dir, "snap.copro")
	if err := db.Snapshot(snap); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if err := ledger.BumpVersionForTest(snap); err != nil {
		t.Fatal(err)
	}
	if _, err := ledger.Open(snap); err == nil || !strings.Contains(ledger.Message(err), "plus récente") {
		t.Errorf("open of a newer file: %v", err)
	}
}

func TestPruneKeepsNewest(t *testing.T) {
	db := mustCreate(t)
	dir := t.TempDir()
	base := time.Date(2026, 11, 1, 9, 0, 0, 0, time.Local)
	for i := 0; i < 5; i++ {
		if _, _, err := db.WriteArchive(dir, ledger.ArchiveOptions{Now: base.AddDate(0, 0, i)}); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(dir, "Autre-Residence_20260101-000000.copro.zip"), []byte("x"), 0o644)
	if n := ledger.PruneArchives(dir, "Résidence des Tests", 3); n != 2 {
		t.Errorf("pruned %d", n)
	}
	var got []string
	for _, a := range ledger.ListArchives(dir, "Résidence des Tests") {
		got = append(got, a.Time.Format("02"))
	}
	if !reflect.DeepEqual(got, []string{"05", "04", "03"}) {
		t.Errorf("kept %v", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "Autre-Residence_20260101-000000.copro.zip")); err != nil {
		t.Error("another residence's backup was deleted")
	}
}

func TestArchiveSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Résidence Les Tilleuls": "Residence-Les-Tilleuls",
		"  L'Orée / du Bois  ":   "L-Oree-du-Bois",
		"":                       "Residence",
		"Ça & là n°12":           "Ca-la-n-12",
	} {
		if got := ledger.ArchiveSlug(in); got != want {
			t.Errorf("%q → %q, want %q", in, got, want)
		}
	}
}
