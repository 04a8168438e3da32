package app

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tantieme/ledger"
)

// registered lists the live documents of the register of kind.
func registered(t *testing.T, r *Residence, kind string) []ledger.Document {
	t.Helper()
	var docs []ledger.Document
	view(t, r, func(tx *ledger.Tx) (err error) {
		docs, err = tx.Documents(ledger.DocumentFilter{Kind: kind})
		return err
	})
	return docs
}

func TestNoticesRegisterOnePerOwner(t *testing.T) {
	r := writeDemo(t)
	dir, err := r.DocumentsSubfolder(FolderCalls)
	if err != nil {
		t.Fatal(err)
	}
	due := ledger.Date(2025, 10, 1)
	nf, err := r.WriteNotices(dir, due, NoticeOptions{Printed: letterDate})
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	docs := registered(t, r, "notice")
	if len(docs) != len(nf.Owners) || len(docs) == 0 {
		t.Fatalf("%d documents for %d notices", len(docs), len(nf.Owners))
	}
	root, _ := r.DocumentsFolder()
	byFile := map[string]ledger.Document{}
	for _, d := range docs {
		byFile[DocumentPath(root, d)] = d
		if d.Binder != "releves" || !d.Date.Equal(due) || d.Exercise == 0 || !strings.HasPrefix(d.Title, "Appel de fonds du 01/10/2025 — ") {
			t.Errorf("document %+v", d)
		}
		if strings.Contains(d.File, "_TOUS") || filepath.IsAbs(d.File) {
			t.Errorf("registered %s", d.File)
		}
	}
	for _, p := range nf.Owners {
		d, ok := byFile[p]
		// The file's name holds its owner's account: the only one named.
		if !ok || len(d.Owners) != 1 || !strings.Contains(filepath.Base(p), "_"+d.Owners[0]+"_") {
			t.Errorf("notice %s registered as %+v", p, d)
		}
		if DocumentState(root, d) != "" {
			t.Errorf("state of %s: %s", p, DocumentState(root, d))
		}
	}
	// Printing the same notices again updates their lines.
	if _, err := r.WriteNotices(dir, due, NoticeOptions{Printed: letterDate.AddDate(0, 0, 1)}); err != nil {
		t.Fatal(ledger.Message(err))
	}
	if again := registered(t, r, "notice"); len(again) != len(docs) {
		t.Errorf("%d documents after a reprint, want %d", len(again), len(docs))
	}
}

func TestPreviewNoticesAreNotRegistered(t *testing.T) {
	r := writeDemo(t)
	plan, err := r.PlanBudgetCalls(year(t, r, 2026), 4)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.WritePreviewNotices(t.TempDir(), plan, NoticeOptions{Printed: letterDate}); err != nil {
		t.Fatal(ledger.Message(err))
	}
	if docs := registered(t, r, "notice"); len(docs) != 0 {
		t.Errorf("previews registered: %+v", docs)
	}
}

func TestRemindersRegister(t *testing.T) {
	r := writeDemo(t)
	at := ledger.Date(2025, 12, 31)
	rf, err := r.WriteReminders(t.TempDir(), ReminderOptions{At: at, Threshold: 10000, PayBy: ledger.Date(2026, 1, 31), Printed: ledger.Date(2026, 1, 5)})
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	docs := registered(t, r, "reminder")
	if len(docs) != 1 || len(rf.Owners) != 1 {
		t.Fatalf("documents %+v", docs)
	}
	d := docs[0]
	if d.Binder != "contentieux" || len(d.Owners) != 1 || d.Owners[0] != demoLate || !d.Date.Equal(at) ||
		d.Title != "Relance du 31/12/2025 — Moreau Stéphane" || d.File != rf.Owners[0] {
		t.Errorf("reminder registered %+v", d)
	}
}

// pdfFile writes a small file starting with head.
func pdfFile(t *testing.T, name string, head string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(head+"\n1 0 obj\n<<>>\nendobj\n%%EOF\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestAddDocument(t *testing.T) {
	r := writeDemo(t)
	src := pdfFile(t, "Règlement.pdf", "%PDF-1.4")
	id, err := r.AddDocument(src, Produced{Kind: "regulation", Title: "Règlement de copropriété", Date: ledger.Date(1975, 3, 1)})
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	root, _ := r.DocumentsFolder()
	want := filepath.Join(root, "Classeurs", "Règlement de copropriété", "Règlement.pdf")
	lines, err := r.DocumentRegister(ledger.DocumentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(lines) != 1 || lines[0].ID != id || lines[0].Path != want || lines[0].BinderLabel != "Règlement de copropriété" || lines[0].State != "" {
		t.Fatalf("register %+v", lines)
	}
	// The same name again: a second copy « (2) », a second line.
	id2, err := r.AddDocument(src, Produced{Binder: "reglement", Title: "Modificatif", Owners: []string{demoLate}})
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	d, _ := r.Document(id2)
	if d.File != "Classeurs/Règlement de copropriété/Règlement (2).pdf" || d.Kind != "other" || len(d.Owners) != 1 {
		t.Errorf("second copy %+v", d)
	}
	// A file changed after it was registered is told.
	if err := os.WriteFile(want, []byte("%PDF-1.4 changed"), 0o644); err != nil {
		t.Fatal(err)
	}
	if st := DocumentState(root, lines[0].Document); !strings.Contains(st, "modifié") {
		t.Errorf("state %q", st)
	}
	if err := r.WithdrawDocument(id); err != nil {
		t.Fatal(err)
	}
	if lines, _ := r.DocumentRegister(ledger.DocumentFilter{}); len(lines) != 1 || lines[0].ID != id2 {
		t.Errorf("after withdrawal %+v", lines)
	}
}

func TestAddDocumentRefusals(t *testing.T) {
	r := writeDemo(t)
	big := filepath.Join(t.TempDir(), "scan.pdf")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("%PDF-1.4")
	// Sparse: the size is there, the disk is not used.
	if err := f.Truncate(MaxDocumentSize + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	jpeg := filepath.Join(t.TempDir(), "photo.jpg")
	os.WriteFile(jpeg, bytes.Repeat([]byte("x"), 100), 0o644)
	exe := filepath.Join(t.TempDir(), "virus.exe")
	os.WriteFile(exe, []byte("MZ"), 0o644)
	for _, c := range []struct{ path, want string }{
		{pdfFile(t, "facture.pdf", "<html>"), "n'en est pas un"},
		{big, "dépasse 100 Mo"},
		{pdfFile(t, "fac\x1bture.pdf", "%PDF-1.4"), "caractère de contrôle"},
		{pdfFile(t, "fac\u202eture.pdf", "%PDF-1.4"), "caractère de contrôle"},
		{t.TempDir(), "est un dossier"},
		{filepath.Join(t.TempDir(), "absent.pdf"), "ne peut pas être lu"},
		{jpeg, "n'en est pas un"},
		{exe, "seuls les PDF"},
	} {
		_, err := r.AddDocument(c.path, Produced{Title: "x"})
		if err == nil || ledger.KindOf(err) != ledger.Invalid || !strings.Contains(ledger.Message(err), c.want) {
			t.Errorf("%q: %v, want %q", c.path, err, c.want)
		}
	}
	if lines, _ := r.DocumentRegister(ledger.DocumentFilter{}); len(lines) != 0 {
		t.Errorf("registered %+v", lines)
	}
	root, _ := r.DocumentsFolder()
	if _, err := os.Stat(filepath.Join(root, FolderBinders)); err == nil {
		entries, _ := os.ReadDir(filepath.Join(root, FolderBinders, "Divers"))
		if len(entries) != 0 {
			t.Errorf("copies left: %v", entries)
		}
	}
}

// The window and the CLI find a kind's folder with the same function:
// beside the residence file by default, then wherever the syndic chose.
func TestDocumentsSubfolderDefault(t *testing.T) {
	r := writeDemo(t)
	dir, err := r.DocumentsSubfolder(FolderCalls)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(DefaultDocumentsFolder(r.Path(), DemoName), "Appels"); dir != want {
		t.Errorf("calls folder %s, want %s", dir, want)
	}
	other := t.TempDir()
	if err := r.SetDocumentsFolder(other); err != nil {
		t.Fatal(err)
	}
	if dir, _ := r.DocumentsSubfolder(FolderReminders); dir != filepath.Join(other, "Relances") {
		t.Errorf("reminders folder %s", dir)
	}
}

// A residence opened by a relative path (the CLI's usual way) has its
// documents folder beside it, not in a folder of the same name inside.
func TestDocumentsFolderOfRelativePath(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.Mkdir("res", 0o755); err != nil {
		t.Fatal(err)
	}
	r, err := WriteDemo(filepath.Join("res", "demo.copro"))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	got, err := r.DocumentsFolder()
	if err != nil {
		t.Fatal(err)
	}
	if want := DefaultDocumentsFolder(filepath.Join(dir, "res", "demo.copro"), DemoName); got != want {
		t.Errorf("documents folder %s, want %s", got, want)
	}
}
