package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestExportRefusesResidence: choosing the open residence itself in
// Fichier › Exporter… (and confirming Fyne's "overwrite?") leaves it
// byte-identical and says why in French (issue 12, item 1).
func TestExportRefusesResidence(t *testing.T) {
	for _, name := range []string{"Tests.copro", "Tests.copro.lock"} {
		t.Run(name, func(t *testing.T) {
			s := newTestShell(t)
			file := testResidence(t)
			openTest(t, s, file)
			target := filepath.Join(filepath.Dir(file), name)
			before, err := os.ReadFile(target)
			if err != nil {
				t.Fatal(err)
			}
			s.app.Preferences().SetString(prefExportDir, filepath.Dir(file))
			s.exportWorkbook()
			top := s.win.Canvas().Overlays().Top()
			var entry *widget.Entry
			for _, o := range visible(top) {
				if e, ok := o.(*widget.Entry); ok {
					entry = e
				}
			}
			if entry == nil {
				t.Fatal("no file name field in the save dialog")
			}
			entry.SetText(name)
			test.Tap(dialogButton(t, s, "Enregistrer"))
			confirm := s.win.Canvas().Overlays().Top()
			tapped := false
			for _, o := range visible(confirm) {
				if b, ok := o.(*widget.Button); ok && (b.Text == "Yes" || b.Text == "Oui") {
					test.Tap(b)
					tapped = true
					break
				}
			}
			if !tapped {
				t.Fatalf("no overwrite confirmation:\n%s", texts(confirm))
			}
			s.jobs.Wait()
			after, err := os.ReadFile(target)
			if err != nil || !bytes.Equal(before, after) {
				t.Fatalf("%s changed by the export (err %v, %d bytes before, %d after)", name, err, len(before), len(after))
			}
			mustContain(t, "the refusal", overlayText(s), "« "+target+" »", "Tantième ne l'écrase pas")
		})
	}
}

// TestGuardedWriterLazy: a file chosen in a save dialog is not emptied
// until something is written to it.
func TestGuardedWriterLazy(t *testing.T) {
	newTestShell(t)
	path := filepath.Join(t.TempDir(), "ancien.xlsx")
	if err := os.WriteFile(path, []byte("ancien"), 0o644); err != nil {
		t.Fatal(err)
	}
	w, err := storage.Writer(storage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != "ancien" {
		t.Errorf("opening for writing emptied the file: %q", got)
	}
	w, err = storage.Writer(storage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte("nouveau"))
	w.Close()
	if got, _ := os.ReadFile(path); string(got) != "nouveau" {
		t.Errorf("written: %q", got)
	}
}

var _ fyne.URIWriteCloser = (*lazyWriter)(nil)
