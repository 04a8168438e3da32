package ledger_test

import (
	"bytes"
	"database/sql"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"tantieme/ledger"
)

// TestWriteOutputRefuses: every file that holds or protects the books stays
// byte-identical when an output names it, and the refusal names it.
func TestWriteOutputRefuses(t *testing.T) {
	dir := t.TempDir()
	db, err := ledger.Create(filepath.Join(dir, "r.copro"), ledger.Setup{
		Residence:  ledger.Residence{Name: "Résidence des Tests"},
		FirstStart: ledger.Date(2025, 1, 1),
	})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	// A copy of the residence under a name that says nothing: refused by
	// its content (header and application_id), not by its name.
	residence := filepath.Join(dir, "r.copro")
	data, err := os.ReadFile(residence)
	if err != nil {
		t.Fatal(err)
	}
	disguised := filepath.Join(dir, "comptes.xlsx")
	writeTestFile(t, disguised, data)

	plain := filepath.Join(dir, "autre.db")
	raw, err := sql.Open("sqlite", plain)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec("CREATE TABLE t (x)"); err != nil {
		t.Fatal(err)
	}
	raw.Close()

	safety := filepath.Join(dir, "Copies de sécurité")
	if err := os.Mkdir(safety, 0o755); err != nil {
		t.Fatal(err)
	}
	inSafety := filepath.Join(safety, "notes.txt")
	writeTestFile(t, inSafety, []byte("notes"))

	others := map[string]string{
		"lock":     "r.copro.lock", // held by db, open above
		"journal":  "r.copro-journal",
		"wal":      "r.copro-wal",
		"shm":      "r.copro-shm",
		"archive":  "r_20260101-120000.copro.zip",
		"journal2": "Autre.COPRO-JOURNAL",
	}
	for _, name := range others {
		p := filepath.Join(dir, name)
		if _, err := os.Stat(p); err != nil {
			writeTestFile(t, p, []byte("contenu de "+name))
		}
	}
	subdir := filepath.Join(dir, "Exports")
	if err := os.Mkdir(subdir, 0o755); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name, path, want string
	}{
		{"residence", residence, "est une résidence Tantième"},
		{"residence under another name", disguised, "est une résidence Tantième"},
		{"other SQLite database", plain, "base de données SQLite"},
		{"lock of a residence held open", filepath.Join(dir, others["lock"]), "verrou"},
		{"rollback journal", filepath.Join(dir, others["journal"]), "journal"},
		{"journal, any case", filepath.Join(dir, others["journal2"]), "journal"},
		{"WAL", filepath.Join(dir, others["wal"]), "journal"},
		{"shared memory", filepath.Join(dir, others["shm"]), "journal"},
		{"backup archive", filepath.Join(dir, others["archive"]), "sauvegarde"},
		{"safety copies folder", inSafety, "Copies de sécurité"},
		{"new file in the safety folder", filepath.Join(safety, "export.csv"), "Copies de sécurité"},
		{"directory", subdir, "dossier"},
		{"new residence name", filepath.Join(dir, "nouvelle.copro"), ".copro"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, statErr := os.ReadFile(tt.path)
			called := false
			err := ledger.WriteOutput(tt.path, func(w io.Writer) error {
				called = true
				_, err := w.Write([]byte("export"))
				return err
			})
			if err == nil {
				t.Fatalf("%s: written, want a refusal", tt.path)
			}
			if ledger.KindOf(err) != ledger.Invalid {
				t.Errorf("kind %v, want Invalid", ledger.KindOf(err))
			}
			msg := ledger.Message(err)
			if !strings.Contains(msg, tt.path) || !strings.Contains(msg, tt.want) {
				t.Errorf("message %q: want the file %q and %q", msg, tt.path, tt.want)
			}
			if called {
				t.Error("the writer ran although the target is refused")
			}
			after, err2 := os.ReadFile(tt.path)
			switch {
			case os.IsNotExist(statErr) && !os.IsNotExist(err2):
				t.Errorf("%s created", tt.path)
			case statErr == nil && (err2 != nil || !bytes.Equal(before, after)):
				t.Errorf("%s changed", tt.path)
			}
			assertNoTempFile(t, filepath.Dir(tt.path))
		})
	}
	// The residence still opens: its lock and journal were never touched.
	if err := db.View(func(tx *ledger.Tx) error { _, err := tx.Residence(); return err }); err != nil {
		t.Fatal(err)
	}
}

// TestWriteOutputAtomic: a writer that fails leaves the old file and no
// temporary file; one that succeeds replaces the old file whole.
func TestWriteOutputAtomic(t *testing.T) {
	tests := []struct {
		name    string
		old     []byte // nil: no file before
		write   func(w io.Writer) error
		want    []byte
		wantErr bool
	}{
		{"new file", nil, outputString("nouveau"), []byte("nouveau"), false},
		{"replaces an export", []byte("ancien export, plus long"), outputString("nouveau"), []byte("nouveau"), false},
		{"failure keeps the old file", []byte("ancien"), func(w io.Writer) error {
			w.Write([]byte("moitié"))
			return errors.New("disque plein")
		}, []byte("ancien"), true},
		{"failure leaves no file", nil, func(w io.Writer) error {
			w.Write([]byte("moitié"))
			return ledger.Errorf(ledger.Invalid, "refusé")
		}, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "export.csv")
			if tt.old != nil {
				writeTestFile(t, path, tt.old)
			}
			err := ledger.WriteOutput(path, tt.write)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error %v", err, tt.wantErr)
			}
			if err != nil && !strings.Contains(ledger.Message(err), "refusé") && !strings.Contains(ledger.Message(err), path) {
				t.Errorf("message %q names neither the cause nor the file", ledger.Message(err))
			}
			got, rerr := os.ReadFile(path)
			if tt.want == nil {
				if !os.IsNotExist(rerr) {
					t.Errorf("file exists after a failure: %q", got)
				}
			} else if !bytes.Equal(got, tt.want) {
				t.Errorf("content %q, want %q", got, tt.want)
			}
			assertNoTempFile(t, dir)
		})
	}
}

// TestWriteOutputMode: an output gets the mode any program gives a new
// file (0666 less the umask), also when it replaces a private file, never
// the 0600 of a temporary file.
func TestWriteOutputMode(t *testing.T) {
	dir := t.TempDir()
	ref := filepath.Join(dir, "ref")
	f, err := os.OpenFile(ref, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o666)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	usual := fileMode(t, ref)
	if usual == 0o600 {
		t.Skip("umask 077: the usual mode cannot be told from a temporary file's")
	}
	private := filepath.Join(dir, "ancien.pdf")
	writeTestFile(t, private, []byte("ancien"))
	if err := os.Chmod(private, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{filepath.Join(dir, "nouveau.pdf"), private} {
		if err := ledger.WriteOutputBytes(p, []byte("%PDF")); err != nil {
			t.Fatal(err)
		}
		if got := fileMode(t, p); got != usual {
			t.Errorf("%s: mode %o, want %o", filepath.Base(p), got, usual)
		}
	}
}

func outputString(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

func writeTestFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func fileMode(t *testing.T, path string) os.FileMode {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return st.Mode().Perm()
}

func assertNoTempFile(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".tantieme-") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
}

// TestCheckOutputDir: documents go into a folder, never into a residence
// taken for one nor into the safety copies.
func TestCheckOutputDir(t *testing.T) {
	dir := t.TempDir()
	db, err := ledger.Create(filepath.Join(dir, "r.copro"), ledger.Setup{
		Residence:  ledger.Residence{Name: "Résidence des Tests"},
		FirstStart: ledger.Date(2025, 1, 1),
	})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	writeTestFile(t, filepath.Join(dir, "notes.txt"), []byte("notes"))
	tests := []struct {
		dir, want string // want "": accepted
	}{
		{filepath.Join(dir, "Avis"), ""},
		{dir, ""},
		{filepath.Join(dir, "r.copro"), "est une résidence Tantième"},
		{filepath.Join(dir, "notes.txt"), "pas un dossier"},
		{filepath.Join(dir, "Copies de sécurité"), "Copies de sécurité"},
		{filepath.Join(dir, "Copies de sécurité", "2025"), "Copies de sécurité"},
	}
	for _, tt := range tests {
		err := ledger.CheckOutputDir(tt.dir)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: %v", tt.dir, err)
		case tt.want != "" && (err == nil || !strings.Contains(ledger.Message(err), tt.want)):
			t.Errorf("%s: %v, want %q", tt.dir, err, tt.want)
		}
	}
}

// TestRestoreKeepsMode: a restored residence keeps the mode of the file it
// replaces (it was left 0600, the temporary file's), and a new one gets
// the usual mode.
func TestRestoreKeepsMode(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows files have no Unix permissions to keep")
	}
	db := mustCreate(t)
	archive, _, err := db.WriteArchive(t.TempDir(), ledger.ArchiveOptions{})
	if err != nil {
		t.Fatal(err)
	}
	file := db.Path()
	db.Close()
	if err := os.Chmod(file, 0o640); err != nil {
		t.Fatal(err)
	}
	if _, err := ledger.Restore(archive, file, ledger.RestoreOptions{}); err != nil {
		t.Fatal(err)
	}
	if got := fileMode(t, file); got != 0o640 {
		t.Errorf("restored over a 0640 file: mode %o", got)
	}
	dir := t.TempDir()
	ref := filepath.Join(dir, "ref")
	f, err := os.OpenFile(ref, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o666)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	fresh := filepath.Join(dir, "Nouvelle.copro")
	if _, err := ledger.Restore(archive, fresh, ledger.RestoreOptions{}); err != nil {
		t.Fatal(err)
	}
	if got, want := fileMode(t, fresh), fileMode(t, ref); got != want {
		t.Errorf("restored as a new file: mode %o, want %o", got, want)
	}
}
