package ui

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"

	"tantieme/ledger"
)

func TestBackupFolders(t *testing.T) {
	there := map[string]bool{"/media/zoé/KINGSTON": true, "/media/zoé/KINGSTON/Copro": true, "/media/zoé/CLÉ": true, "/home/zoé/Documents": true, "/home/zoé/Sauvegardes": true}
	isThere := func(d string) bool { return there[d] }
	for _, tc := range []struct {
		name, last string
		sticks     []string
		want       []string
	}{
		{"first time, no stick: Documents", "", nil, []string{"/home/zoé/Documents"}},
		{"first time, two sticks: the first, the other, Documents", "", []string{"/media/zoé/CLÉ", "/media/zoé/KINGSTON"},
			[]string{"/media/zoé/CLÉ", "/media/zoé/KINGSTON", "/home/zoé/Documents"}},
		{"the stick of last time plugged in again comes first", "/media/zoé/KINGSTON/Copro", []string{"/media/zoé/CLÉ", "/media/zoé/KINGSTON"},
			[]string{"/media/zoé/KINGSTON/Copro", "/media/zoé/CLÉ", "/media/zoé/KINGSTON", "/home/zoé/Documents"}},
		{"last time's folder on disk, still there", "/home/zoé/Sauvegardes", nil, []string{"/home/zoé/Sauvegardes", "/home/zoé/Documents"}},
		{"last time's stick unplugged, another plugged: the other first", "/media/zoé/ANCIENNE", []string{"/media/zoé/CLÉ"},
			[]string{"/media/zoé/CLÉ", "/media/zoé/ANCIENNE", "/home/zoé/Documents"}},
		{"last time's stick unplugged, none plugged: asked for again", "/media/zoé/ANCIENNE", nil,
			[]string{"/media/zoé/ANCIENNE", "/home/zoé/Documents"}},
		{"a stick that is the Documents is offered once", "", []string{"/home/zoé/Documents"}, []string{"/home/zoé/Documents"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := backupFolders(tc.last, tc.sticks, "/home/zoé/Documents", isThere); !slices.Equal(got, tc.want) {
				t.Errorf("backupFolders = %q, want %q", got, tc.want)
			}
		})
	}
}

// With USB sticks plugged in, the backup dialog proposes the first and
// offers the others and the Documents as buttons.
func TestBackupOffersSticks(t *testing.T) {
	s := newTestShell(t)
	openTest(t, s, testResidence(t))
	media := t.TempDir()
	var sticks []string
	for _, name := range []string{"CLÉ USB", "KINGSTON"} {
		d := filepath.Join(media, name)
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
		sticks = append(sticks, d)
	}
	pluggedSticks = func() []string { return sticks }
	t.Cleanup(func() { pluggedSticks = func() []string { return nil } })

	s.backupForm()
	mustContain(t, "the backup form", overlayText(s), "Clés USB branchées :", sticks[0], sticks[1], "Documents")
	fields := dialogFields(t, s, "")
	if got := fields[0].Text; got != sticks[0] {
		t.Fatalf("folder proposed: %q, want the first stick %q", got, sticks[0])
	}
	test.Tap(dialogButton(t, s, "Documents"))
	if got := fields[0].Text; got != userDocuments() {
		t.Errorf("after « Documents »: %q, want %q", got, userDocuments())
	}
	test.Tap(dialogButton(t, s, sticks[1]))
	if got := fields[0].Text; got != sticks[1] {
		t.Fatalf("after the second stick's button: %q", got)
	}
	test.Tap(dialogButton(t, s, "Sauvegarder"))
	s.jobs.Wait()
	if found := archivesIn(t, sticks[1], "*"+ledger.ArchiveExt); len(found) != 1 {
		t.Fatalf("archives on the second stick: %v\n%s", found, overlayText(s))
	}
}
