package app_test

import (
	"os"
	"path/filepath"
	"testing"

	"tantieme/app"
)

// A residence opened by a relative path (the CLI run from its folder's
// parent) has its default documents folder beside it, not one level
// further down.
func TestDocumentsFolderOfARelativePath(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.Mkdir("res", 0o755); err != nil {
		t.Fatal(err)
	}
	r, err := app.WriteDemo(filepath.Join("res", app.DemoName+".copro"))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	got, err := r.DocumentsFolder()
	if err != nil {
		t.Fatal(err)
	}
	want, _ := filepath.Abs(app.DefaultDocumentsFolder(filepath.Join("res", app.DemoName+".copro"), "Résidence Les Tilleuls"))
	if got != want || filepath.Dir(got) != filepath.Join(dir, "res") {
		t.Errorf("documents folder %s, want %s", got, want)
	}
}
